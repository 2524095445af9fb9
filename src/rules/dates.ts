/**
 * Pure `YYYY-MM-DD` arithmetic. Every computation goes through UTC midnight of the date, so the
 * host's time zone never matters, and nothing here reads the clock.
 */
import { isCalendarDate } from '../../machines/shared/time';

const DAY_MS = 24 * 60 * 60 * 1000;

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Throws a RangeError unless `date` is a real `YYYY-MM-DD` date. */
export function assertDate(date: string, label = 'date'): string {
  if (typeof date !== 'string' || !isCalendarDate(date)) {
    throw new RangeError(`${label} must be a date YYYY-MM-DD that exists on the calendar, got ${JSON.stringify(date)}`);
  }
  return date;
}

function toMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** Builds a date from numbers (month 1-12), zero-padded. */
export function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday. */
function dayOfWeek(date: string): number {
  return new Date(toMs(date)).getUTCDay();
}

export function weekdayName(date: string): string {
  return WEEKDAY_NAMES[dayOfWeek(date)];
}

export function isWeekend(date: string): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `date` moved by `months` (may be negative) to the corresponding day; when that month has no
 * such day, its last day (CC Art 202). `clamped` tells whether the last-day rule was used.
 */
export function addMonths(date: string, months: number): { date: string; clamped: boolean } {
  const y = yearOf(date);
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12 + 1;
  const day = Number(date.slice(8, 10));
  const last = lastDayOfMonth(year, month);
  return { date: ymd(year, month, Math.min(day, last)), clamped: day > last };
}

/** "February 2026". */
export function monthLabel(date: string): string {
  return `${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${yearOf(date)}`;
}
