import { mkdtempSync, readFileSync, readlinkSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { FolderInUse } from '../../../src/db/folder-errors';
import { LOCK_FILE, lockFolder } from '../../../src/db/folder-lock';

/** audit.md D2: who may take the data folder's lock, and when a left-behind lock is stale. */
let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'lce-lock-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockFile = () => path.join(dir, LOCK_FILE);
const bootId = () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
const pidNamespace = () => readlinkSync('/proc/self/ns/pid');
const startOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
};
const writeHolder = (holder: Record<string, unknown>) => writeFileSync(lockFile(), JSON.stringify(holder));

it('is exclusive while held, and free again once released', () => {
  const lock = lockFolder(dir);
  expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid);
  expect(() => lockFolder(dir)).toThrow(FolderInUse);
  lock.release();
  expect(existsSync(lockFile())).toBe(false);
  lockFolder(dir).release();
});

it('refuses while a live process of this host holds it, naming its pid', () => {
  const parent = process.ppid;
  writeHolder({ pid: parent, host: hostname(), bootId: bootId(), pidNamespace: pidNamespace(), processStart: startOf(parent), startedAt: new Date().toISOString() });
  expect(() => lockFolder(dir)).toThrow(`PGLITE_DIR ${dir} is in use by another process (pid ${parent}); stop it, or set PGLITE_DIR to another folder`);
});

it('takes over at once a lock whose holder is dead, even when it was touched just now', () => {
  writeHolder({ pid: 2 ** 22 + 7, host: hostname(), bootId: bootId(), pidNamespace: pidNamespace(), processStart: '1', startedAt: new Date().toISOString() });
  lockFolder(dir).release();
});

it('takes over a lock whose pid was reused by another process (its start time differs)', () => {
  writeHolder({ pid: process.ppid, host: hostname(), bootId: bootId(), pidNamespace: pidNamespace(), processStart: '1', startedAt: new Date().toISOString() });
  lockFolder(dir).release();
});

it('judges by age a lock of this host but another pid namespace (another container)', () => {
  writeHolder({ pid: 2 ** 22 + 7, host: hostname(), bootId: bootId(), pidNamespace: 'pid:[1]', processStart: '1', startedAt: new Date().toISOString() });
  expect(() => lockFolder(dir)).toThrow(FolderInUse);
  const old = new Date(Date.now() - 11000);
  utimesSync(lockFile(), old, old);
  lockFolder(dir).release();
});

it("judges another host's lock by its age: refused while fresh, taken once untouched for 10 seconds", () => {
  writeHolder({ pid: 4242, host: 'another-host', bootId: 'x', processStart: '1', startedAt: new Date().toISOString() });
  expect(() => lockFolder(dir)).toThrow('(pid 4242)');
  const old = new Date(Date.now() - 11000);
  utimesSync(lockFile(), old, old);
  lockFolder(dir).release();
});

it('takes over a half-written lock file only once it is old', () => {
  writeFileSync(lockFile(), '{"pid": 12');
  expect(() => lockFolder(dir)).toThrow('(pid unknown)');
  const old = new Date(Date.now() - 11000);
  utimesSync(lockFile(), old, old);
  lockFolder(dir).release();
});
