import type { Baseline } from './baseline.bench';
import { latencyLine } from './bench-db';
import type { DisputePath } from './dispute-path.bench';

/**
 * (a), (b), (c) in interleaved rounds: on a machine shared with other work the load changes from
 * one second to the next, so each round runs a slice of every figure (baseline, in process, HTTP,
 * sequential then concurrent) and the figures sum the rounds; the ratios compare like with like.
 */
export async function benchCommandRounds(baseline: Baseline, path: DisputePath, print: (line: string) => void, opts: { events: number; clients: number; perClient: number; rounds: number }): Promise<void> {
  const rounds = Math.max(1, opts.rounds);
  const seqPer = Math.max(1, Math.round(opts.events / rounds));
  const conPer = Math.max(1, Math.round(opts.perClient / rounds));
  const total = { a: 0, a16: 0, b: 0, c: 0, c16: 0 };
  const lat = { b: [] as number[], c: [] as number[], c16: [] as number[] };
  let statements = 0;
  for (let r = 0; r < rounds; r++) {
    total.a += await baseline.sequential(seqPer);
    const b = await path.inProcess(seqPer);
    total.b += b.seconds;
    lat.b.push(...b.latencies);
    statements += b.statements;
    const c = await path.httpSequential(seqPer);
    total.c += c.seconds;
    lat.c.push(...c.latencies);
    total.a16 += await baseline.concurrent(conPer);
    const c16 = await path.httpConcurrent(conPer);
    total.c16 += c16.seconds;
    lat.c16.push(...c16.latencies);
  }
  const seqN = seqPer * rounds;
  const conN = conPer * rounds * opts.clients;
  const rate = { a: seqN / total.a, a16: conN / total.a16, b: seqN / total.b, c: seqN / total.c, c16: conN / total.c16 };
  const n = (x: number) => x.toFixed(0).padStart(6);
  print(`(a)-(c) in ${rounds} interleaved rounds of ${seqPer} sequential events and ${opts.clients} x ${conPer} concurrent events each (RECORD_SESSION):`);
  print(`(a) raw-SQL baseline (BEGIN; SELECT .. FOR UPDATE; UPDATE; INSERT; COMMIT; ${baseline.driver}):`);
  print(`    sequential                   ${String(seqN).padStart(5)} events ${n(rate.a)} events/s`);
  print(`    ${String(opts.clients).padStart(2)} clients, own case each    ${String(conN).padStart(5)} events ${n(rate.a16)} events/s`);
  print(`(b) command loop in process (sendEvent), sequential ${String(seqN).padStart(5)} events ${n(rate.b)} events/s = ${(rate.b / rate.a).toFixed(2)}x (a); ${latencyLine(lat.b)}; ${(statements / seqN).toFixed(1)} SQL statements per event`);
  print(`(c) POST /api/v1/cases/:id/events over HTTP:`);
  print(`    sequential                   ${String(seqN).padStart(5)} events ${n(rate.c)} events/s = ${(rate.c / rate.a).toFixed(2)}x (a) sequential [target >= 0.8x]; ${latencyLine(lat.c)}`);
  print(`    ${String(opts.clients).padStart(2)} clients, own case each    ${String(conN).padStart(5)} events ${n(rate.c16)} events/s = ${(rate.c16 / rate.a16).toFixed(2)}x (a) at ${opts.clients} clients, ${(rate.c16 / rate.a).toFixed(2)}x (a) sequential [target >= 0.5x]; ${latencyLine(lat.c16)}`);
}
