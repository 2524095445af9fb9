import path from 'node:path';
import type { Knex } from 'knex';
import { migrationSource } from './migrations';

/**
 * PostgreSQL through `pg` when DATABASE_URL is set (production, CI); otherwise the embedded
 * PGlite under PGLITE_DIR (default ./data) — the same SQL and the same migrations.
 * `pglite: 'memory'` gives a throwaway in-memory database (tests).
 */
export function knexConfig(opts: { databaseUrl?: string; pgliteDir?: string | 'memory' }): Knex.Config {
  const migrations = { migrationSource, tableName: 'knex_migrations' };
  if (opts.databaseUrl) {
    return { client: 'pg', connection: opts.databaseUrl, pool: { min: 0, max: 10 }, migrations };
  }
  const dir = opts.pgliteDir ?? './data';
  return {
    // knex-pglite's CommonJS build exports the client class itself.
    client: require('knex-pglite'),
    connection: () => ({ pglite: createPglite(dir === 'memory' ? undefined : path.resolve(dir)) }) as object,
    migrations,
  } as Knex.Config;
}

function createPglite(dataDir: string | undefined) {
  const { PGlite } = require('@electric-sql/pglite');
  const { types } = require('@electric-sql/pglite');
  // DATE columns stay 'YYYY-MM-DD' strings: a legal date has no time zone.
  return new PGlite({ dataDir, parsers: { [types.DATE]: (value: string) => value } });
}

/** For the knex CLI (`npx knex migrate:latest --knexfile knexfile.ts`). */
export default knexConfig({ databaseUrl: process.env.DATABASE_URL, pgliteDir: process.env.PGLITE_DIR });
