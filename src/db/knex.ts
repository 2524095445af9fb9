import knexFactory, { type Knex } from 'knex';
import { types as pgTypes } from 'pg';
import { knexConfig } from '../../knexfile';
import { migrationSource } from '../../migrations';
import { createPgliteEngine } from './pglite-client';
import { openEmbeddedFolder } from './embedded';
import { FolderRefused } from './folder-errors';

// DATE columns stay 'YYYY-MM-DD' strings: a legal date has no time zone (node-postgres would
// otherwise turn it into a local-midnight Date).
pgTypes.setTypeParser(1082, (value: string) => value);

export type Db = Knex;

export interface DbOptions {
  databaseUrl?: string;
  /** 'memory' for a throwaway in-memory PGlite (tests, samples, bench). */
  pgliteDir?: 'memory';
}

/**
 * A database that needs no folder: PostgreSQL, or a throwaway in-memory PGlite. The embedded
 * database in a folder is opened with `openDatabase`, which takes the folder's lock.
 */
export function createDb(opts: DbOptions): Db {
  if (opts.databaseUrl) return knexFactory(knexConfig({ databaseUrl: opts.databaseUrl }));
  const engine = createPgliteEngine(undefined);
  const db = knexFactory(knexConfig({ engine }));
  // The in-memory engine is the database: closing knex closes it.
  const destroy = db.destroy.bind(db);
  // knex defines `destroy` read-only; redefining it keeps every caller's `db.destroy()` working.
  Object.defineProperty(db, 'destroy', {
    configurable: true,
    value: async () => {
      await destroy();
      if (!engine.closed) await engine.close();
    },
  });
  return db;
}

/** The service's database, opened once per process. */
export interface Database {
  db: Db;
  /** For the start-up line (audit.md D7): never a password. */
  description: string;
  /** True when this start created the embedded database (and ran `prepareNew` on it). */
  created: boolean;
  /** Closes knex, the embedded engine (PGlite checkpoints), and releases the folder's lock. */
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  pgliteDir: string;
  /** Prepares a new embedded database before it is moved into place (migrations, demo seed). */
  prepareNew?: (db: Db) => Promise<void>;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const db = createDb({ databaseUrl: opts.databaseUrl });
    return { db, description: `PostgreSQL at ${describeUrl(opts.databaseUrl)}`, created: false, close: () => db.destroy() };
  }
  const opened = await openEmbeddedFolder(opts.pgliteDir, async (engine) => {
    const db = knexFactory(knexConfig({ engine }));
    try {
      await migrateLatest(db);
      await opts.prepareNew?.(db);
    } finally {
      await db.destroy();
    }
  });
  const db = knexFactory(knexConfig({ engine: opened.engine }));
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      try {
        await db.destroy();
        await opened.engine.close();
      } finally {
        opened.lock.release();
      }
    })());
  if (!opened.created) {
    const problem = await migrationProblem(db);
    if (problem) {
      await close();
      throw new FolderRefused(`PGLITE_DIR ${opened.folder} cannot be opened as this service's database (${problem}); restore it from a backup or move it aside — the service never rebuilds an existing folder`);
    }
  }
  return { db, description: `embedded PGlite in ${opened.folder} (${opened.created ? 'created' : 'opened'})`, created: opened.created, close };
}

/** Why an existing database is not this service's (audit.md D4), or undefined when it is. */
async function migrationProblem(db: Db): Promise<string | undefined> {
  if (!(await db.schema.hasTable('knex_migrations'))) return "it has no migrations table of this service";
  const known = new Set(await migrationSource.getMigrations([]));
  const applied: string[] = (await db('knex_migrations').select('name')).map((r: { name: string }) => r.name);
  const unknown = applied.filter((name) => !known.has(name));
  if (unknown.length) return `it holds migrations this version does not know, e.g. ${unknown[0]}: it was written by a newer version`;
  return undefined;
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
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
