import { loadEnv } from '../config/env';
import { migrateLatest, openDatabase } from './knex';

/**
 * `npm run migrate`: applies pending migrations to the configured database; the embedded folder
 * is opened under its lock, like `npm start` (a new folder is created migrated).
 */
async function main() {
  const env = loadEnv();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  try {
    console.log(`database: ${database.description}`);
    const applied = await migrateLatest(database.db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message.split('\n')[0] : String(err));
  process.exit(1);
});
