import { performance } from 'node:perf_hooks';
import { openCase } from '../src/services/case-commands';
import { createDeadlineService } from '../src/services/deadlines.service';
import { sweepOnce } from '../src/services/deadline-sweeper';
import type { Actors } from './dispute-path.bench';
import { disputeBody } from './dispute-path.bench';
import type { BenchDb } from './bench-db';

/**
 * (d) The sweep of `due` elapsed deadlines: cases opened through the service (each dispute case
 * opened 30 days ago has two elapsed deadlines, acceptance and arbitration right), then one
 * `sweepOnce`, timed, which fires each as its own DEADLINE_ELAPSED event under the case lock.
 */
export async function benchSweep(bench: BenchDb, actors: Actors, print: (line: string) => void, opts: { due: number; openConcurrency: number }): Promise<void> {
  const { db } = bench;
  const clock = () => new Date();
  const deps = { db, clock, deadlines: createDeadlineService({ db, clock }) };
  const old = new Date(Date.now() + 8 * 3600000 - 30 * 86400000).toISOString().slice(0, 10);
  const cases = Math.ceil(opts.due / 2);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: opts.openConcurrency }, async () => {
    while (next < cases) {
      next++;
      await openCase(deps, actors.mediator, disputeBody(old));
    }
  }));
  const openSeconds = (performance.now() - t0) / 1000;
  print(`open case (service, one transaction each, ${opts.openConcurrency} at a time): ${cases} cases in ${openSeconds.toFixed(1)} s = ${(cases / openSeconds).toFixed(0)} cases/s`);
  const due = Number((await db('deadlines').where('status', 'pending').where('elapses_at', '<=', clock()).count({ n: '*' }))[0].n);
  const s0 = performance.now();
  const fired = await sweepOnce(deps);
  const seconds = (performance.now() - s0) / 1000;
  print(`(d) sweep: ${due} due deadlines on ${cases} cases, ${fired} fired in ${seconds.toFixed(2)} s = ${(fired / seconds).toFixed(0)} deadlines/s [target: 10,000 in < 10 s]`);
}
