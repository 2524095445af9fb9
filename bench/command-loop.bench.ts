import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { createDb, migrateLatest } from '../src/db/knex';
import { createApp } from '../src/http/app';
import { openCase } from '../src/services/case-commands';
import { createDeadlineService } from '../src/services/deadlines.service';
import { sweepOnce } from '../src/services/deadline-sweeper';
import { createOrganization, createUser } from '../src/services/people.service';

/** Figures of the command loop over HTTP and of the sweeper, on the configured database. */
export async function benchCommandLoop(print: (line: string) => void): Promise<void> {
  const db = createDb(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { pgliteDir: 'memory' });
  await migrateLatest(db);
  const clock = () => new Date();
  const deadlines = createDeadlineService({ db, clock });
  const http = request(createApp({ db, clock, deadlines, rateLimitPerMinute: 0 }));
  const committee = await createOrganization(db, { name: 'bench committee', kind: 'mediation_committee' });
  const mediator = await createUser(db, { name: 'bench', role: 'mediator', organizationId: committee.id });
  const body = (receivedOn: string) => ({
    kind: 'dispute', route: 'mediation', channel: 'walk_in', receivedOn,
    applicant: { name: '张伟' }, respondent: { name: '某公司' },
    claims: [{ type: 'overtime_pay', amount: '1000.00', description: '加班费' }], facts: '基准测试',
  });
  const today = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
  const auth = { Authorization: `Bearer ${mediator.token}` };
  print(`database: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (in memory)'}`);

  const opened = await http.post('/api/v1/cases').set(auth).send(body(today));
  await http.post(`/api/v1/cases/${opened.body.id}/events`).set(auth).send({ type: 'ACCEPT', respondentConsent: true });
  const n = 300;
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await http.post(`/api/v1/cases/${opened.body.id}/events`).set(auth).send({ type: 'RECORD_SESSION', heldOn: today, attendees: ['张伟'], summary: `第${i}次` });
    if (res.status !== 200) throw new Error(`event ${i}: ${res.status}`);
    latencies.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  print(`POST /cases/:id/events, one case, sequential: ${n} events in ${seconds.toFixed(2)} s = ${(n / seconds).toFixed(0)} events/s; latency p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms`);

  const verifyStart = performance.now();
  const v = await http.get(`/api/v1/cases/${opened.body.id}/verify`).set(auth);
  print(`verify (hash chain + machine replay) of ${v.body.events} events: ${(performance.now() - verifyStart).toFixed(0)} ms`);

  const cases = 250;
  const old = new Date(Date.now() + 8 * 3600000 - 30 * 86400000).toISOString().slice(0, 10);
  const openStart = performance.now();
  for (let i = 0; i < cases; i++) await openCase({ db, clock, deadlines }, { id: mediator.id, name: 'bench', role: 'mediator', organizationId: committee.id }, body(old));
  print(`open case (service, one transaction each): ${(cases / ((performance.now() - openStart) / 1000)).toFixed(0)} cases/s`);
  const sweepStart = performance.now();
  const fired = await sweepOnce({ db, clock, deadlines });
  const sweepSeconds = (performance.now() - sweepStart) / 1000;
  print(`sweep: ${fired} deadlines fired in ${sweepSeconds.toFixed(2)} s = ${(fired / sweepSeconds).toFixed(0)} deadlines/s`);
  print(`memory: rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB, heap used ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MiB`);
  await db.destroy();
}
