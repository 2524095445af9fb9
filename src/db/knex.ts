import knexFactory, { type Knex } from 'knex';
import { types as pgTypes } from 'pg';
import { knexConfig } from '../../knexfile';

// DATE columns stay 'YYYY-MM-DD' strings: a legal date has no time zone (node-postgres would
// otherwise turn it into a local-midnight Date).
pgTypes.setTypeParser(1082, (value: string) => value);

export type Db = Knex;

export interface DbOptions {
  databaseUrl?: string;
  /** Directory of the embedded PGlite database, or 'memory' for a throwaway one. */
  pgliteDir?: string | 'memory';
}

export function createDb(opts: DbOptions): Db {
  return knexFactory(knexConfig(opts));
}

/**
 * Applies pending migrations. Instances starting together against one database queue on knex's
 * migration lock instead of failing: the loser retries until the winner is done.
 */
export async function migrateLatest(db: Db, attempts = 60): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      const [, applied] = await db.migrate.latest();
      return applied as string[];
    } catch (err) {
      if (attempt >= attempts || !/already locked/i.test(String((err as Error)?.message))) throw err;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** True when the database answers a trivial query (health check). */
export async function ping(db: Db): Promise<boolean> {
  try {
    await db.raw('select 1');
    return true;
  } catch {
    return false;
  }
}
