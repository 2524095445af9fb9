import type { Knex } from 'knex';
import { findResponse, saveResponse, type IdempotencyScope, type StoredResponse } from '../repositories/idempotency.repository';
import type { Decided } from './case-commands';
import { canonicalHash } from '../../machines/shared/canonical';
import { IdempotencyKeyReused } from './errors';

export type { IdempotencyScope, StoredResponse };

/** An `Idempotency-Key` request: its scope (token, method, path, key) and its body's hash. */
export interface IdempotentRequest {
  scope: IdempotencyScope;
  requestHash: string;
}

/** The answer a command's outcome or refusal gives, as it is sent and stored. */
export type Answer = Omit<StoredResponse, 'requestHash'>;

/** Thrown inside the command's transaction when a racing repeat recorded its answer first. */
class AlreadyRecorded extends Error {
  constructor(readonly response: StoredResponse) {
    super('idempotent repeat');
  }
}

export function requestHashOf(body: unknown): string {
  return canonicalHash(body ?? null);
}

/**
 * Runs `command` in one transaction and answers with `answer` of its result; with a request, the
 * answer is stored in that same transaction, so it exists exactly when the command committed.
 * A repeat is replayed without running the command: looked up first (api.md: before If-Match),
 * and, for a repeat that raced this one to the lock, when this one's record meets the first's,
 * which rolls this one back. Refusals decided under the lock are answers too and are stored;
 * anything thrown (a doubtful head, audit.md H3) rolls back and is never recorded.
 */
export async function withIdempotency<T>(
  db: Knex,
  request: IdempotentRequest | undefined,
  clock: () => Date,
  command: (trx: Knex.Transaction) => Promise<Decided<T>>,
  answer: (decided: Decided<T>) => Answer,
): Promise<StoredResponse> {
  if (request) {
    const stored = await replayFor(db, request, clock());
    if (stored) return stored;
  }
  try {
    return await db.transaction(async (trx) => {
      const response = { requestHash: request?.requestHash ?? '', ...answer(await command(trx)) };
      if (request && !(await saveResponse(trx, request.scope, response, clock()))) {
        throw new AlreadyRecorded((await replayFor(trx, request, clock()))!);
      }
      return response;
    });
  } catch (err) {
    if (err instanceof AlreadyRecorded) return err.response;
    throw err;
  }
}

/** The stored answer for this key, if any: the same body replays it, another is 422 IDEMPOTENCY_KEY_REUSED. */
async function replayFor(db: Knex, request: IdempotentRequest, now: Date): Promise<StoredResponse | undefined> {
  const stored = await findResponse(db, request.scope, now);
  if (!stored) return undefined;
  if (stored.requestHash !== request.requestHash) throw new IdempotencyKeyReused();
  return stored;
}
