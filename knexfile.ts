import type { Knex } from 'knex';
import type { PGlite } from '@electric-sql/pglite';
import { migrationSource } from './migrations';
import { SingleEngineClient } from './src/db/pglite-client';

const migrations = { migrationSource, tableName: 'knex_migrations' };

/**
 * PostgreSQL through `pg` when a connection string is given (production, CI); otherwise the
 * embedded PGlite engine handed in — the same SQL and the same migrations. knex gets the one
 * engine itself, never a factory it could call twice (audit.md D1); `src/db/knex.ts` creates it,
 * under the data folder's lock.
 */
export function knexConfig(opts: { databaseUrl: string } | { engine: PGlite }): Knex.Config {
  if ('databaseUrl' in opts) return { client: 'pg', connection: opts.databaseUrl, pool: { min: 0, max: 10 }, migrations };
  return { client: SingleEngineClient, connection: { pglite: opts.engine }, migrations } as unknown as Knex.Config;
}

/**
 * For the knex CLI (`npx knex migrate:latest --knexfile knexfile.ts`), on PostgreSQL only: the
 * embedded database is opened by `npm run migrate` and `npm start`, which take its folder's lock.
 */
export default process.env.DATABASE_URL ? knexConfig({ databaseUrl: process.env.DATABASE_URL }) : {};
