import { migrateSnapshot, type MigrationStep } from '../../machines/migrate';
import { latestVersion } from '../../machines/registry';
import type { CaseKind } from '../../machines/shared/definition';
import type { Deadline } from '../rules/deadline';
import { findCase, lockCaseForWrite, openCaseIdsNotAt, type LockedCase } from '../repositories/cases.repository';
import { CaseWriter } from './case-writer';
import type { DeadlinePort } from './deadline-port';
import type { ServiceDeps } from './deps';
import { NotFound } from './errors';

export interface MovedDeadline {
  ruleId: string;
  /** Null: the deadline was not pending before (it is scheduled by the migration). */
  dueOnBefore: string | null;
  /** Null: the deadline is no longer pending after it (met or cancelled). */
  dueOnAfter: string | null;
}

/** What migrating one case does (or, in a dry run, would do). */
export interface CaseMigration {
  caseId: string;
  number: string;
  from: string;
  to: string;
  stateBefore: string;
  stateAfter: string;
  /** What the migrations changed in the snapshot, one line each. */
  changes: string[];
  movedDeadlines: MovedDeadline[];
  /** Why the case was left as it is (closed, or already at the latest version). */
  skipped?: string;
}

export type MigrationDeps = ServiceDeps & { deadlines: DeadlinePort };

/**
 * POST /admin/machines/:kind/migrate (architecture.md "Machine versions"): moves each case to the
 * latest machine version, one transaction per case under its row lock, appending one system
 * event MACHINE_MIGRATED {from, to, report} per migration step through the case writer. Without
 * `caseIds`, every open case of the kind not at the latest version. A dry run does the same work
 * in the same transaction and writes nothing, so it reports exactly what the migration would do.
 */
export async function migrateCases(deps: MigrationDeps, kind: CaseKind, opts: { dryRun: boolean; caseIds?: string[] }): Promise<CaseMigration[]> {
  const ids = opts.caseIds ?? (await openCaseIdsNotAt(deps.db, kind, latestVersion(kind)));
  const reports: CaseMigration[] = [];
  for (const id of ids) {
    const found = await findCase(deps.db, id);
    if (!found || found.kind !== kind) throw new NotFound(`${kind} case ${id}`);
    reports.push(await deps.db.transaction(async (trx) => {
      const locked = await lockCaseForWrite(trx, id);
      if (!locked) throw new NotFound(`${kind} case ${id}`);
      const now = deps.clock();
      // Worked out once on a writer that is never flushed: the report goes into the event itself.
      const preview = await runMigration(CaseWriter.forLockedCase(trx, locked, deps.deadlines), locked, now);
      if (opts.dryRun || preview.skipped) return preview.report;
      const writer = CaseWriter.forLockedCase(trx, locked, deps.deadlines);
      await runMigration(writer, locked, now, preview.stepReports);
      await writer.flush(now);
      return preview.report;
    }));
  }
  return reports;
}

interface Run {
  report: CaseMigration;
  stepReports: Record<string, unknown>[];
  skipped: boolean;
}

/**
 * Fires what elapsed under the old version first (as before any event), then applies each
 * migration step as its own MACHINE_MIGRATED; `stepReports`, when known, are what each event records.
 */
async function runMigration(writer: CaseWriter, locked: LockedCase, now: Date, stepReports?: Record<string, unknown>[]): Promise<Run> {
  const { row } = locked;
  const latest = latestVersion(row.kind);
  const base = { caseId: row.id, number: row.number, from: row.machineVersion, to: row.machineVersion, changes: [] as string[], movedDeadlines: [] as MovedDeadline[] };
  const skip = (why: string): Run => ({ report: { ...base, stateBefore: row.state, stateAfter: row.state, skipped: why }, stepReports: [], skipped: true });
  if (row.machineVersion === latest) return skip(`already at machine version ${latest}`);
  if (row.status === 'closed') return skip('closed: its history stays verifiable under the version it closed in');
  const latestAt = writer.latest.occurredAt ? new Date(writer.latest.occurredAt) : undefined;
  const occurredAt = latestAt && latestAt > now ? latestAt : now;
  await writer.fireElapsed(occurredAt, now);
  const stateBefore = writer.row.state;
  const pendingBefore = pending(writer.caseDeadlines.all());
  const recorded: Record<string, unknown>[] = [];
  const changes: string[] = [];
  for (let step = nextStep(writer); step; step = nextStep(writer)) {
    const stepBefore = { state: writer.row.state, pending: pending(writer.caseDeadlines.all()) };
    const known = stepReports?.[recorded.length];
    await writer.recordMigration(step, known ?? {}, occurredAt.toISOString(), now);
    const stepReport = {
      stateBefore: stepBefore.state,
      stateAfter: writer.row.state,
      changes: step.changes,
      movedDeadlines: moved(stepBefore.pending, pending(writer.caseDeadlines.all())),
    };
    recorded.push(known ?? stepReport);
    changes.push(...step.changes);
  }
  const report = { ...base, to: writer.row.machineVersion, stateBefore, stateAfter: writer.row.state, changes, movedDeadlines: moved(pendingBefore, pending(writer.caseDeadlines.all())) };
  return { report, stepReports: recorded, skipped: false };
}

function nextStep(writer: CaseWriter): MigrationStep | undefined {
  return migrateSnapshot(writer.row.kind, writer.row.machineVersion, writer.row.snapshot);
}

function pending(rows: Deadline[]): Map<string, string> {
  return new Map(rows.filter((d) => d.status === 'pending').map((d) => [d.ruleId, d.dueOn]));
}

/** Every deadline whose pending due date differs, appears or goes, by rule id. */
function moved(before: Map<string, string>, after: Map<string, string>): MovedDeadline[] {
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  return ids
    .filter((ruleId) => before.get(ruleId) !== after.get(ruleId))
    .map((ruleId) => ({ ruleId, dueOnBefore: before.get(ruleId) ?? null, dueOnAfter: after.get(ruleId) ?? null }));
}
