import { loadEnv } from '../config/env';
import { createDb, migrateLatest } from './knex';

/** `npm run migrate`: applies pending migrations to the configured database. */
async function main() {
  const env = loadEnv();
  const db = createDb({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  try {
    const applied = await migrateLatest(db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
