import type { Knex } from 'knex';
import type { Decision, MachineEvent } from '../../machines/engine';
import type { CaseKind } from '../../machines/shared/definition';
import type { CaseRow } from '../repositories/cases.repository';

/** A deadline as clients see it (api.md). */
export interface DeadlineView {
  ruleId: string;
  citation: string;
  triggerOn: string;
  dueOn: string;
  status: 'pending' | 'met' | 'cancelled' | 'fired';
  explanation: string;
  provisional: boolean;
}

export interface AcceptedEvent {
  row: CaseRow; // the case after the event
  event: Pick<MachineEvent, 'type' | 'occurredAt'> & Record<string, unknown>;
  stateBefore: string | null;
  contextBefore: unknown;
  decision: Decision & { ok: true };
}

/**
 * The statutory clock as the command loop sees it. Every method runs inside the case's
 * transaction, under its row lock.
 */
export interface DeadlinePort {
  /** The rule pack a new case of this kind pins. */
  packFor(kind: CaseKind): { id: string; version: string };
  /** The pinned pack's switches the kind's machine obeys, given to it at opening (never by a client). */
  machineSettings(kind: CaseKind): Record<string, unknown>;
  /** Schedules, meets, cancels, moves or marks fired the case's deadlines after an accepted event. */
  afterEvent(trx: Knex.Transaction, accepted: AcceptedEvent): Promise<void>;
  /** The earliest pending deadline of the case that elapsed at or before `at`, if any. */
  nextElapsed(trx: Knex.Transaction, caseId: string, at: Date): Promise<{ ruleId: string; citation: string; elapsesAt: Date } | undefined>;
  /** A DEADLINE_ELAPSED the machine refused: the deadline is closed so it never fires again. */
  abandon(trx: Knex.Transaction, caseId: string, ruleId: string, reason: string): Promise<void>;
  /** Facts the clock adds to an event before the machine sees it (e.g. the review due date). */
  enrich(trx: Knex.Transaction, row: CaseRow, event: MachineEvent): Promise<MachineEvent>;
  list(db: Knex, caseId: string): Promise<DeadlineView[]>;
}
