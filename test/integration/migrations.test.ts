import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDb, migrateLatest, type Db } from '../../src/db/knex';
import { migrationSource } from '../../migrations';

/**
 * latest -> rollback (all) -> latest on a fresh database: every `down` undoes its `up`, and the
 * schema built again is the same. PGlite in memory always; on PostgreSQL (DATABASE_URL) in a
 * throwaway database of the same server, since the test database is shared by every test file.
 */
async function schemaOf(db: Db) {
  const columns = await db.raw(
    `select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
     where table_schema = current_schema() order by table_name, column_name`,
  );
  const indexes = await db.raw(`select tablename, indexname, indexdef from pg_indexes where schemaname = current_schema() order by indexname`);
  const triggers = await db.raw(`select tgrelid::regclass::text as tbl, tgname from pg_trigger where not tgisinternal order by tgname`);
  const functions = await db.raw(
    `select proname from pg_proc where pronamespace = (select oid from pg_namespace where nspname = current_schema()) order by proname`,
  );
  return { columns: columns.rows, indexes: indexes.rows, triggers: triggers.rows, functions: functions.rows };
}

const tables = async (db: Db) =>
  (await db.raw(`select table_name from information_schema.tables where table_schema = current_schema() order by table_name`)).rows.map((r: { table_name: string }) => r.table_name);

async function roundTrip(db: Db) {
  const all = await migrationSource.getMigrations([]);
  expect(await migrateLatest(db)).toEqual(all);
  const built = await schemaOf(db);
  expect(await tables(db)).toEqual(expect.arrayContaining(['cases', 'case_events', 'deadlines', 'documents', 'idempotency_keys']));

  const [, undone] = await db.migrate.rollback(undefined, true);
  expect(undone).toEqual([...all].reverse());
  // Only knex's own bookkeeping is left, and it records nothing applied.
  expect(await tables(db)).toEqual(['knex_migrations', 'knex_migrations_lock']);
  expect(Number((await db('knex_migrations').count<{ count: string }[]>('* as count'))[0].count)).toBe(0);
  const empty = await schemaOf(db);
  expect(empty.triggers).toEqual([]);
  expect(empty.functions).toEqual([]);

  expect(await migrateLatest(db)).toEqual(all);
  expect(await schemaOf(db)).toEqual(built);
}

describe('migrations: latest -> rollback all -> latest', () => {
  it('on a fresh in-memory PGlite', async () => {
    const db = createDb({ pgliteDir: 'memory' });
    try {
      await roundTrip(db);
    } finally {
      await db.destroy();
    }
  });

  // The suite's PostgreSQL run (DATABASE_URL) also checks the server; the embedded run has none.
  if (process.env.DATABASE_URL) it('on a throwaway PostgreSQL database of the same server', async () => {
    const server = new URL(process.env.DATABASE_URL!);
    const name = `lce_migrations_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: Object.assign(new URL(server.href), { pathname: '/postgres' }).href });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
      const db = createDb({ databaseUrl: Object.assign(new URL(server.href), { pathname: `/${name}` }).href });
      try {
        await roundTrip(db);
      } finally {
        await db.destroy();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
