/**
 * Dates of a collective contract's term (CCP Art 38), pure.
 *
 * Last day of the term: the term starts on `termStart`, a day on which the contract is already in
 * force, so that day is the term's first day (the parties' agreement, CC Art 204, the way a
 * contract "自2026年7月1日起至2027年6月30日止" is read). The last day is the day before the
 * corresponding date `termMonths` later; where that month has no corresponding date, the month's
 * last day (CC Art 202 applied to the day after the term). The contract ends at 24:00 of its
 * last day, so the expiry deadline is due on the last day and fires as the term runs out. A term
 * is not a period for doing an act: it is never rolled.
 *
 * Renewal window (期满前3个月内): the window is the last `n` months of the term. Its opening is
 * the mirror of CC Arts 201-202: the corresponding date `n` months before the last day (or that
 * month's last day) is the day *before* the window; the deadline is due on it and elapses at its
 * 24:00, which is exactly when the window opens. A window opening is not the last day of a period,
 * so it is not rolled: rolling would shorten the window the parties have.
 */
import { addDays } from '../../machines/shared/time';
import { addMonths, assertDate, lastDayOfMonth, monthLabel, yearOf } from './dates';
import type { Calendar } from './calendar';
import { plural, type PeriodResult } from './period';

/** The term's last day: `termStart` + `termMonths` months, minus one day (see above). */
export function contractLastDay(termStart: string, termMonths: number): { lastDay: string; explanation: string } {
  assertDate(termStart, 'termStart');
  if (!Number.isInteger(termMonths) || termMonths < 1) throw new RangeError(`termMonths must be a whole number of at least 1, got ${termMonths}`);
  const corresponding = addMonths(termStart, termMonths);
  // A missing corresponding date (Jan 31 + 1 month) means the term ends with that month.
  const lastDay = corresponding.clamped
    ? corresponding.date // already the month's last day
    : addDays(corresponding.date, -1);
  const how = corresponding.clamped
    ? `${monthLabel(corresponding.date)} has no day ${Number(termStart.slice(8))}, so the term ends with that month`
    : `the day before the corresponding date ${corresponding.date}`;
  return {
    lastDay,
    explanation: `A term of ${plural(termMonths, 'month')} starting on ${termStart} (its first day in force) ends on ${lastDay} (${how}); the contract expires at 24:00 that day (CCP Art 38). A contract term is not rolled.`,
  };
}

/**
 * The corresponding date `n` months before `date` (or that month's last day). Used for the
 * renewal window: the window opens when this day ends. Never rolled; uses no holiday facts, so
 * never provisional.
 */
export function monthsBefore(_calendar: Calendar, date: string, n: number): PeriodResult {
  assertDate(date);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`months must be a whole number of at least 1, got ${n}`);
  const back = addMonths(date, -n);
  const y = yearOf(back.date);
  const m = Number(back.date.slice(5, 7));
  const clampNote = back.clamped ? ` (${monthLabel(back.date)} has no day ${Number(date.slice(8))}: its last day, ${ymdLast(y, m)}, CC Art 202)` : '';
  const opens = addDays(back.date, 1);
  return {
    dueOn: back.date,
    explanation: `${plural(n, 'month')} before ${date} is ${back.date}${clampNote}; the window of the last ${plural(n, 'month')} opens at 24:00 that day, i.e. on ${opens}. A window opening is not the last day of a period, so it is not rolled (CC Art 203 does not apply).`,
    provisional: false,
  };
}

function ymdLast(y: number, m: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(lastDayOfMonth(y, m)).padStart(2, '0')}`;
}
