import type { Knex } from 'knex';
import type { Decision, MachineEvent } from '../../machines/engine';
import type { CaseKind } from '../../machines/shared/definition';
import type { CaseRow } from '../repositories/cases.repository';
import type { Deadline } from '../rules/deadline';

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
  /**
   * What an accepted event does to the case's deadlines, given the rows the writer holds: the
   * rows to schedule, meet, cancel, move or mark fired, and notes on deadlines that do not run.
   * The writer keeps them and writes them back with the case, once per command.
   */
  plan(db: Knex, accepted: AcceptedEvent, existing: Deadline[]): Promise<{ upserts: Deadline[]; notes: string[] }>;
  /** Facts the clock adds to an event before the machine sees it (e.g. the review due date). */
  enrich(trx: Knex.Transaction, row: CaseRow, event: MachineEvent): Promise<MachineEvent>;
  list(db: Knex, caseId: string): Promise<DeadlineView[]>;
}
