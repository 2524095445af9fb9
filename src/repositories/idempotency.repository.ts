import type { Knex } from 'knex';

export interface IdempotencyScope {
  tokenId: string;
  method: string;
  path: string;
  key: string;
}
export interface StoredResponse {
  requestHash: string;
  status: number;
  body: unknown;
  etag: string | null;
}

/** A stored response for this scope, if it was recorded within the last 24 hours. */
export async function findResponse(db: Knex, scope: IdempotencyScope, now: Date): Promise<StoredResponse | undefined> {
  const row = await db('idempotency_keys')
    .where({ token_id: scope.tokenId, method: scope.method, path: scope.path, key: scope.key })
    .where('created_at', '>', new Date(now.getTime() - 24 * 3600 * 1000))
    .first();
  return row ? { requestHash: row.request_hash, status: row.status, body: row.body, etag: row.etag ?? null } : undefined;
}

/**
 * Records a response; an expired record for the same scope is replaced. False when a live record
 * holds the scope already (a racing repeat committed first): nothing is written then.
 */
export async function saveResponse(db: Knex, scope: IdempotencyScope, response: StoredResponse, now: Date): Promise<boolean> {
  const result = await db.raw(
    `INSERT INTO idempotency_keys (token_id, method, path, key, request_hash, status, body, etag, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
     ON CONFLICT (token_id, method, path, key) DO UPDATE
       SET request_hash = EXCLUDED.request_hash, status = EXCLUDED.status, body = EXCLUDED.body,
           etag = EXCLUDED.etag, created_at = EXCLUDED.created_at
       WHERE idempotency_keys.created_at <= ?
     RETURNING 1`,
    [scope.tokenId, scope.method, scope.path, scope.key, response.requestHash, response.status, JSON.stringify(response.body), response.etag, now, new Date(now.getTime() - 24 * 3600 * 1000)],
  );
  return result.rows.length > 0;
}

/** Forgets responses older than 24 hours (their keys may be used afresh). */
export async function purgeExpired(db: Knex, now: Date): Promise<number> {
  return db('idempotency_keys').where('created_at', '<=', new Date(now.getTime() - 24 * 3600 * 1000)).delete();
}
