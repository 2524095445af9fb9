import { loadEnv, type Env } from './config/env';
import { createDb, migrateLatest } from './db/knex';
import { createApp } from './http/app';
import { createDeadlineService } from './services/deadlines.service';
import { startSweeper } from './services/deadline-sweeper';
import { ensureAdminToken } from './services/people.service';
import { seedDemo } from './services/demo.seed';

/** `npm start`: validate configuration, migrate, seed the demo when asked, listen, sweep. */
async function main() {
  let env: Env;
  try {
    env = loadEnv();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const db = createDb({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  const applied = await migrateLatest(db);
  if (applied.length) console.log(`migrations applied: ${applied.length}`);
  const clock = () => new Date();
  const deadlines = createDeadlineService({ db, clock });
  await deadlines.loadCalendar(db);
  if (env.BOOTSTRAP_ADMIN_TOKEN) await ensureAdminToken(db, env.BOOTSTRAP_ADMIN_TOKEN);
  if (env.DEMO) await seedDemo({ db, clock, deadlines }, (line) => console.log(line));
  const app = createApp({ db, clock, deadlines, rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE });
  const server = app.listen(env.PORT, () => {
    console.log(`labor case engine listening on http://localhost:${env.PORT} (${env.DATABASE_URL ? 'PostgreSQL' : `embedded PGlite in ${env.PGLITE_DIR}`})`);
    console.log(`API docs: http://localhost:${env.PORT}/docs`);
  });
  // Deadlines that passed while the service was down fire at start, then every interval.
  const sweeper = startSweeper({ db, clock, deadlines }, env.DEADLINE_SWEEP_INTERVAL_MS, (n) => n && console.log(`deadlines fired: ${n}`));
  // Stop taking requests, let those in flight and a running sweep finish, then close the database.
  const stop = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await sweeper.stop();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
