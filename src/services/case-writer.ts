import type { Knex } from 'knex';
import { decide, type Decision, type MachineEvent } from '../../machines/engine';
import { definitionAt } from '../../machines/registry';
import type { MigrationStep } from '../../machines/migrate';
import type { FollowUp } from '../../machines/shared/definition';
import { appendEvents, type StoredEvent } from '../repositories/case-events.repository';
import { insertCase, lockCaseForWrite, updateCaseSnapshot, type CaseRow, type LockedCase } from '../repositories/cases.repository';
import { upsertDeadlines } from '../repositories/deadlines.repository';
import { CaseDeadlines } from './case-deadlines';
import { eventHash, GENESIS_HASH } from './hash-chain';
import type { DeadlinePort, DeadlineView } from './deadline-port';
import { SYSTEM_ACTOR } from './access';
import { IntegrityFailure } from './errors';
import type { AppError } from './errors';

/** A check of the service's own (e.g. the organization ids of audit.md O1) that may refuse an event. */
export type Vet = () => Promise<AppError | undefined>;
/** The machine's decision, or the refusal of a `Vet`. */
export type WriteDecision = Decision | { ok: false; refusal: { kind: 'vetoed'; error: AppError } };

/** What a command answers with (architecture.md): the committed row, its new events, its deadlines. */
export interface CommandOutcome {
  case: CaseRow;
  appended: StoredEvent[];
  deadlines: DeadlineView[];
}

/**
 * A case being written inside one transaction, under its row lock: every accepted event goes
 * through `apply`, which chains it, plans the case's deadlines and updates the in-memory `row`;
 * `flush` then writes the row, the new events and the changed deadlines once each (the statement
 * budget of architecture.md), and what it wrote is the command's answer. This is the single path
 * for client events, deadline firings and the opening event, so they share one history and one
 * version counter, and nothing else writes the case row.
 */
export class CaseWriter {
  appended: StoredEvent[] = [];
  /** Work the machine asked for (e.g. RENEW opens a linked case), done before commit. */
  followUps: FollowUp[] = [];

  private constructor(
    readonly trx: Knex.Transaction,
    public row: CaseRow,
    private head: { seq: number; hash: string; occurredAt: string | null },
    private readonly deadlines: DeadlinePort,
    readonly caseDeadlines: CaseDeadlines,
    private readonly isNew: boolean,
  ) {}

  /** Locks the case and opens a writer on it; undefined when there is no such case (or it is held and `skipLocked`). */
  static async lock(trx: Knex.Transaction, caseId: string, deadlines: DeadlinePort, opts: { skipLocked?: boolean } = {}): Promise<CaseWriter | undefined> {
    const locked = await lockCaseForWrite(trx, caseId, opts);
    return locked ? CaseWriter.forLockedCase(trx, locked, deadlines) : undefined;
  }

  /**
   * Refuses a doubtful head (audit.md H3): the latest stored event must be the case's version.
   * A row beyond it (a forgery inserted with SQL) or missing below it would otherwise have a
   * genuine event chained onto it, making the forgery part of a valid-looking history.
   */
  static forLockedCase(trx: Knex.Transaction, locked: LockedCase, deadlines: DeadlinePort): CaseWriter {
    const { row, latest: last } = locked;
    const lastSeq = last?.seq ?? 0;
    if (lastSeq > row.version) {
      throw new IntegrityFailure('extra_event', { caseId: row.id }, `Case ${row.id} has event ${lastSeq} beyond its version ${row.version}; nothing is appended until it is resolved.`);
    }
    if (lastSeq < row.version) {
      throw new IntegrityFailure('missing_event', { caseId: row.id }, `Case ${row.id} is at version ${row.version} but its history ends at event ${lastSeq}; nothing is appended until it is resolved.`);
    }
    const head = last ? { seq: last.seq, hash: last.hash, occurredAt: last.occurredAt } : { seq: 0, hash: GENESIS_HASH, occurredAt: null };
    return new CaseWriter(trx, row, head, deadlines, new CaseDeadlines(locked.deadlines), false);
  }

  /** A case not yet stored: `flush` inserts its row. */
  static forNewCase(trx: Knex.Transaction, row: CaseRow, deadlines: DeadlinePort): CaseWriter {
    return new CaseWriter(trx, row, { seq: 0, hash: GENESIS_HASH, occurredAt: null }, deadlines, new CaseDeadlines([]), true);
  }

  /**
   * Writes what the command did, one statement each and only what changed: the case row (inserted
   * for a new case, before its events reference it), the events, the deadlines. The outcome is
   * exactly what was written.
   */
  async flush(now: Date): Promise<CommandOutcome> {
    const deadlinesChanged = this.caseDeadlines.changedRows().length > 0;
    if (this.isNew) await insertCase(this.trx, this.row);
    // Deadlines changed alone (a firing refused and abandoned) still rewrite the row: a writer
    // waiting on the lock learns from the row's new version that its read is stale (lockCaseForWrite).
    else if (this.appended.length || this.notesChanged || deadlinesChanged) await updateCaseSnapshot(this.trx, this.row);
    await appendEvents(this.trx, this.appended);
    await upsertDeadlines(this.trx, this.row.id, this.caseDeadlines.changedRows(), now);
    return { case: this.row, appended: [...this.appended], deadlines: this.caseDeadlines.views() };
  }

  private notesChanged = false;

  /** The clock's notes on deadlines that do not run, each once, in the order first made. */
  private addNotes(notes: string[]) {
    const merged = [...new Set([...this.row.deadlineNotes, ...notes])];
    if (merged.length === this.row.deadlineNotes.length) return;
    this.row = { ...this.row, deadlineNotes: merged };
    this.notesChanged = true;
  }

  /** Plans the case's deadlines after an accepted event; the rows stay in memory until `flush`. */
  private async planDeadlines(accepted: Parameters<DeadlinePort['plan']>[1]) {
    const plan = await this.deadlines.plan(this.trx, accepted, this.caseDeadlines.all());
    this.caseDeadlines.put(...plan.upserts);
    if (plan.notes.length) this.addNotes(plan.notes);
  }

  /**
   * Fires, in due order, every pending deadline of the case that elapsed at or before `until`,
   * each as its own DEADLINE_ELAPSED event at its elapse instant (never before the latest event).
   */
  async fireElapsed(until: Date, recordedAt: Date): Promise<number> {
    let fired = 0;
    for (;;) {
      const next = this.caseDeadlines.nextElapsed(until);
      if (!next) return fired;
      const latest = this.head.occurredAt ? Date.parse(this.head.occurredAt) : 0;
      const occurredAt = new Date(Math.max(next.elapsesAt.getTime(), latest)).toISOString();
      // The citation rides along so the history alone tells an auditor which law acted.
      const event = { type: 'DEADLINE_ELAPSED', ruleId: next.ruleId, citation: next.citation, occurredAt, actor: SYSTEM_ACTOR };
      const decision = await this.apply(event, recordedAt);
      if (decision.ok) fired++;
      else this.caseDeadlines.abandon(next.ruleId, `not accepted in state ${this.row.state}`);
    }
  }

  /** The latest event's instant (nothing may be recorded before it). */
  get latest(): { seq: number; occurredAt: string | null } {
    return { seq: this.head.seq, occurredAt: this.head.occurredAt };
  }

  /**
   * Runs the machine; an accepted event is appended and the row updated. `vet`, when given, runs
   * once the state is known to accept the event type and before a legal rule's refusal counts
   * (audit.md §14: 409 EVENT_NOT_ALLOWED, then the caller's check, then 422 RULE_VIOLATION); an
   * error it returns refuses the event and nothing is appended.
   */
  async apply(event: MachineEvent, recordedAt: Date, vet?: Vet): Promise<WriteDecision> {
    const def = definitionAt(this.row.kind, this.row.machineVersion);
    const enriched = await this.deadlines.enrich(this.trx, this.row, event);
    const decision = decide(def, this.row.snapshot, enriched);
    if (!decision.ok && decision.refusal.kind === 'not_allowed') return decision;
    const vetoed = await vet?.();
    if (vetoed) return { ok: false, refusal: { kind: 'vetoed', error: vetoed } };
    if (!decision.ok) return decision;
    const { type, occurredAt, actor, ...payload } = enriched;
    const before = { state: this.row.state, context: this.row.snapshot.context };
    await this.record({ type, payload, actor, occurredAt, recordedAt, fromState: before.state, decision });
    await this.planDeadlines({ row: this.row, event: enriched, stateBefore: before.state, contextBefore: before.context, decision });
    this.followUps.push(...(def.followUps?.(enriched, before.context, decision.persisted.context) ?? []));
    return decision;
  }

  /** Appends the opening event of a new case (seq 1) for a row built from `open()`. */
  async recordOpening(payload: Record<string, unknown>, actor: MachineEvent['actor'], occurredAt: string, recordedAt: Date, decision: Decision & { ok: true }) {
    await this.record({ type: 'CASE_OPENED', payload, actor, occurredAt, recordedAt, fromState: null, decision });
    const event = { type: 'CASE_OPENED', occurredAt, ...payload };
    await this.planDeadlines({ row: this.row, event, stateBefore: null, contextBefore: undefined, decision });
  }

  /**
   * Appends MACHINE_MIGRATED {from, to, report} (architecture.md "Machine versions") as the
   * system, pins the migration's `to`, and plans the deadlines after it like after any event:
   * the planner is what moves a due date the new snapshot changes.
   */
  async recordMigration(step: MigrationStep, report: Record<string, unknown>, occurredAt: string, recordedAt: Date) {
    const before = { state: this.row.state, context: this.row.snapshot.context };
    const payload = { from: step.from, to: step.to, report };
    this.row = { ...this.row, machineVersion: step.to };
    await this.record({ type: 'MACHINE_MIGRATED', payload, actor: SYSTEM_ACTOR, occurredAt, recordedAt, fromState: before.state, decision: step.decision });
    const event = { type: 'MACHINE_MIGRATED', occurredAt, ...payload };
    await this.planDeadlines({ row: this.row, event, stateBefore: before.state, contextBefore: before.context, decision: step.decision });
  }

  private async record(e: {
    type: string;
    payload: Record<string, unknown>;
    actor: MachineEvent['actor'];
    occurredAt: string;
    recordedAt: Date;
    fromState: string | null;
    decision: Decision & { ok: true };
  }) {
    const def = definitionAt(this.row.kind, this.row.machineVersion);
    // Hash exactly what the database will give back: the instant at millisecond precision and
    // the payload as JSON (jsonb keeps the values; JCS fixes the key order).
    const occurredAt = new Date(e.occurredAt).toISOString();
    const payload = JSON.parse(JSON.stringify(e.payload));
    const actor = { id: e.actor.id, role: e.actor.role };
    const seq = this.head.seq + 1;
    const fields = { caseId: this.row.id, seq, type: e.type, payload, actor, occurredAt, fromState: e.fromState, toState: e.decision.state, prevHash: this.head.hash };
    const stored: StoredEvent = { ...fields, recordedAt: e.recordedAt.toISOString(), hash: eventHash(fields) };
    this.appended.push(stored);
    this.head = { seq, hash: stored.hash, occurredAt };
    const context = e.decision.persisted.context;
    this.row = {
      ...this.row,
      version: seq,
      snapshot: e.decision.persisted,
      state: e.decision.state,
      status: e.decision.closed ? 'closed' : 'open',
      outcome: e.decision.outcome,
      participants: [...new Set([...this.row.participants, ...def.participants(context)])],
      title: def.partyNames(context).join(' / '),
      searchText: [this.row.number, ...def.partyNames(context)].join(' '),
      updatedAt: e.recordedAt,
    };
  }
}
