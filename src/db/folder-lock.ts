import { closeSync, linkSync, openSync, readFileSync, readlinkSync, renameSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { FolderInUse, FolderRefused } from './folder-errors';

/**
 * The exclusive lock on the embedded database's folder (audit.md D2): a file inside the folder,
 * created with O_EXCL, naming its holder, touched every 2 seconds while held.
 *
 * A lock is stale, and taken over at once, when its holder is known to be dead: on this host and
 * boot, no process has its pid with its start time (pids are reused, start times are not). A lock
 * of another host (a shared volume) is stale once it has not been touched for 10 seconds.
 */
export const LOCK_FILE = 'lce.lock';
const TOUCH_MS = 2000;
const STALE_MS = 10000;

interface Holder {
  pid: number;
  host: string;
  bootId: string;
  /** The holder's pid namespace (/proc/self/ns/pid): pids mean something only within one. */
  pidNamespace?: string;
  /** The holder's process start time, in clock ticks since boot (/proc/<pid>/stat field 22). */
  processStart: string;
  startedAt: string;
}

export interface FolderLock {
  readonly file: string;
  /** Moves the lock with its folder (the folder was renamed into place). */
  movedTo(folder: string): void;
  release(): void;
}

/** Takes the lock on `folder` (which must exist), or throws FolderInUse naming the live holder. */
export function lockFolder(folder: string): FolderLock {
  let file = path.join(folder, LOCK_FILE);
  const me = currentHolder();
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw lockError(err, folder, file);
      const holder = readHolder(file);
      // A lock file without a readable holder is being written, or its writer died doing so.
      const stale = holder ? isStale(holder, file) : isUntouched(file);
      if (!stale) throw new FolderInUse(folder, holder?.pid);
      takeOver(file, holder);
    }
  }
  const timer = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(file, now, now);
    } catch {
      // The folder went away under us; the database will say so on its next write.
    }
  }, TOUCH_MS);
  timer.unref();
  let released = false;
  return {
    get file() {
      return file;
    },
    movedTo(next: string) {
      file = path.join(next, LOCK_FILE);
    },
    release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      const holder = readHolder(file);
      if (holder && holder.pid === me.pid && holder.processStart === me.processStart) {
        try {
          unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      }
    },
  };
}

/**
 * Moves a stale lock aside, then checks it was the stale one we judged: a racing starter may
 * have replaced it with its own live lock in between, which is then put back untouched.
 */
function takeOver(file: string, judged: Holder | undefined): void {
  const aside = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // someone else moved it first; the next attempt sees what is there now
  }
  const moved = readHolder(aside);
  const same = judged === undefined ? moved === undefined : moved !== undefined && moved.pid === judged.pid && moved.processStart === judged.processStart && moved.startedAt === judged.startedAt;
  if (!same) {
    try {
      linkSync(aside, file); // never overwrites a lock that appeared meanwhile
    } catch {
      // A third lock is there now; the next attempt judges it.
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // Nothing to clean.
  }
}

function isStale(holder: Holder, file: string): boolean {
  const me = currentHolder();
  // Another container with our host name and boot id has its own pids: judged by age alone.
  if (holder.host === me.host && holder.bootId === me.bootId && me.bootId !== '' && holder.pidNamespace === me.pidNamespace && me.pidNamespace !== '') {
    return holder.pid !== me.pid ? processStartOf(holder.pid) !== holder.processStart : holder.processStart !== me.processStart;
  }
  // Without /proc (macOS): a holder of this host whose pid answers no signal is dead.
  if (holder.host === me.host && holder.bootId === '' && !isAlive(holder.pid)) return true;
  return isUntouched(file);
}

function isUntouched(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > STALE_MS;
  } catch {
    return true;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    return typeof parsed?.pid === 'number' ? (parsed as Holder) : undefined;
  } catch {
    // Empty or half-written (a holder killed while writing it): judged by its age alone.
    return undefined;
  }
}

function currentHolder(): Holder {
  return { pid: process.pid, host: hostname(), bootId: bootId(), pidNamespace: pidNamespace(), processStart: processStartOf(process.pid) ?? '', startedAt: new Date().toISOString() };
}

function pidNamespace(): string {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return '';
  }
}

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
}

/** Field 22 of /proc/<pid>/stat (after the parenthesised command name), or undefined when no such process. */
function processStartOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function lockError(err: unknown, folder: string, file: string): Error {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') return new FolderRefused(`PGLITE_DIR ${folder} is locked by ${file}, whose holder could not be judged; if no service uses the folder, remove that file`);
  return new FolderRefused(`PGLITE_DIR ${folder} cannot be locked (${code ?? String(err)}); check that this user may write to the folder`);
}
