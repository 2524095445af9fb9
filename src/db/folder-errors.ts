/**
 * The embedded folder's refusals (audit.md D2, D4): each message is the one line an operator
 * reads. Kept apart from the database code so the process's exit path loads nothing heavy.
 */
import { StartupRefusal } from '../startup-refusal';

export class FolderInUse extends StartupRefusal {
  constructor(
    readonly folder: string,
    readonly pid: number | undefined,
  ) {
    super(`PGLITE_DIR ${folder} is in use by another process (pid ${pid ?? 'unknown'}); stop it, or set PGLITE_DIR to another folder`);
  }
}

/** A folder the service will not open, and will not touch. */
export class FolderRefused extends StartupRefusal {}
