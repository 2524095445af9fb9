import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { FolderRefused } from './folder-errors';
import { LOCK_FILE, lockFolder, type FolderLock } from './folder-lock';
import { createPgliteEngine } from './pglite-client';

/**
 * Opening the embedded database's folder the way audit.md D2 and D4 say: under the folder's
 * lock; a new database is built in a temporary sibling folder and renamed into place only once it
 * is complete (migrated and, in demo mode, seeded), so a crash during creation leaves nothing a
 * later start would refuse; an existing folder is opened as it is, never rebuilt, and anything
 * that is not this service's database is refused with one line.
 */
export interface EmbeddedEngine {
  engine: PGlite;
  folder: string;
  lock: FolderLock;
  created: boolean;
}

/** Runs on the new database before it is moved into place (migrations, the demo seed). */
export type BuildNew = (engine: PGlite) => Promise<void>;

export async function openEmbeddedFolder(dir: string, build: BuildNew): Promise<EmbeddedEngine> {
  const folder = path.resolve(dir);
  const found = inspect(folder);
  if (found === 'database') return openLocked(folder);
  return createNew(folder, found, build);
}

async function openLocked(folder: string): Promise<EmbeddedEngine> {
  const lock = lockFolder(folder);
  return { engine: await openExisting(folder, lock), folder, lock, created: false };
}

type Found = 'absent' | 'empty' | 'database';

function inspect(folder: string): Found {
  let stat;
  try {
    stat = statSync(folder);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw refused(folder, `cannot be read: ${(err as NodeJS.ErrnoException).code}`, 'check its permissions');
  }
  if (!stat.isDirectory()) throw refused(folder, 'is not a folder', 'set PGLITE_DIR to a folder');
  const entries = readdirSync(folder).filter((name) => name !== LOCK_FILE);
  if (entries.length === 0) return 'empty';
  if (existsSync(path.join(folder, 'PG_VERSION'))) return 'database';
  throw refused(folder, 'is not empty but holds no database', 'set PGLITE_DIR to an empty or new folder, or to this service\'s data folder');
}

/** The one line of audit.md D4 for a folder the service will not touch. */
function refused(folder: string, what: string, todo = "restore it from a backup or move it aside — the service never rebuilds an existing folder"): FolderRefused {
  return new FolderRefused(`PGLITE_DIR ${folder} cannot be opened as this service's database (${what}); ${todo}`);
}

async function openExisting(folder: string, lock: FolderLock): Promise<PGlite> {
  try {
    const engine = createPgliteEngine(folder);
    await engine.waitReady;
    return engine;
  } catch (err) {
    lock.release();
    throw refused(folder, `damaged: PGlite failed to start (${oneLine(err)})`);
  }
}

async function createNew(folder: string, found: Found, build: BuildNew): Promise<EmbeddedEngine> {
  const parent = path.dirname(folder);
  mkdirSync(parent, { recursive: true });
  removeAbandonedBuilds(folder);
  // An existing empty folder is ours to fill only once no live process holds it.
  if (found === 'empty') {
    const held = lockFolder(folder);
    held.release();
    if (existsSync(path.join(folder, LOCK_FILE))) unlinkSync(path.join(folder, LOCK_FILE));
  }
  const building = `${folder}.creating-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building);
  const lock = lockFolder(building);
  try {
    const engine = createPgliteEngine(building);
    await engine.waitReady;
    await build(engine);
    await engine.close();
  } catch (err) {
    lock.release();
    rmSync(building, { recursive: true, force: true });
    throw err;
  }
  try {
    // Atomic: the folder appears complete, with our lock inside, or not at all.
    renameSync(building, folder);
  } catch (err) {
    lock.release();
    rmSync(building, { recursive: true, force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') {
      // Another start created it first: open what it made, under its lock rules.
      if (inspect(folder) === 'database') return openLocked(folder);
    }
    throw refused(folder, `could not be created (${code ?? oneLine(err)})`, 'check that its parent folder is writable');
  }
  lock.movedTo(folder);
  const engine = await openExisting(folder, lock);
  return { engine, folder, lock, created: true };
}

/** Builds left by a start that died before renaming its folder into place. */
function removeAbandonedBuilds(folder: string): void {
  const base = path.basename(folder);
  for (const name of readdirSync(path.dirname(folder))) {
    const match = name.startsWith(`${base}.creating-`) ? /^(\d+)$/.exec(name.slice(base.length + '.creating-'.length)) : null;
    if (match && !isAlive(Number(match[1]))) rmSync(path.join(path.dirname(folder), name), { recursive: true, force: true });
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

function oneLine(err: unknown): string {
  const text = err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err);
  return text.split('\n')[0].slice(0, 200);
}
