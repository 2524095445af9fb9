import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

/** The hashed fields of one history row (architecture.md), as the database gives them back. */
export interface ChainedFields {
  caseId: string;
  seq: number;
  type: string;
  payload: unknown;
  actor: unknown;
  occurredAt: string;
  fromState: string | null;
  toState: string;
  prevHash: string;
}

/** Lower-case hex SHA-256 of the RFC 8785 (JCS) canonical JSON of the fields. */
export function eventHash(fields: ChainedFields): string {
  const canonical = canonicalize(fields);
  if (canonical === undefined) throw new Error('event is not serializable');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Canonical JSON (JCS) of any JSON value: used to compare idempotent request bodies. */
export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? 'null';
}
