/**
 * Fallback for a year that no notice covers: the fixed statutory holidays of
 * 全国年节及纪念日放假办法 (2024 amendment) Art 2 - New Year's Day (Jan 1), Spring Festival (4 days:
 * 除夕 to 正月初三), Qingming (the solar-term day 清明), Labour Day (May 1-2), Dragon Boat
 * (农历五月初五), Mid-Autumn (农历八月十五), National Day (Oct 1-3). 13 days.
 *
 * Lunar and solar-term dates come from `chinese-days` (lunar tables 1900-2100). Outside
 * 1901-2100 only the Gregorian-date holidays are known; the lunar ones are left out and the
 * result says so. Art 6 (a holiday on a weekend is made up on a working day) and Art 7 (调休) are
 * not applied: which day is given is fixed only by the yearly notice. Every date computed from
 * such a year is marked provisional by the calendar.
 */
import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import { addDays } from '../../machines/shared/time';
import { ymd } from './dates';
import { HOLIDAYS, type HolidayName } from './holiday-names';

export const LUNAR_RANGE = { from: 1901, to: 2100 } as const;

export interface StatutoryYear {
  holidays: Map<string, HolidayName>;
  /** False when the lunar holidays could not be computed for this year. */
  lunarComputed: boolean;
}

const cache = new Map<number, StatutoryYear>();

export function statutoryHolidays(year: number): StatutoryYear {
  let result = cache.get(year);
  if (!result) {
    result = compute(year);
    cache.set(year, result);
  }
  return result;
}

function compute(year: number): StatutoryYear {
  const holidays = new Map<string, HolidayName>();
  const put = (date: string, name: HolidayName) => {
    // Mid-Autumn can fall on Oct 1-3 (e.g. 2031): keep the first name, the day is off either way.
    if (!holidays.has(date)) holidays.set(date, name);
  };
  put(ymd(year, 1, 1), HOLIDAYS.newYear);
  put(ymd(year, 5, 1), HOLIDAYS.labourDay);
  put(ymd(year, 5, 2), HOLIDAYS.labourDay);
  for (const d of [1, 2, 3]) put(ymd(year, 10, d), HOLIDAYS.nationalDay);
  const lunarComputed = year >= LUNAR_RANGE.from && year <= LUNAR_RANGE.to;
  if (lunarComputed) {
    const newYearDay = getSolarDateFromLunar(ymd(year, 1, 1)).date;
    const eve = addDays(newYearDay, -1);
    for (let i = 0; i < 4; i++) put(addDays(eve, i), HOLIDAYS.springFestival);
    put(getSolarTermDate(year, 4, 'pure_brightness'), HOLIDAYS.qingming);
    put(getSolarDateFromLunar(ymd(year, 5, 5)).date, HOLIDAYS.dragonBoat);
    put(getSolarDateFromLunar(ymd(year, 8, 15)).date, HOLIDAYS.midAutumn);
  }
  return { holidays, lunarComputed };
}
