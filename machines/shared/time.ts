/**
 * Pure date helpers. Machines never read the clock: every instant arrives inside an event.
 * China has kept UTC+8 all year since 1991, so the Asia/Shanghai date of an instant is
 * the UTC date of that instant plus eight hours.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` in Asia/Shanghai of an ISO instant (`2026-03-01T17:00:00Z` -> `2026-03-02`). */
export function shanghaiDate(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${instant}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Asia/Shanghai wall-clock `YYYY-MM-DDTHH:MM` of an ISO instant (`2026-03-01T17:30:00Z` -> `2026-03-02T01:30`). */
export function shanghaiDateTime(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${instant}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);
}

/** `date` plus `days` calendar days (may be negative), without any roll-forward. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant 00:00 Asia/Shanghai of a date (`2026-03-02` -> `2026-03-01T16:00:00.000Z`). */
export function shanghaiMidnight(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS).toISOString();
}

/** The instant a deadline elapses: 24:00 Asia/Shanghai of its due date (CC Art 203). */
export function endOfShanghaiDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS - SHANGHAI_OFFSET_MS).toISOString();
}

/** True when `date` is a real `YYYY-MM-DD` calendar date (no 2026-02-30). */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/**
 * The years the engine accepts in dates and instants. The calendar knows the lunar holidays of
 * 1901-2100; a year outside this range is a typing error, not a labor case.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2099;
export const inSupportedYears = (year: number): boolean => year >= MIN_YEAR && year <= MAX_YEAR;
