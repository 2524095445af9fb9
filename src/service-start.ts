import { createServer, type Server } from 'node:http';
import { loadEnv, type Env } from './config/env';
import { migrateLatest, openDatabase, type Db } from './db/knex';
import { StartupRefusal } from './startup-refusal';
import { createApp } from './http/app';
import { answerClientErrors } from './http/client-error';
import { createDeadlineService, type DeadlineService } from './services/deadlines.service';
import { startSweeper } from './services/deadline-sweeper';
import { ensureAdminToken } from './services/people.service';
import { seedDemo } from './services/demo.seed';
import { demoBanner } from './services/demo-banner';
import type { Shutdown } from './shutdown';

/**
 * The start-up sequence of `npm start`: validate configuration, open the database (creating it,
 * migrated and seeded, when the embedded folder is new), migrate, listen, sweep. Each step runs
 * through `shutdown.step`, so a signal takes effect between steps, never in the middle of one.
 */
export async function startService(shutdown: Shutdown) {
  let env: Env;
  try {
    env = loadEnv();
  } catch (err) {
    return shutdown.fail((err as Error).message);
  }
  const clock = () => new Date();
  // The demo seed runs on the new embedded database before it is moved into place (its own knex
  // over the build), or once on an existing database, with the service's deadline service.
  const seed = async (db: Db, deadlines: DeadlineService) => {
    for (const line of demoBanner(env)) console.error(line);
    await seedDemo({ db, clock, deadlines }, (line) => console.log(line));
  };
  const withCalendar = async (db: Db) => {
    const deadlines = createDeadlineService({ db, clock });
    await deadlines.loadCalendar(db);
    return deadlines;
  };

  const database = await shutdown.step(async () => {
    const opened = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, prepareNew: env.DEMO ? async (db) => seed(db, await withCalendar(db)) : undefined });
    shutdown.closeWith(() => opened.close());
    return opened;
  });
  console.log(`database: ${database.description}`);
  const { db } = database;
  const applied = await shutdown.step(() => migrateLatest(db));
  if (applied.length) console.log(`migrations applied: ${applied.length}`);
  const deadlines = await shutdown.step(() => withCalendar(db));
  if (env.DEMO && !database.created) await shutdown.step(() => seed(db, deadlines));
  if (env.BOOTSTRAP_ADMIN_TOKEN) await shutdown.step(() => ensureAdminToken(db, env.BOOTSTRAP_ADMIN_TOKEN!));

  const app = createApp({
    db, clock, deadlines, rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    authFailuresPerMinute: env.AUTH_FAILURES_PER_MINUTE, trustProxy: env.TRUST_PROXY, demoMode: env.DEMO,
  });
  const host = env.HOST ?? (env.DEMO ? '127.0.0.1' : undefined);
  const server = createServer(app);
  answerClientErrors(server);
  await shutdown.step(() => listen(server, env.PORT, host));
  console.log(`labor case engine listening on http://${host ?? 'localhost'}:${env.PORT}`);
  console.log(`API docs: http://${host ?? 'localhost'}:${env.PORT}/docs`);
  // Deadlines that passed while the service was down fire at start, then every interval.
  const sweeper = startSweeper({ db, clock, deadlines }, env.DEADLINE_SWEEP_INTERVAL_MS, (n) => n && console.log(`deadlines fired: ${n}`));
  shutdown.serving(server, sweeper);
}

/** Resolves once the socket is bound (audit.md D5); a port that cannot be bound is one line and exit 1. */
function listen(server: Server, port: number, host: string | undefined): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('listening', () => resolve(server));
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new StartupRefusal(`PORT ${port} is already in use by another process; stop it, or set PORT to another port`));
      else if (err.code === 'EACCES') reject(new StartupRefusal(`PORT ${port} may not be bound by this user; set PORT to a port above 1023`));
      else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') reject(new StartupRefusal(`HOST ${host} is not an address of this machine; set HOST to one of its addresses`));
      else reject(err);
    });
    server.listen(port, host);
  });
}
