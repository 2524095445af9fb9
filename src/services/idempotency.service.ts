import type { Knex } from 'knex';
import { findResponse, saveResponse, type IdempotencyScope, type StoredResponse } from '../repositories/idempotency.repository';
import { canonicalJson, sha256Hex } from './hash-chain';
import { IdempotencyKeyReused } from './errors';

export type { IdempotencyScope, StoredResponse };

/** Thrown inside the command's transaction when a racing repeat already recorded its response. */
export class AlreadyRecorded extends Error {
  constructor(readonly response: StoredResponse) {
    super('idempotent repeat');
  }
}

export function requestHashOf(body: unknown): string {
  return sha256Hex(canonicalJson(body ?? null));
}

/**
 * The stored response for this key, if any: the same body replays it, a different body is
 * 422 IDEMPOTENCY_KEY_REUSED.
 */
export async function replayFor(db: Knex, scope: IdempotencyScope, requestHash: string, now: Date): Promise<StoredResponse | undefined> {
  const stored = await findResponse(db, scope, now);
  if (!stored) return undefined;
  if (stored.requestHash !== requestHash) throw new IdempotencyKeyReused();
  return stored;
}

export async function recordResponse(db: Knex, scope: IdempotencyScope, response: StoredResponse, now: Date): Promise<void> {
  await saveResponse(db, scope, response, now);
}
