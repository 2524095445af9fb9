import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { createDb, type Db } from '../src/db/knex';
import { createApp } from '../src/http/app';
import { createDeadlineService } from '../src/services/deadlines.service';

/**
 * The service as a process of its own for the HTTP figures (PostgreSQL only: an in-memory PGlite
 * cannot be shared between processes), so that the bench's clients do not share the server's
 * event loop. BENCH_DB_URL names the database; BENCH_HTTP_WORKERS > 1 runs that many cluster
 * workers on one port. Reports `{ port }` to the parent over IPC; `node --cpu-prof` profiles it.
 */
export function startApp(db: Db, port = 0): Promise<{ port: number; close(): Promise<void> }> {
  const clock = () => new Date();
  const deadlines = createDeadlineService({ db, clock });
  const app = createApp({ db, clock, deadlines, rateLimitPerMinute: 0, authFailuresPerMinute: 0 });
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
    server.keepAliveTimeout = 60_000;
    server.on('error', reject);
  });
}

async function serve() {
  const url = process.env.BENCH_DB_URL;
  if (!url) throw new Error('BENCH_DB_URL is required');
  const workers = Number(process.env.BENCH_HTTP_WORKERS ?? '1');
  if (workers > 1 && cluster.isPrimary) {
    // Workers share the primary's listening socket; the primary picks the port first.
    const probe = await startApp(createDb({ databaseUrl: url }));
    const port = probe.port;
    await probe.close();
    let ready = 0;
    for (let i = 0; i < workers; i++) {
      const w = cluster.fork({ BENCH_PORT: String(port) });
      w.on('message', () => {
        if (++ready === workers) process.send?.({ port, workers });
      });
    }
    const stop = () => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      setTimeout(() => process.exit(0), 2000).unref();
    };
    process.on('disconnect', stop);
    process.on('SIGTERM', stop);
    return;
  }
  const db = createDb({ databaseUrl: url });
  const started = await startApp(db, Number(process.env.BENCH_PORT ?? '0'));
  const stop = async () => {
    await started.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.send?.({ port: started.port, workers: 1 });
}

if (require.main === module) {
  serve().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
