import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { FolderInUse, FolderRefused } from './folder-errors';
import { LOCK_FILE, lockFolder, type FolderLock } from './folder-lock';
import { createPgliteEngine } from './pglite-client';

/**
 * Opening the embedded database's folder the way audit.md D2 and D4 say: under the folder's
 * lock; a new database is built aside and moved into place only once it is complete (migrated
 * and, in demo mode, seeded), so a crash during creation leaves nothing a later start would
 * refuse; an existing folder is opened as it is, never rebuilt, and anything that is not this
 * service's database is refused with one line.
 *
 * A new folder is built as a sibling and renamed into place. An existing empty folder (often a
 * mount point, which cannot be renamed onto) is filled from a build inside it: a marker file says
 * that everything in the folder is an unfinished build of ours until the marker is removed, last.
 */
export interface EmbeddedEngine {
  engine: PGlite;
  folder: string;
  lock: FolderLock;
  created: boolean;
}

/** Runs on the new database before it is moved into place (migrations, the demo seed). */
export type BuildNew = (engine: PGlite) => Promise<void>;

const BUILDING_MARKER = 'lce.creating';
const BUILD_PREFIX = '.creating-';

export async function openEmbeddedFolder(dir: string, build: BuildNew): Promise<EmbeddedEngine> {
  const folder = path.resolve(dir);
  try {
    const found = inspect(folder);
    if (found === 'database') return await openLocked(folder);
    if (found === 'absent') return await createBeside(folder, build);
    return await fillInPlace(folder, found, build);
  } catch (err) {
    throw asOneLine(err, folder);
  }
}

async function openLocked(folder: string): Promise<EmbeddedEngine> {
  const lock = lockFolder(folder);
  return { engine: await openExisting(folder, lock), folder, lock, created: false };
}

/** `unfinished`: an earlier start died while filling this folder; all in it is that build's. */
type Found = 'absent' | 'empty' | 'unfinished' | 'database';

function inspect(folder: string): Found {
  let stat;
  try {
    stat = statSync(folder);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw err;
  }
  if (!stat.isDirectory()) throw refused(folder, 'is not a folder', 'set PGLITE_DIR to a folder');
  const entries = readdirSync(folder).filter((name) => name !== LOCK_FILE);
  if (entries.length === 0) return 'empty';
  if (entries.includes(BUILDING_MARKER) || entries.every((name) => name.startsWith(BUILD_PREFIX))) return 'unfinished';
  if (existsSync(path.join(folder, 'PG_VERSION'))) return 'database';
  throw refused(folder, 'is not empty but holds no database', "set PGLITE_DIR to an empty or new folder, or to this service's data folder");
}

/** The one line of audit.md D4 for a folder the service will not touch. */
function refused(folder: string, what: string, todo = 'restore it from a backup or move it aside — the service never rebuilds an existing folder'): FolderRefused {
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

/** Builds in `building`, which the caller made; closes the engine so the files can move. */
async function buildAt(building: string, build: BuildNew): Promise<void> {
  const engine = createPgliteEngine(building);
  await engine.waitReady;
  await build(engine);
  await engine.close();
}

async function createBeside(folder: string, build: BuildNew): Promise<EmbeddedEngine> {
  mkdirSync(path.dirname(folder), { recursive: true });
  removeAbandonedBuilds(folder);
  const building = `${folder}${BUILD_PREFIX}${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building);
  const lock = lockFolder(building);
  try {
    await buildAt(building, build);
    // Atomic: the folder appears complete, with our lock inside, or not at all.
    renameSync(building, folder);
    syncFolder(path.dirname(folder));
  } catch (err) {
    lock.release();
    rmSync(building, { recursive: true, force: true });
    const code = (err as NodeJS.ErrnoException).code;
    // Another start created it first: open what it made, under its lock.
    if ((code === 'ENOTEMPTY' || code === 'EEXIST') && inspect(folder) === 'database') return openLocked(folder);
    throw err;
  }
  lock.movedTo(folder);
  return { engine: await openExisting(folder, lock), folder, lock, created: true };
}

async function fillInPlace(folder: string, found: 'empty' | 'unfinished', build: BuildNew): Promise<EmbeddedEngine> {
  const lock = lockFolder(folder); // a live builder still holds it: FolderInUse
  try {
    if (found === 'unfinished') clearFolder(folder);
    const building = path.join(folder, `${BUILD_PREFIX}${process.pid}`);
    mkdirSync(building);
    await buildAt(building, build);
    writeFileSync(path.join(folder, BUILDING_MARKER), String(process.pid));
    syncFolder(folder);
    for (const name of readdirSync(building)) renameSync(path.join(building, name), path.join(folder, name));
    rmSync(building, { recursive: true, force: true });
    syncFolder(folder);
    rmSync(path.join(folder, BUILDING_MARKER));
    syncFolder(folder);
  } catch (err) {
    lock.release();
    throw err;
  }
  return { engine: await openExisting(folder, lock), folder, lock, created: true };
}

/** Everything but our lock: an unfinished build of ours (the marker says the folder was empty). */
function clearFolder(folder: string): void {
  for (const name of readdirSync(folder)) if (name !== LOCK_FILE) rmSync(path.join(folder, name), { recursive: true, force: true });
}

/**
 * Sibling builds left by starts that died before renaming them into place. Each holds its
 * builder's lock, judged like the folder's own (another container's live build is left alone).
 */
function removeAbandonedBuilds(folder: string): void {
  const base = path.basename(folder);
  for (const name of readdirSync(path.dirname(folder))) {
    if (!name.startsWith(`${base}${BUILD_PREFIX}`)) continue;
    const abandoned = path.join(path.dirname(folder), name);
    try {
      lockFolder(abandoned).release();
    } catch {
      continue; // alive, or not ours to judge
    }
    rmSync(abandoned, { recursive: true, force: true });
  }
}

/** A rename or a new entry survives a power loss only once its folder is synced. */
function syncFolder(folder: string): void {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** File-system failures (permissions, a path under /proc, ...) as the one line of D4. */
function asOneLine(err: unknown, folder: string): unknown {
  if (err instanceof FolderRefused || err instanceof FolderInUse) return err;
  const e = err as NodeJS.ErrnoException;
  if (typeof e?.code === 'string' && typeof e?.syscall === 'string') {
    const where = e.path ? ` ${e.path}` : '';
    return new FolderRefused(`PGLITE_DIR ${folder} cannot be opened or created (${e.code} on ${e.syscall}${where}); check that the folder or its parent exists and that this user may write to it`);
  }
  return err;
}

function oneLine(err: unknown): string {
  const text = err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err);
  return text.split('\n')[0].slice(0, 200);
}
