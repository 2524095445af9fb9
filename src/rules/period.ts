/**
 * Period arithmetic of domain.md §1 (CC Arts 201-204), pure and explained:
 * - the start day is not counted (CC Art 201);
 * - months and years end on the corresponding date, else the month's last day (CC Art 202);
 * - a period in calendar days, months or years that ends on a rest day ends on the next working
 *   day (CC Art 203), unless it is a date the parties agreed (`roll: false`, CC Art 204);
 * - working days count only working days after the start day; swapped working days (调休上班日)
 *   always count (domain §1.5); the rule-pack switch `swappedWorkdayIsWorkingDay` decides only
 *   whether a period may end on one (§1.2).
 */
import { addDays } from '../../machines/shared/time';
import { addMonths, assertDate, monthLabel, weekdayName, yearOf } from './dates';
import type { Calendar, DayInfo } from './calendar';
import { LUNAR_RANGE } from './statutory-holidays';

export type PeriodUnit = 'calendar_days' | 'working_days' | 'months' | 'years';
export const PERIOD_UNITS: readonly PeriodUnit[] = ['calendar_days', 'working_days', 'months', 'years'];

export interface PeriodRequest {
  from: string;
  period: number;
  unit: PeriodUnit;
  /** Roll a last day that is a rest day forward (CC Art 203). Default true; ignored for working days. */
  roll?: boolean;
  /** Rule-pack switch, default true (domain §1.2). */
  swappedWorkdayIsWorkingDay?: boolean;
}

export interface PeriodResult {
  dueOn: string;
  explanation: string;
  provisional: boolean;
}

/** Longest run of consecutive rest days the roll-forward will cross before giving up. */
const MAX_ROLL_DAYS = 60;
const MAX_WORKING_DAYS = 5000;

export function addPeriod(calendar: Calendar, request: PeriodRequest): PeriodResult {
  const { from, period, unit } = request;
  assertDate(from, 'from');
  if (!Number.isInteger(period) || period < 1) throw new RangeError(`period must be a whole number of at least 1, got ${period}`);
  if (!PERIOD_UNITS.includes(unit)) throw new RangeError(`unit must be one of ${PERIOD_UNITS.join(', ')}, got ${unit}`);
  const opts = { swappedWorkdayIsWorkingDay: request.swappedWorkdayIsWorkingDay !== false };
  if (unit === 'working_days') return countWorkingDays(calendar, from, period);

  let plainEnd: string;
  let head: string;
  if (unit === 'calendar_days') {
    if (period > 366 * 100) throw new RangeError('period too long');
    plainEnd = addDays(from, period);
    head = `${plural(period, 'calendar day')} after ${from} (the start day is not counted, CC Art 201) ${period === 1 ? 'ends' : 'end'} on ${plainEnd}`;
  } else {
    const months = unit === 'months' ? period : period * 12;
    if (months > 1200) throw new RangeError('period too long');
    const moved = addMonths(from, months);
    plainEnd = moved.date;
    const label = unit === 'months' ? plural(period, 'month') : plural(period, 'year');
    head = moved.clamped
      ? `${label} after ${from} (the start day is not counted, CC Art 201): ${monthLabel(plainEnd)} has no day ${Number(from.slice(8))}, so the period ends on its last day, ${plainEnd} (CC Art 202)`
      : `${label} after ${from} (the start day is not counted, CC Art 201) ${period === 1 ? 'ends' : 'end'} on the corresponding date ${plainEnd} (CC Art 202)`;
  }
  return finish(calendar, head, plainEnd, request.roll !== false, opts);
}

/** Applies the roll-forward (or not) to a computed last day and explains it. */
export function finish(
  calendar: Calendar,
  head: string,
  plainEnd: string,
  roll: boolean,
  opts: { swappedWorkdayIsWorkingDay: boolean },
): PeriodResult {
  const consulted: DayInfo[] = [calendar.describeDay(plainEnd)];
  if (!roll) {
    const info = consulted[0];
    const note = info.restDay || info.kind === 'swapped_workday' ? ` (${plainEnd} is a ${info.reason})` : '';
    return { dueOn: plainEnd, explanation: `${head}${note}; a date agreed by the parties is taken as agreed and not rolled (CC Art 204).`, provisional: false };
  }
  let due = plainEnd;
  const run: DayInfo[] = [];
  while (calendar.isRestDay(due, opts)) {
    run.push(calendar.describeDay(due));
    if (run.length > MAX_ROLL_DAYS) throw new RangeError(`more than ${MAX_ROLL_DAYS} consecutive rest days after ${plainEnd}: check the calendar overrides`);
    due = addDays(due, 1);
    consulted.push(calendar.describeDay(due));
  }
  let text: string;
  if (run.length === 0) {
    const info = consulted[0];
    text = info.kind === 'swapped_workday'
      ? `${head}, a ${info.reason}: a working day, so it is not rolled (domain §1.2).`
      : `${head}, a ${info.reason}.`;
  } else {
    text = `${head}. ${describeRun(run)}; rolled to ${due}, the first working day after it (CC Art 203).`;
  }
  return withProvisional(text, due, consulted);
}

function countWorkingDays(calendar: Calendar, from: string, n: number): PeriodResult {
  if (n > MAX_WORKING_DAYS) throw new RangeError('period too long');
  const consulted: DayInfo[] = [];
  const counted: DayInfo[] = [];
  let d = from;
  while (counted.length < n) {
    d = addDays(d, 1);
    const info = calendar.describeDay(d);
    consulted.push(info);
    // Swapped working days always count as working days here (domain §1.5).
    if (calendar.isWorkingDay(d, { swappedWorkdayIsWorkingDay: true })) counted.push(info);
  }
  const skipped = consulted.filter((i) => i.restDay);
  const parts: string[] = [];
  const weekendOnly = skipped.filter((i) => i.kind === 'weekend').length;
  const holidayRuns = runs(skipped.filter((i) => i.kind === 'holiday'));
  if (holidayRuns.length) parts.push(`skipped ${holidayRuns.map((r) => `${span(r)} (${r[0].reason})`).join('; ')}`);
  if (weekendOnly) parts.push(`skipped ${plural(weekendOnly, 'weekend day')}`);
  const swapped = counted.filter((i) => i.kind === 'swapped_workday');
  parts.push(n <= 5 ? `counted ${counted.map((i) => i.date).join(', ')}` : `counted ${n} working days`);
  if (swapped.length) parts.push(`${swapped.map((i) => `${i.date} is a ${i.reason}`).join('; ')}, and counts`);
  const head = `${plural(n, 'working day')} after ${from} (the start day is not counted, CC Art 201; rest days are skipped): ${parts.join('; ')}; due ${d} (${weekdayName(d)})`;
  return withProvisional(`${head}.`, d, consulted);
}

/** "2026-10-04 is a National Day holiday (国庆节), which runs through 2026-10-07". */
function describeRun(run: DayInfo[]): string {
  const first = run[0];
  const text = `${first.date} is a ${restReason(first)}`;
  if (run.length === 1) return text;
  const last = run[run.length - 1];
  const others = [...new Set(run.slice(1).map(restReason))];
  if (others.length === 1 && others[0] === restReason(first)) return `${text}, as are the days through ${last.date}`;
  return `${text}, followed by rest days through ${last.date} (${others.join('; ')})`;
}

function restReason(info: DayInfo): string {
  if (info.kind === 'swapped_workday') return `${info.reason}, treated as a rest day by this rule pack (swappedWorkdayIsWorkingDay off)`;
  return info.kind === 'weekend' ? `${weekdayName(info.date)} (weekend)` : info.reason;
}

function withProvisional(text: string, dueOn: string, consulted: DayInfo[]): PeriodResult {
  const years = [...new Set(consulted.filter((i) => i.provisional).map((i) => yearOf(i.date)))];
  if (years.length === 0) return { dueOn, explanation: text, provisional: false };
  const lunarOk = years.every((y) => y >= LUNAR_RANGE.from && y <= LUNAR_RANGE.to);
  const lunar = lunarOk
    ? 'Spring Festival, Dragon Boat and Mid-Autumn dates from the lunar calendar'
    : `the lunar-calendar holidays could not be computed outside ${LUNAR_RANGE.from}-${LUNAR_RANGE.to} and are missing`;
  const note = ` Provisional: no holiday notice is on file for ${years.join(', ')}; weekends and the fixed statutory holidays of the 2024 放假办法 Art 2 were used (${lunar}), without that year's 调休 and make-up days.`;
  return { dueOn, explanation: text + note, provisional: true };
}

/** Consecutive-date runs of a date-sorted list. */
function runs(days: DayInfo[]): DayInfo[][] {
  const out: DayInfo[][] = [];
  for (const d of days) {
    const cur = out[out.length - 1];
    if (cur && addDays(cur[cur.length - 1].date, 1) === d.date && cur[0].reason === d.reason) cur.push(d);
    else out.push([d]);
  }
  return out;
}

function span(run: DayInfo[]): string {
  return run.length === 1 ? run[0].date : `${run[0].date} to ${run[run.length - 1].date}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
