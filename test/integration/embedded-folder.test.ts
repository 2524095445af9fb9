import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { LOCK_FILE } from '../../src/db/folder-lock';

/**
 * audit.md D2-D5 on the embedded database, with the service started as `npm start` starts it
 * (`node --import tsx src/main.ts`), a real folder and real signals.
 */
const ROOT = path.resolve(__dirname, '../..');
let work: string;
let built: string; // a database folder made by the service, copied for each case
let port: number;

// Real processes and real folders: generous, for a loaded 2-core machine.
jest.setTimeout(600000);

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'lce-folder-'));
  port = await freePort();
  built = path.join(work, 'built');
  const first = service(built, { PORT: String(port) });
  await first.until(/listening on/);
  expect(first.text()).toContain(`database: embedded PGlite in ${built} (created)`);
  first.proc.kill('SIGTERM');
  expect(await first.exited).toBe(0);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function copyOfBuilt(name: string): string {
  const dir = path.join(work, name);
  cpSync(built, dir, { recursive: true });
  return dir;
}

it('reopens a cleanly stopped folder with its data, and releases the lock on SIGTERM', async () => {
  const dir = copyOfBuilt('reopen');
  expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  const s = service(dir, { PORT: String(port) });
  await s.until(/listening on/);
  expect(s.text()).toContain('(opened)');
  expect(s.text()).not.toContain('demo data created');
  const cases = await fetch(`http://127.0.0.1:${port}/api/v1/cases?kind=dispute`, { headers: { Authorization: 'Bearer demo-auditor-token' } });
  expect(((await cases.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
  // Refused by Node's parser before Express: still problem+json with the security headers (S1).
  const raw = await rawRequest(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n`);
  expect(raw).toMatch(/^HTTP\/1\.1 431 /);
  expect(raw).toContain('X-Content-Type-Options: nosniff');
  expect(raw).toContain('Cache-Control: no-store');
  expect(raw).toContain('"code":"HEADERS_TOO_LARGE"');
  s.proc.kill('SIGTERM');
  expect(await s.exited).toBe(0);
  expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
});

it('refuses a second instance on a folder in use with one line, and serves on with the first', async () => {
  const dir = copyOfBuilt('in-use');
  const first = service(dir, { PORT: String(port) });
  await first.until(/listening on/);
  const second = service(dir, { PORT: String(await freePort()) });
  expect(await second.exited).toBe(1);
  expect(second.stderrLines()).toEqual([`PGLITE_DIR ${dir} is in use by another process (pid ${first.proc.pid}); stop it, or set PGLITE_DIR to another folder`]);
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  first.proc.kill('SIGTERM');
  expect(await first.exited).toBe(0);
});

it('takes over at once the lock of a holder that was killed', async () => {
  const dir = copyOfBuilt('killed');
  const first = service(dir, { PORT: String(port) });
  await first.until(/listening on/);
  first.proc.kill('SIGKILL');
  await first.exited;
  expect(existsSync(path.join(dir, LOCK_FILE))).toBe(true);
  const started = Date.now();
  const next = service(dir, { PORT: String(port) });
  await next.until(/listening on/);
  expect(Date.now() - started).toBeLessThan(60000);
  expect(next.text()).toContain('(opened)');
  next.proc.kill('SIGTERM');
  expect(await next.exited).toBe(0);
});

it('exits 1 with one line when the port is taken, closing the database and releasing the lock', async () => {
  const dir = copyOfBuilt('port');
  const blocker = await occupy();
  const s = service(dir, { PORT: String((blocker.address() as { port: number }).port) });
  expect(await s.exited).toBe(1);
  expect(s.text()).not.toContain('listening on');
  expect(s.stderrLines().at(-1)).toBe(`PORT ${(blocker.address() as { port: number }).port} is already in use by another process; stop it, or set PORT to another port`);
  expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  blocker.close();
  const again = service(dir, { PORT: String(port) });
  await again.until(/listening on/);
  again.proc.kill('SIGTERM');
  expect(await again.exited).toBe(0);
});

it('fills an existing empty folder (a mount point cannot be renamed onto), and redoes a fill that died half-way', async () => {
  const empty = path.join(work, 'empty-volume');
  mkdirSync(empty);
  const s = service(empty, { PORT: String(port) });
  await s.until(/listening on/);
  expect(s.text()).toContain(`database: embedded PGlite in ${empty} (created)`);
  s.proc.kill('SIGTERM');
  expect(await s.exited).toBe(0);
  expect(readdirSync(empty).filter((name) => name.startsWith('.creating-') || name === 'lce.creating')).toEqual([]);

  // A start killed while moving its build into the folder leaves the marker and some files.
  const unfinished = path.join(work, 'unfinished-volume');
  mkdirSync(unfinished);
  writeFileSync(path.join(unfinished, 'lce.creating'), '999999');
  cpSync(path.join(built, 'global'), path.join(unfinished, 'global'), { recursive: true });
  const again = service(unfinished, { PORT: String(port) });
  await again.until(/listening on/);
  expect(again.text()).toContain('(created)');
  again.proc.kill('SIGTERM');
  expect(await again.exited).toBe(0);
  expect(existsSync(path.join(unfinished, 'lce.creating'))).toBe(false);
  const reopened = service(unfinished, { PORT: String(port) });
  await reopened.until(/listening on/);
  expect(reopened.text()).toContain('(opened)');
  reopened.proc.kill('SIGTERM');
  expect(await reopened.exited).toBe(0);
});

it('refuses, in one line, a folder it cannot create', async () => {
  const s = service('/proc/lce-data', { PORT: String(port) });
  expect(await s.exited).toBe(1);
  expect(s.stderrLines()).toHaveLength(1);
  expect(s.stderrLines()[0]).toMatch(/^PGLITE_DIR \/proc\/lce-data cannot be opened or created \(E[A-Z]+ on \w+/);
});

describe('a folder that is not this service\'s database is refused and left as it was', () => {
  const refusedWith = async (dir: string, reason: RegExp) => {
    const before = snapshotOf(dir);
    const s = service(dir, { PORT: String(port) });
    expect(await s.exited).toBe(1);
    const lines = s.stderrLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^PGLITE_DIR ${escape(dir)} cannot be opened as this service's database \\(`));
    expect(lines[0]).toMatch(reason);
    expect(snapshotOf(dir)).toEqual(before);
  };

  it('a damaged database', async () => {
    const dir = copyOfBuilt('damaged');
    const control = path.join(dir, 'global', 'pg_control');
    const bytes = readFileSync(control);
    bytes.fill(0x5a, 0, 512);
    writeFileSync(control, bytes);
    await refusedWith(dir, /damaged: PGlite failed to start.*restore it from a backup or move it aside/);
  });

  it('a folder holding other files', async () => {
    const dir = path.join(work, 'other-files');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'notes.txt'), 'not a database');
    await refusedWith(dir, /is not empty but holds no database/);
  });

  it('a PostgreSQL database without this service\'s migrations', async () => {
    const dir = path.join(work, 'foreign-db');
    const foreign = new PGlite({ dataDir: dir });
    await foreign.query('create table hello (id int)');
    await foreign.close();
    await refusedWith(dir, /no migrations table of this service/);
  });

  it('a database written by a newer version', async () => {
    const dir = copyOfBuilt('newer');
    const db = new PGlite({ dataDir: dir });
    await db.query(`insert into knex_migrations (name, batch, migration_time) values ('29990101000000_from_the_future', 99, now())`);
    await db.close();
    await refusedWith(dir, /migrations this version does not know/);
  });

  it('a path that is a file', async () => {
    const file = path.join(work, 'a-file');
    writeFileSync(file, 'x');
    const s = service(file, { PORT: String(port) });
    expect(await s.exited).toBe(1);
    expect(s.stderrLines()).toEqual([`PGLITE_DIR ${file} cannot be opened as this service's database (is not a folder); set PGLITE_DIR to a folder`]);
  });
});

it('a stop during the first start leaves a folder the next start opens (or none at all)', async () => {
  for (const delay of [0, 1500, 4000]) {
    const dir = path.join(work, `early-stop-${delay}`);
    const s = service(dir, { PORT: String(port), DEMO: '1' });
    // Counted from the service's first line (before it, Node itself is booting).
    await s.until(/starting \(pid \d+\)/);
    await new Promise((resolve) => setTimeout(resolve, delay));
    s.proc.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    // Never a half-made folder: either complete, or not there.
    expect(existsSync(dir) ? existsSync(path.join(dir, 'PG_VERSION')) : true).toBe(true);
    expect(readdirSync(work).filter((name) => name.startsWith(`early-stop-${delay}.creating-`))).toEqual([]);
    const next = service(dir, { PORT: String(port), DEMO: '1' });
    await next.until(/listening on/);
    next.proc.kill('SIGTERM');
    expect(await next.exited).toBe(0);
  }
});

// ------------------------------------------------------------------------------------------

function service(dir: string, env: Record<string, string>) {
  const proc = spawn(process.execPath, ['src/start.cjs'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PGLITE_DIR: dir, DEMO: '1', DEADLINE_SWEEP_INTERVAL_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: (() => void)[] = [];
  proc.stdout!.on('data', (d) => {
    stdout += d;
    waiters.forEach((w) => w());
  });
  proc.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc,
    exited,
    text: () => stdout + stderr,
    /** stderr without the demo banner (which S5 asks for in demo mode). */
    stderrLines: () => stderr.split('\n').filter((l) => l && !/^(WARNING: DEMO MODE|The service listens on 127\.0\.0\.1 only)/.test(l)),
    until: (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const check = () => pattern.test(stdout) && resolve();
        waiters.push(check);
        check();
        void exited.then((code) => reject(new Error(`exited ${code} before ${pattern}:\n${stdout}${stderr}`)));
      }),
  };
}

/** Names and sizes of everything under a folder: what "left as it was" is checked against. */
function snapshotOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => path.relative(dir, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)))
    .sort();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function rawRequest(to: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(to, '127.0.0.1', () => socket.write(text));
    socket.on('data', (d) => (answer += d));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

function occupy(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function freePort(): Promise<number> {
  const server = await occupy();
  const { port: free } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return free;
}
