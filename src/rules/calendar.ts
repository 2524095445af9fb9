/**
 * The holiday calendar: which dates are rest days, and why. Sources, highest priority first:
 *   1. overrides an administrator enters from the State Council's yearly notice (database);
 *   2. the 2025 and 2026 notices shipped as seed data (`holiday-seed.ts`);
 *   3. the `chinese-days` package (2004-2026 in 1.5.7);
 *   4. for a year none of them knows: weekends plus the fixed statutory holidays of the 2024
 *      放假办法 Art 2 (`statutory-holidays.ts`); such dates are provisional.
 * A year is known when an override, the seed or the package has it. In a year known only
 * through overrides, the Art 2 holidays still apply underneath the overrides (every notice keeps
 * them off, so a complete notice is unaffected and a partly entered one is not less safe).
 * Pure: no clock, no I/O; all dates `YYYY-MM-DD`.
 */
import { assertDate, isWeekend, weekdayName, yearOf } from './dates';
import { fromOverrideName, holidayPhrase, type HolidayName } from './holiday-names';
import { PACKAGE_YEARS, packageDay } from './holiday-package';
import { HOLIDAY_SEED, expandNotice, type ExpandedNotice } from './holiday-seed';
import { statutoryHolidays } from './statutory-holidays';

export interface CalendarOverride {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export type DaySource = 'override' | 'seed' | 'package' | 'statutory_fallback' | 'weekday_rule';
export type DayKind = 'holiday' | 'weekend' | 'swapped_workday' | 'workday';

export interface DayInfo {
  date: string;
  /** Rest day under the national calendar: a weekend day or a holiday-block day. */
  restDay: boolean;
  kind: DayKind;
  /** "National Day holiday (国庆节)", "Saturday (weekend)", "swapped working day (调休上班日) for ...". */
  reason: string;
  holiday?: HolidayName;
  source: DaySource;
  /** True when the date's year has no notice on file (fallback rules used). */
  provisional: boolean;
}

export interface DayOptions {
  /** Rule-pack switch (domain §1.2): a swapped working weekend day is a working day. Default true. */
  swappedWorkdayIsWorkingDay?: boolean;
}

export interface Calendar {
  describeDay(date: string): DayInfo;
  /** Rest day for the roll-forward of CC Art 203 (the switch decides about swapped working days). */
  isRestDay(date: string, options?: DayOptions): boolean;
  isWorkingDay(date: string, options?: DayOptions): boolean;
  /** An override, the seed or the package has this year. */
  isKnownYear(year: number): boolean;
}

export function createCalendar(overrides: CalendarOverride[] = []): Calendar {
  const byDate = new Map<string, CalendarOverride>();
  const overrideYears = new Set<number>();
  for (const o of overrides) {
    assertDate(o.date, 'override date');
    if (o.kind !== 'holiday' && o.kind !== 'workday') throw new RangeError(`override kind must be holiday or workday: ${o.kind}`);
    byDate.set(o.date, o); // the later entry of the same date wins
    overrideYears.add(yearOf(o.date));
  }
  const seed = new Map<number, ExpandedNotice>(HOLIDAY_SEED.map((n) => [n.year, expandNotice(n)]));
  const memo = new Map<string, DayInfo>();

  const isKnownYear = (year: number) => overrideYears.has(year) || seed.has(year) || PACKAGE_YEARS.has(year);

  function lookup(date: string): DayInfo {
    const year = yearOf(date);
    const provisional = !isKnownYear(year);
    const o = byDate.get(date);
    if (o) return day(date, o.kind, fromOverrideName(o.name), 'override', provisional);
    const notice = seed.get(year);
    if (notice) {
      const h = notice.holidays.get(date);
      if (h) return day(date, 'holiday', h, 'seed', false);
      const w = notice.workdays.get(date);
      if (w) return day(date, 'workday', w, 'seed', false);
      return plain(date, false);
    }
    if (PACKAGE_YEARS.has(year)) {
      const p = packageDay(date);
      return p ? day(date, p.kind, p.name, 'package', false) : plain(date, false);
    }
    const statutory = statutoryHolidays(year).holidays.get(date);
    if (statutory) return day(date, 'holiday', statutory, 'statutory_fallback', provisional);
    return plain(date, provisional);
  }

  const describeDay = (date: string): DayInfo => {
    assertDate(date);
    let info = memo.get(date);
    if (!info) {
      info = lookup(date);
      memo.set(date, info);
    }
    return info;
  };

  const isRestDay = (date: string, options: DayOptions = {}) => {
    const info = describeDay(date);
    if (info.kind === 'swapped_workday') return options.swappedWorkdayIsWorkingDay === false;
    return info.restDay;
  };

  return {
    describeDay,
    isRestDay,
    isWorkingDay: (date, options) => !isRestDay(date, options),
    isKnownYear,
  };
}

function day(date: string, kind: 'holiday' | 'workday', name: HolidayName, source: DaySource, provisional: boolean): DayInfo {
  if (kind === 'holiday') {
    return { date, restDay: true, kind: 'holiday', reason: holidayPhrase(name), holiday: name, source, provisional };
  }
  if (isWeekend(date)) {
    const reason = `swapped working day (调休上班日, ${weekdayName(date)}) for the ${holidayPhrase(name)}`;
    return { date, restDay: false, kind: 'swapped_workday', reason, holiday: name, source, provisional };
  }
  return { date, restDay: false, kind: 'workday', reason: `working day (${weekdayName(date)})`, source, provisional };
}

function plain(date: string, provisional: boolean): DayInfo {
  const source: DaySource = 'weekday_rule';
  if (isWeekend(date)) return { date, restDay: true, kind: 'weekend', reason: `${weekdayName(date)} (weekend)`, source, provisional };
  return { date, restDay: false, kind: 'workday', reason: `working day (${weekdayName(date)})`, source, provisional };
}
