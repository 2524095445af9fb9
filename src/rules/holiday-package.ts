/**
 * Adapter for the `chinese-days` package. Its data file `dist/chinese-days.json` (documented by
 * the package for non-JS use) maps every holiday-block day and every swapped working day of the
 * years it covers; `isHoliday`/`isWorkday` answer for any year but silently fall back to plain
 * weekends for years without data, so the covered years are read from the data itself
 * (2004-2026 in chinese-days 1.5.7).
 */
import packageData from 'chinese-days/dist/chinese-days.json';
import { yearOf } from './dates';
import { fromPackageLabel, type HolidayName } from './holiday-names';

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}

const data = packageData as PackageData;

/** Years for which the package has a holiday notice. */
export const PACKAGE_YEARS: ReadonlySet<number> = new Set(
  [...Object.keys(data.holidays), ...Object.keys(data.workdays)].map(yearOf),
);

export interface PackageDay {
  kind: 'holiday' | 'workday';
  name: HolidayName;
  /** A day off given in lieu of a swapped working day (调休), per the package. */
  inLieu: boolean;
}

/** The package's fact for a date of a covered year, or null when it lists nothing. */
export function packageDay(date: string): PackageDay | null {
  const holiday = data.holidays[date];
  if (holiday) return { kind: 'holiday', name: fromPackageLabel(holiday), inLieu: date in data.inLieuDays };
  const workday = data.workdays[date];
  if (workday) return { kind: 'workday', name: fromPackageLabel(workday), inLieu: false };
  return null;
}

/** All listed dates of one year (for the seed-versus-package test). */
export function packageYear(year: number): { holidays: string[]; workdays: string[] } {
  const prefix = `${year}-`;
  return {
    holidays: Object.keys(data.holidays).filter((d) => d.startsWith(prefix)).sort(),
    workdays: Object.keys(data.workdays).filter((d) => d.startsWith(prefix)).sort(),
  };
}
