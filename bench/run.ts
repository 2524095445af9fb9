import { performance } from 'node:perf_hooks';
import { prepareBaseline } from './baseline.bench';
import { envInt, openBenchDb } from './bench-db';
import { benchCaseList } from './case-list.bench';
import { createActors, prepareDisputePath, startServer } from './dispute-path.bench';
import { benchCommandRounds } from './rounds.bench';
import { benchPdf } from './pdf.bench';
import { benchSweep } from './sweep.bench';

/**
 * `npm run bench`: prints the figures the targets are judged by (no assertions), in one run on one
 * database: a throwaway `lce_bench_<pid>` on the PostgreSQL server DATABASE_URL names (created and
 * dropped here), or an in-memory PGlite.
 *
 * Settings (environment): BENCH_EVENTS (sequential events, default 400 / PGlite 200),
 * BENCH_CLIENTS (16), BENCH_PER_CLIENT (events per concurrent client, 25 / PGlite 10),
 * BENCH_ROUNDS (interleaved rounds of (a), (b), (c), 5),
 * BENCH_SWEEP (due deadlines to sweep, 10000 / PGlite 1000), BENCH_CASES (cases seeded for the list
 * figures, 1000000 / PGlite 20000; 0 skips), BENCH_SAMPLES (requests per list figure, 40),
 * BENCH_EXPLAIN=1 (print EXPLAIN ANALYZE of every list query, not only of those that miss),
 * BENCH_CPU_PROF=<dir> (run the HTTP server child under `node --cpu-prof`, PostgreSQL only),
 * BENCH_HTTP_WORKERS (cluster workers for the HTTP server, PostgreSQL only, default 1),
 * BENCH_SECTIONS (comma-separated subset of pdf,path,sweep,list; default all; the baseline runs with path).
 * A section that fails prints its error and the run goes on, so one broken path hides no other figure.
 */
async function main() {
  const started = performance.now();
  const print = (line: string) => console.log(line);
  const pg = Boolean(process.env.DATABASE_URL);
  const sections = new Set((process.env.BENCH_SECTIONS ?? 'pdf,path,sweep,list').split(',').map((x) => x.trim()));
  const section = async (name: string, fn: () => Promise<unknown>) => {
    if (!sections.has(name)) return;
    try {
      await fn();
    } catch (err) {
      print(`  ${name}: FAILED: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  if (sections.has('pdf')) {
    console.log('== documents');
    await section('pdf', () => benchPdf(print));
  }

  console.log('== command loop and statutory clock');
  const bench = await openBenchDb();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  // Interrupted (Ctrl-C, timeout): the throwaway database is dropped all the same.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`${signal}: stopping, dropping ${bench.name}`);
      void Promise.resolve(server?.close()).finally(() => bench.drop().finally(() => process.exit(130)));
    });
  }
  try {
    print(`database: ${bench.name}`);
    print(`machine: ${require('node:os').cpus().length} cores (shared with other work: figures are noisy), node ${process.version}`);
    const clients = envInt('BENCH_CLIENTS', 16);
    const events = envInt('BENCH_EVENTS', pg ? 400 : 200);
    const perClient = envInt('BENCH_PER_CLIENT', pg ? 25 : 10);
    const actors = await createActors(bench.db);
    server = await startServer(bench);
    print(`HTTP server: ${server.where}`);
    await section('path', async () => {
      const baseline = await prepareBaseline(bench, clients);
      const path = await prepareDisputePath(bench, server!, actors, clients);
      try {
        await benchCommandRounds(baseline, path, print, { events, clients, perClient, rounds: envInt('BENCH_ROUNDS', 5) });
      } finally {
        await baseline.close();
      }
      const v = await path.verifyLong();
      print(`verify (hash chain + machine replay) of ${v.events} events over HTTP: ${v.ms.toFixed(0)} ms`);
    });
    await section('sweep', () => benchSweep(bench, actors, print, { due: envInt('BENCH_SWEEP', pg ? 10_000 : 1_000), openConcurrency: pg ? 8 : 1 }));
    const cases = envInt('BENCH_CASES', pg ? 1_000_000 : 20_000);
    if (cases > 0) {
      await section('list', () => benchCaseList(bench, server!, actors, print, { cases, samples: envInt('BENCH_SAMPLES', 40), explain: process.env.BENCH_EXPLAIN === '1' }));
    } else {
      print('(e) case list at scale: skipped (BENCH_CASES=0)');
    }
    const mem = process.memoryUsage();
    print(`memory (bench process): rss ${(mem.rss / 1048576).toFixed(0)} MiB, heap used ${(mem.heapUsed / 1048576).toFixed(0)} MiB`);
  } finally {
    await server?.close();
    await bench.drop();
  }
  print(`bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
