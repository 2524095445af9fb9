import { createHash } from 'node:crypto';
import { canonicalHash } from '../../machines/shared/canonical';

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
  return canonicalHash(fields);
}

/** Lower-case hex SHA-256 of bytes (documents, tokens): node's native digest, for speed on large files. */
export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
