/**
 * `npm run chaos`: what happens to acknowledged writes when the service dies (audit.md D1-D6).
 * Loopback only, bounded. On each backend it runs, against real `node --import tsx src/main.ts`
 * processes (what `npm start` runs):
 *   - CYCLES rounds of CLIENTS concurrent event posts, each round ended by `kill -9` at a random
 *     moment, then a restart: every acknowledged event must be in the history exactly once, the
 *     database must be opened (never re-created or re-seeded), and every case must verify;
 *   - STOPS clean stops (SIGTERM) at a random moment of a first start, each followed by a start
 *     that must open the folder and serve;
 *   - (embedded only) two instances started together on one new folder, and a third on the
 *     running one: exactly one serves, the others exit 1 with the "in use" line.
 * Figures are printed; the exit status is 1 when anything was lost, duplicated or refused.
 *
 *   npm run chaos -- [--backend pglite|postgres|both] [--cycles 20] [--stops 30] [--clients 200]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { addDays, shanghaiDate } from '../machines/shared/time';

const args = parseArgs(process.argv.slice(2));
const ROOT = path.resolve(__dirname, '..');
const MEDIATOR = { Authorization: 'Bearer demo-mediator-token', 'Content-Type': 'application/json' };
const AUDITOR = { Authorization: 'Bearer demo-auditor-token' };

type Backend = 'pglite' | 'postgres';
interface Service {
  proc: ChildProcess;
  port: number;
  output: string[];
  exited: Promise<number | null>;
}

async function main() {
  const backends: Backend[] = args.backend === 'both' ? ['pglite', 'postgres'] : [args.backend as Backend];
  let failed = false;
  for (const backend of backends) {
    console.log(`== ${backend}: ${args.cycles} kill -9 cycles under ${args.clients} concurrent posts, ${args.stops} clean stops right after a first start`);
    const kills = await killCycles(backend);
    const refused = [...refusedAnswers].map(([status, n]) => `${n}×${status}`).join(', ') || 'none';
    refusedAnswers.clear();
    console.log(`kill -9: ${kills.cycles} cycles, ${kills.acknowledged} events acknowledged (other answers: ${refused}), ${kills.lost} lost, ${kills.duplicated} duplicated, ${kills.unacknowledgedPresent} unacknowledged present (allowed), restarts ${kills.restartsOk} succeeded / ${kills.restartsRefused} refused, re-created or re-seeded ${kills.reseeded}, cases verified ${kills.verified}/${kills.cases}`);
    const stops = await cleanStops(backend);
    console.log(`clean stops: ${stops.stops} stops (exit 0: ${stops.exitZero}), reopened ${stops.reopened}/${stops.stops}, refused ${stops.refused}; stop signals landed after ${stops.delays}`);
    failed ||= kills.lost > 0 || kills.duplicated > 0 || kills.restartsRefused > 0 || kills.reseeded > 0 || kills.verified !== kills.cases || stops.reopened !== stops.stops || stops.exitZero !== stops.stops;
    if (backend === 'pglite') {
      const two = await twoInstances();
      console.log(`two instances on one new folder: ${two.serving} served, ${two.refusedInUse} refused with the in-use line, ${two.other} other; a third on the running folder: ${two.third}`);
      failed ||= two.serving !== 1 || two.refusedInUse !== 1 || two.third !== 'refused (in use)';
    }
  }
  console.log(failed ? 'chaos: FAILED' : 'chaos: nothing lost, nothing duplicated, every restart opened its database');
  process.exit(failed ? 1 : 0);
}

// ---------------------------------------------------------------- kill -9 under load

async function killCycles(backend: Backend) {
  const place = await freshPlace(backend);
  const figures = { cycles: 0, acknowledged: 0, lost: 0, duplicated: 0, unacknowledgedPresent: 0, restartsOk: 0, restartsRefused: 0, reseeded: 0, verified: 0, cases: 0 };
  const acknowledged = new Map<string, Set<string>>(); // caseId -> tags answered 2xx
  const attempted = new Map<string, Set<string>>(); // caseId -> tags sent but not answered
  let service = await start(backend, place);
  if (!(await healthy(service))) throw new Error(`the first start failed:\n${service.output.join('')}`);
  const cases = await openCases(service.port, args.clients);
  figures.cases = cases.length;
  let counter = 0;
  for (let cycle = 1; cycle <= args.cycles; cycle++) {
    let stop = false;
    const workers = cases.map(async (caseId) => {
      while (!stop) {
        const tag = `chaos-${++counter}`;
        add(attempted, caseId, tag);
        const ok = await post(service.port, `/api/v1/cases/${caseId}/events`, session(tag));
        if (ok) {
          add(acknowledged, caseId, tag);
          attempted.get(caseId)!.delete(tag);
        } else if (stop) return;
      }
    });
    await sleep(800 + Math.random() * 2200);
    service.proc.kill('SIGKILL');
    stop = true;
    await service.exited;
    await Promise.all(workers);
    figures.cycles++;
    service = await start(backend, place);
    if (!(await healthy(service))) {
      figures.restartsRefused++;
      console.log(`restart after cycle ${cycle} refused:\n${service.output.join('')}`);
      break;
    }
    figures.restartsOk++;
    const out = service.output.join('');
    if (/demo data created|\(created\)/.test(out)) figures.reseeded++;
    process.stdout.write(`  cycle ${cycle}: ${[...acknowledged.values()].reduce((n, s) => n + s.size, 0)} acknowledged so far\r`);
  }
  process.stdout.write('\n');
  for (const caseId of cases) {
    const tags = await historyTags(service.port, caseId);
    const seen = new Map<string, number>();
    for (const tag of tags) seen.set(tag, (seen.get(tag) ?? 0) + 1);
    for (const tag of acknowledged.get(caseId) ?? []) if (!seen.has(tag)) figures.lost++;
    for (const count of seen.values()) if (count > 1) figures.duplicated += count - 1;
    for (const tag of attempted.get(caseId) ?? []) if (seen.has(tag)) figures.unacknowledgedPresent++;
    if (await verifies(service.port, caseId)) figures.verified++;
  }
  figures.acknowledged = [...acknowledged.values()].reduce((n, s) => n + s.size, 0);
  await stopService(service);
  await place.drop();
  return figures;
}

function session(tag: string) {
  return { type: 'RECORD_SESSION', heldOn: daysAgo(0), attendees: ['张伟', '调解员'], summary: tag };
}

async function openCases(port: number, count: number): Promise<string[]> {
  const ids: string[] = [];
  const open = async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/cases`, {
      method: 'POST',
      headers: MEDIATOR,
      body: JSON.stringify({
        kind: 'dispute', route: 'mediation', channel: 'walk_in', receivedOn: daysAgo(1),
        applicant: { name: '张伟', phone: '13800000000' }, respondent: { name: '北京星河科技有限公司' },
        claims: [{ type: 'unpaid_wages', amount: '12000.00', description: '拖欠工资' }],
        facts: '公司拖欠工资。', knewOn: daysAgo(20), employerOrganizationId: '0d000000-0000-4000-8000-000000000002',
      }),
    });
    if (res.status !== 201) throw new Error(`opening a case: ${res.status} ${await res.text()}`);
    const id = ((await res.json()) as { id: string }).id;
    if (!(await post(port, `/api/v1/cases/${id}/events`, { type: 'ACCEPT', respondentConsent: true }))) throw new Error('ACCEPT refused');
    ids.push(id);
  };
  for (let i = 0; i < count; i += 10) await Promise.all(Array.from({ length: Math.min(10, count - i) }, open));
  return ids;
}

/** Answers that were neither 2xx nor a dropped connection, by status: none is expected. */
const refusedAnswers = new Map<number, number>();

async function post(port: number, url: string, body: unknown): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${url}`, { method: 'POST', headers: MEDIATOR, body: JSON.stringify(body) });
    await res.arrayBuffer();
    const ok = res.status >= 200 && res.status < 300;
    if (!ok) refusedAnswers.set(res.status, (refusedAnswers.get(res.status) ?? 0) + 1);
    return ok;
  } catch {
    return false; // the connection died with the service: not acknowledged
  }
}

async function historyTags(port: number, caseId: string): Promise<string[]> {
  const tags: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/cases/${caseId}/history?limit=500${cursor ? `&cursor=${cursor}` : ''}`, { headers: AUDITOR });
    const body = (await res.json()) as { items: { type: string; payload?: { summary?: string } }[]; nextCursor?: string | null };
    for (const e of body.items ?? []) if (e.type === 'RECORD_SESSION' && e.payload?.summary) tags.push(e.payload.summary);
    cursor = body.nextCursor ?? undefined;
  } while (cursor);
  return tags;
}

async function verifies(port: number, caseId: string): Promise<boolean> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/cases/${caseId}/verify`, { headers: AUDITOR });
  return res.status === 200 && ((await res.json()) as { ok: boolean }).ok === true;
}

// ---------------------------------------------------------------- clean stops

async function cleanStops(backend: Backend) {
  const figures = { stops: 0, exitZero: 0, reopened: 0, refused: 0, delays: '' };
  const delays: number[] = [];
  for (let i = 0; i < args.stops; i++) {
    const place = await freshPlace(backend);
    const first = await start(backend, place);
    // From the service's first line, spread the signal over the whole start-up: creating the
    // folder, migrating, seeding, listening. (Before that line Node itself is booting.)
    await Promise.race([until(first, /starting \(pid/), first.exited]);
    const delay = Math.round(Math.random() * args.stopWindowMs);
    delays.push(delay);
    await Promise.race([sleep(delay), first.exited]);
    first.proc.kill('SIGTERM');
    const code = await first.exited;
    figures.stops++;
    if (code === 0) figures.exitZero++;
    else console.log(`  stop ${i + 1}: exit ${code}\n${first.output.join('')}`);
    const second = await start(backend, place);
    if (await healthy(second)) figures.reopened++;
    else {
      figures.refused++;
      console.log(`  reopen after stop ${i + 1} (signal at ${delay} ms) failed:\n${second.output.join('')}`);
    }
    await stopService(second);
    await place.drop();
    process.stdout.write(`  stop ${i + 1}/${args.stops}\r`);
  }
  process.stdout.write('\n');
  delays.sort((a, b) => a - b);
  figures.delays = `${delays[0]}-${delays[delays.length - 1]} ms (median ${delays[Math.floor(delays.length / 2)]} ms)`;
  return figures;
}

// ---------------------------------------------------------------- two instances

async function twoInstances() {
  const place = await freshPlace('pglite');
  const a = await start('pglite', place);
  const b = await start('pglite', place);
  const outcome = async (s: Service) => ((await Promise.race([healthy(s).then((ok) => (ok ? 'serving' : 'exited')), s.exited.then(() => 'exited')])) as string);
  const results = await Promise.all([outcome(a), outcome(b)]);
  const inUse = (s: Service) => /is in use by another process \(pid \d+\)/.test(s.output.join(''));
  const figures = { serving: 0, refusedInUse: 0, other: 0, third: '' };
  for (const [i, s] of [a, b].entries()) {
    if (results[i] === 'serving') figures.serving++;
    else if ((await s.exited) === 1 && inUse(s)) figures.refusedInUse++;
    else figures.other++;
  }
  const third = await start('pglite', place);
  const code = await third.exited;
  figures.third = code === 1 && inUse(third) ? 'refused (in use)' : `exit ${code}: ${third.output.join('')}`;
  for (const s of [a, b]) await stopService(s);
  await place.drop();
  return figures;
}

// ---------------------------------------------------------------- processes and places

interface Place {
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function freshPlace(backend: Backend): Promise<Place> {
  if (backend === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'lce-chaos-'));
    return { env: { PGLITE_DIR: path.join(dir, 'data') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `lce_chaos_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = args.postgresUrl;
  await withPg(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), DEMO: '1' },
    drop: () => withPg(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function withPg<T>(url: string, run: (c: Client) => Promise<T>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

async function start(backend: Backend, place: Place): Promise<Service> {
  const port = await freePort();
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), RATE_LIMIT_PER_MINUTE: '0', DEADLINE_SWEEP_INTERVAL_MS: '0', ...place.env };
  if (backend === 'pglite') delete env.DATABASE_URL;
  const proc = spawn(process.execPath, ['src/start.cjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  proc.stdout!.on('data', (d) => output.push(String(d)));
  proc.stderr!.on('data', (d) => output.push(String(d)));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, port, output, exited };
}

async function healthy(s: Service, timeoutMs = 120000): Promise<boolean> {
  let dead = false;
  void s.exited.then(() => (dead = true));
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && !dead) {
    try {
      const res = await fetch(`http://127.0.0.1:${s.port}/healthz`);
      if (res.status === 200) return true;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return false;
}

async function until(s: Service, pattern: RegExp): Promise<void> {
  while (!pattern.test(s.output.join('')) && s.proc.exitCode === null) await sleep(5);
}

async function stopService(s: Service): Promise<void> {
  if (s.proc.exitCode !== null || s.proc.signalCode !== null) return;
  s.proc.kill('SIGTERM');
  await s.exited;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function add(map: Map<string, Set<string>>, key: string, value: string) {
  if (!map.has(key)) map.set(key, new Set());
  map.get(key)!.add(value);
}

/** An Asia/Shanghai calendar date, as the service reads dates (the real clock: a real service runs here). */
function daysAgo(n: number): string {
  return addDays(shanghaiDate(new Date().toISOString()), -n);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function parseArgs(argv: string[]) {
  const get = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
  };
  const backend = get('backend', 'both');
  if (!['pglite', 'postgres', 'both'].includes(backend)) throw new Error('--backend must be pglite, postgres or both');
  return {
    backend,
    cycles: Number(get('cycles', '20')),
    stops: Number(get('stops', '30')),
    clients: Number(get('clients', '200')),
    stopWindowMs: Number(get('stop-window', '6000')),
    postgresUrl: get('postgres', process.env.CHAOS_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'),
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
