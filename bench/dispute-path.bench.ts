import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Db } from '../src/db/knex';
import { openCase, sendEvent } from '../src/services/case-commands';
import { createDeadlineService } from '../src/services/deadlines.service';
import { createOrganization, createUser } from '../src/services/people.service';
import type { BenchDb } from './bench-db';
import { startApp } from './http-server';

export const today = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
export const disputeBody = (receivedOn: string, applicant = '张伟', respondent = '某公司') => ({
  kind: 'dispute', route: 'mediation', channel: 'walk_in', receivedOn,
  applicant: { name: applicant }, respondent: { name: respondent },
  claims: [{ type: 'overtime_pay', amount: '1000.00', description: '加班费' }], facts: '基准测试',
});
const session = (i: number) => ({ type: 'RECORD_SESSION', heldOn: today(), attendees: ['张伟'], summary: `第${i}次` });

/** openCase's answer: the id, or (since the command returns its outcome) `{ case }`. */
export const caseIdOf = (opened: unknown): string => (typeof opened === 'string' ? opened : (opened as { case: { id: string } }).case.id);

/** The service, listening on a free port: a child process on PostgreSQL, in this process on PGlite. */
export interface BenchServer {
  base: string;
  where: string;
  close(): Promise<void>;
}

export async function startServer(bench: BenchDb): Promise<BenchServer> {
  if (!bench.url) {
    const s = await startApp(bench.db);
    return { base: `http://127.0.0.1:${s.port}`, where: 'in the bench process (PGlite cannot be shared)', close: s.close };
  }
  const execArgv = ['--import', 'tsx'];
  const profDir = process.env.BENCH_CPU_PROF;
  if (profDir) {
    mkdirSync(profDir, { recursive: true });
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${profDir}`);
  }
  const child: ChildProcess = fork(path.join(__dirname, 'http-server.ts'), [], {
    execArgv,
    env: { ...process.env, BENCH_DB_URL: bench.url },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const info = await new Promise<{ port: number; workers: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number; workers: number }));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${info.port}`,
    where: `child process, ${info.workers} worker${info.workers > 1 ? 's' : ''}${profDir ? `, --cpu-prof into ${profDir}` : ''}`,
    close: () => new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    }),
  };
}

export interface Actors {
  committee: { id: string };
  mediator: Awaited<ReturnType<typeof createUser>>;
  auditor: Awaited<ReturnType<typeof createUser>>;
}

export async function createActors(db: Db): Promise<Actors> {
  const committee = await createOrganization(db, { name: 'bench committee', kind: 'mediation_committee' });
  const mediator = await createUser(db, { name: 'bench mediator', role: 'mediator', organizationId: committee.id });
  const audit = await createOrganization(db, { name: 'bench audit office', kind: 'audit_office' });
  const auditor = await createUser(db, { name: 'bench auditor', role: 'auditor', organizationId: audit.id });
  return { committee, mediator, auditor };
}

/** Opened and ACCEPTed dispute cases (in mediation.inProgress, where RECORD_SESSION is accepted). */
async function inProgressCases(db: Db, actors: Actors, n: number): Promise<string[]> {
  const clock = () => new Date();
  const deps = { db, clock, deadlines: createDeadlineService({ db, clock }) };
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = caseIdOf(await openCase(deps, actors.mediator, disputeBody(today())));
    await sendEvent(deps, actors.mediator, id, { type: 'ACCEPT', respondentConsent: true });
    ids.push(id);
  }
  return ids;
}

export interface Timed {
  seconds: number;
  latencies: number[];
}

export interface DisputePath {
  /** sendEvent called directly, `n` events spread over 20 cases; also counts SQL statements. */
  inProcess(n: number): Promise<Timed & { statements: number }>;
  /** POST /api/v1/cases/:id/events, one request at a time, `n` events over 20 cases. */
  httpSequential(n: number): Promise<Timed>;
  /** `clients` concurrent HTTP clients, each on its own case, `perClient` events each. */
  httpConcurrent(perClient: number): Promise<Timed>;
  /** Kept from the earlier bench: verify of a long history (300 events on one case), in ms. */
  verifyLong(): Promise<{ events: number; ms: number }>;
}

/**
 * (b) the command loop in process (sendEvent called directly) and (c) the dispute path over
 * HTTP, sequentially and at `clients` concurrent clients (each on its own case, so that they
 * contend for the machine and the pool, not for one row lock). RECORD_SESSION in mediation.
 */
export async function prepareDisputePath(bench: BenchDb, server: BenchServer, actors: Actors, clients: number): Promise<DisputePath> {
  const { db } = bench;
  const clock = () => new Date();
  const deps = { db, clock, deadlines: createDeadlineService({ db, clock }) };
  // Events spread over 20 cases, as in the baseline: a case's snapshot grows with its sessions.
  const inProcCases = await inProgressCases(db, actors, 20);
  const httpCases = await inProgressCases(db, actors, 20);
  const clientCases = await inProgressCases(db, actors, clients);
  let k = 0;
  const headers = { Authorization: `Bearer ${actors.mediator.token}`, 'Content-Type': 'application/json' };
  const post = async (caseId: string, i: number) => {
    const res = await fetch(`${server.base}/api/v1/cases/${caseId}/events`, { method: 'POST', headers, body: JSON.stringify(session(i)) });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`POST event: ${res.status} ${text.slice(0, 300)}`);
  };
  for (let i = 0; i < 20; i++) await sendEvent(deps, actors.mediator, inProcCases[i % 20], session(k++)); // warm-up
  for (let i = 0; i < 20; i++) await post(httpCases[i % 20], k++); // warm-up (JIT, pool connections)
  const sequentially = async (n: number, one: (i: number) => Promise<unknown>): Promise<Timed> => {
    const latencies: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await one(i);
      latencies.push(performance.now() - t);
    }
    return { seconds: (performance.now() - t0) / 1000, latencies };
  };
  return {
    async inProcess(n) {
      // Statements per event as knex sends them (BEGIN and COMMIT included).
      let statements = 0;
      const count = () => void statements++;
      db.on('query', count);
      try {
        const timed = await sequentially(n, (i) => sendEvent(deps, actors.mediator, inProcCases[i % 20], session(k++)));
        return { ...timed, statements };
      } finally {
        db.removeListener('query', count);
      }
    },
    httpSequential: (n) => sequentially(n, (i) => post(httpCases[i % 20], k++)),
    async httpConcurrent(perClient) {
      const latencies: number[] = [];
      const t0 = performance.now();
      await Promise.all(clientCases.map(async (caseId) => {
        for (let i = 0; i < perClient; i++) {
          const t = performance.now();
          await post(caseId, k++);
          latencies.push(performance.now() - t);
        }
      }));
      return { seconds: (performance.now() - t0) / 1000, latencies };
    },
    async verifyLong() {
      const [longCase] = await inProgressCases(db, actors, 1);
      for (let i = 0; i < 300; i++) await sendEvent(deps, actors.mediator, longCase, session(i));
      const t0 = performance.now();
      const res = await fetch(`${server.base}/api/v1/cases/${longCase}/verify`, { headers });
      const v = (await res.json()) as { events: number };
      return { events: v.events, ms: performance.now() - t0 };
    },
  };
}
