/**
 * Types and helpers shared by the deadline planner and the per-kind wiring tables.
 */
import { addDays, shanghaiDate, isCalendarDate } from '../../machines/shared/time';
import type { Calendar } from './calendar';
import { addMonths, monthLabel } from './dates';
import type { Deadline, DeadlineMemo, DeadlineUnit } from './deadline';
import { addPeriod, finish, plural, type PeriodUnit } from './period';
import type { DeadlineRuleDef, RulePack, RuleSwitches } from './rule-pack';

export type CaseKind = 'dispute' | 'collective';
export type MediationType = 'enterprise_committee' | 'peoples_mediation' | 'township_street';

/** The accepted event: `CASE_OPENED` (payload: the creation body), a client event or `DEADLINE_ELAPSED`. */
export interface PlannerEvent {
  type: string;
  occurredAt: string;
  [field: string]: unknown;
}

export interface PlanInput {
  pack: RulePack;
  calendar: Calendar;
  kind: CaseKind;
  event: PlannerEvent;
  /** Null (or absent) for `CASE_OPENED`. */
  stateBefore?: string | null;
  stateAfter: string;
  contextBefore?: unknown;
  contextAfter: unknown;
  /** Every deadline row of the case, whatever its status. */
  existing: readonly Deadline[];
  /** Type of the case's mediation committee, when known (judicial confirmation). */
  committeeType?: MediationType | null;
}

export interface PlanOutput {
  /** New rows and changed rows (status, dueOn, explanation, ...), at most one per rule. */
  upserts: Deadline[];
  /** Facts the case should show that are not rows, e.g. why no limitation deadline exists. */
  notes: string[];
}

/** What a trigger computes; the planner adds citation, status and owning states. */
export interface Computed {
  triggerOn: string;
  dueOn: string;
  period: number | null;
  unit: DeadlineUnit;
  explanation: string;
  provisional: boolean;
  memo?: DeadlineMemo | null;
}

/** Everything a wiring hook may read. */
export interface Ctx {
  input: PlanInput;
  event: PlannerEvent;
  /** Asia/Shanghai date of the event's `occurredAt`. */
  eventDate: string;
  ruleId: string;
  rule: DeadlineRuleDef;
  switches: RuleSwitches;
  /** This rule's row as it stands in this planning pass. */
  row: Deadline | undefined;
  /** A rule's row as it was before this event (unchanged by this pass). */
  before(ruleId: string): Deadline | undefined;
  /** A rule's row as it stands in this pass. */
  current(ruleId: string): Deadline | undefined;
  note(text: string): void;
}

export interface Trigger {
  /** Event types that fire this trigger. */
  events?: string[];
  /** Or: the case enters this state from another one (e.g. entry into force). */
  enters?: string;
  when?: (c: Ctx) => boolean;
  /** Leave a pending row alone instead of replacing it. */
  keepPending?: boolean;
  /** Null: nothing to schedule (the hook notes why). */
  compute: (c: Ctx) => Computed | null;
}

export type MetBy = string | { type: string; when: (c: Ctx) => boolean };

export interface Wiring {
  ruleId: string;
  /** State ids, `prefix.*`, or `open` (every state but `closed`: the limitation, the contract). */
  owningStates: string[] | 'open';
  /** Events that create the row, or replace it (rescheduling). Only when the case lands in an owning state. */
  schedule: Trigger[];
  /** Events that recompute a pending row (extensions, interruptions, suspensions). */
  move?: Trigger[];
  /** Events that do the rule's duty: a pending row becomes `met`. */
  metBy?: MetBy[];
}

export function eventDateOf(event: PlannerEvent): string {
  return shanghaiDate(event.occurredAt);
}

/** A `YYYY-MM-DD` field of the event payload, if present and valid. */
export function payloadDate(c: Ctx, field: string): string | null {
  const v = c.event[field];
  return typeof v === 'string' && isCalendarDate(v) ? v : null;
}

/** A value at a dotted path of a context object. */
export function pathValue(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** The first valid date among the paths, looked up in the context after the event, then before. */
export function contextDate(c: Ctx, ...paths: string[]): string | null {
  for (const ctx of [c.input.contextAfter, c.input.contextBefore]) {
    for (const p of paths) {
      const v = pathValue(ctx, p);
      if (typeof v === 'string' && isCalendarDate(v)) return v;
    }
  }
  return null;
}

/** The case's claims from the event (opening) or the context. */
export function claimsOf(c: Ctx): Array<{ type: string }> {
  for (const src of [c.event.claims, pathValue(c.input.contextAfter, 'claims'), pathValue(c.input.contextBefore, 'claims')]) {
    if (Array.isArray(src)) return src.filter((x): x is { type: string } => !!x && typeof (x as { type?: unknown }).type === 'string');
  }
  return [];
}

/**
 * The rule's period counted from `from` (plus `extraDays`, e.g. agreed extensions or suspended
 * days), rolled unless the unit is working days.
 */
export function periodFrom(c: Ctx, from: string, lead: string, extraDays = 0, period = c.rule.period): Computed {
  const unit = c.rule.unit as PeriodUnit;
  if (period === undefined) throw new RangeError(`${c.ruleId} has no period`);
  const opts = { swappedWorkdayIsWorkingDay: c.switches.swappedWorkdayIsWorkingDay };
  let result;
  let total = period;
  if (unit === 'calendar_days' || unit === 'working_days') {
    total = period + extraDays;
    result = addPeriod(c.input.calendar, { from, period: total, unit, ...opts });
  } else if (extraDays === 0) {
    result = addPeriod(c.input.calendar, { from, period, unit, ...opts });
  } else {
    result = longPeriodPlusDays(c.input.calendar, from, period, unit, extraDays, opts);
  }
  return {
    triggerOn: from,
    dueOn: result.dueOn,
    period: total,
    unit,
    explanation: `${lead} ${result.explanation}`,
    provisional: result.provisional,
  };
}

function longPeriodPlusDays(
  calendar: Calendar,
  from: string,
  period: number,
  unit: PeriodUnit,
  extraDays: number,
  opts: { swappedWorkdayIsWorkingDay: boolean },
) {
  const moved = addMonths(from, unit === 'years' ? period * 12 : period);
  const plain = addDays(moved.date, extraDays);
  const label = unit === 'years' ? plural(period, 'year') : plural(period, 'month');
  const corresponding = moved.clamped
    ? `${monthLabel(moved.date)}'s last day ${moved.date} (no corresponding date, CC Art 202)`
    : `${moved.date} (CC Art 202)`;
  const head = `${label} after ${from} (the start day is not counted, CC Art 201) would end on ${corresponding}; adding ${plural(extraDays, 'day')} the period did not run, it ends on ${plain}`;
  return finish(calendar, head, plain, true, opts);
}

/** A date the parties agreed: taken as agreed, never rolled (CC Art 204). */
export function agreedDate(c: Ctx, triggerOn: string, dueOn: string, lead: string): Computed {
  const info = c.input.calendar.describeDay(dueOn);
  const tail = info.restDay
    ? `. ${dueOn} is a ${info.reason}, but a date agreed by the parties is taken as agreed and not rolled (CC Art 204).`
    : '; a date agreed by the parties is taken as agreed and not rolled (CC Art 204).';
  return {
    triggerOn,
    dueOn,
    period: null,
    unit: 'agreed_date',
    explanation: `${lead} Due on the agreed date ${dueOn}${tail}`,
    provisional: false,
  };
}

/** A positive whole number from the payload, or null. */
function payloadInt(c: Ctx, field: string): number | null {
  const v = c.event[field];
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null;
}

/**
 * An agreed extension of N days lengthens the same deadline's period (trigger + base + all
 * extensions, then rolled; domain §1 "Scheduling"), capped by the rule's `maxExtensionDays`.
 */
export function extendPeriod(c: Ctx, describe: (triggerOn: string, total: number) => string): Computed | null {
  const row = c.row;
  const days = payloadInt(c, 'days');
  if (!row || days === null) {
    if (days === null) c.note(`${c.event.type} without a positive whole number of days: ${c.ruleId} unchanged.`);
    return null;
  }
  const base = c.rule.period ?? 0;
  const before = row.memo?.extensionDays ?? Math.max(0, (row.period ?? base) - base);
  let total = before + days;
  const max = c.rule.maxExtensionDays;
  if (max !== undefined && total > max) {
    c.note(`${c.ruleId}: extensions total ${total} days, more than the ${max} days allowed; ${max} days applied.`);
    total = max;
  }
  if (total === before) return null;
  const computed = periodFrom(c, row.triggerOn, describe(row.triggerOn, total), total);
  return { ...computed, memo: { ...(row.memo ?? {}), extensionDays: total } };
}
