/**
 * A case's deadline rows (domain.md §1.7) and when they elapse. One row per (case, ruleId):
 * rescheduling a rule replaces its row.
 */
import { endOfShanghaiDay } from '../../machines/shared/time';
import type { PeriodUnit } from './period';

export type DeadlineStatus = 'pending' | 'met' | 'cancelled' | 'fired';

/** A period unit, a date the parties agreed, or months before the contract's expiry. */
export type DeadlineUnit = PeriodUnit | 'agreed_date' | 'months_before_expiry';

/**
 * Bookkeeping the planner needs on the next event; store it with the row (a nullable JSON
 * column) and hand it back in `existing`. Absent on most rows.
 */
export interface DeadlineMemo {
  /** Limitation suspended since this date (LDMAL Art 27); the row must not fire meanwhile. */
  suspendedOn?: string | null;
  /** Days of earlier suspensions already added to the period. */
  suspendedDays?: number;
  /** Extension days already added (mediation term, coordination term). */
  extensionDays?: number;
  /** Open representative vacancies (CCP Art 31), by side. */
  vacancies?: Array<{ side: string; reportedOn: string }>;
}

export interface Deadline {
  ruleId: string;
  citation: string;
  /** The date the period counts from (the start day, not counted). */
  triggerOn: string;
  dueOn: string;
  /** Null for an agreed date. */
  period: number | null;
  unit: DeadlineUnit;
  status: DeadlineStatus;
  explanation: string;
  provisional: boolean;
  /** State ids; `mediation.*` matches every substate of `mediation`. */
  owningStates: string[];
  memo?: DeadlineMemo | null;
}

/** 24:00 Asia/Shanghai of the due date, as an ISO instant (CC Art 203). */
export function elapseInstant(dueOn: string): string {
  return endOfShanghaiDay(dueOn);
}

/**
 * True when a pending deadline has elapsed at `instant`: the instant is at or after 24:00
 * Asia/Shanghai of its due date. A suspended limitation never elapses while suspended.
 */
export function isElapsed(deadline: Pick<Deadline, 'dueOn' | 'status' | 'memo'>, instant: string): boolean {
  if (deadline.status !== 'pending') return false;
  if (deadline.memo?.suspendedOn) return false;
  const at = Date.parse(instant);
  if (Number.isNaN(at)) throw new RangeError(`not an instant: ${instant}`);
  return at >= Date.parse(elapseInstant(deadline.dueOn));
}

/** Does `state` fall under one of `owning` (exact, or `prefix.*`)? */
export function inOwningStates(state: string | null | undefined, owning: readonly string[]): boolean {
  if (!state) return false;
  return owning.some((o) => (o.endsWith('.*') ? state.startsWith(o.slice(0, -1)) : state === o));
}
