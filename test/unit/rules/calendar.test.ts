import * as chineseDays from 'chinese-days';
import { addPeriod, createCalendar, HOLIDAY_SEED, PACKAGE_YEARS } from '../../../src/rules';
import { addDays } from '../../../machines/shared/time';
import { packageYear } from '../../../src/rules/holiday-package';
import { expandNotice } from '../../../src/rules/holiday-seed';
import { statutoryHolidays } from '../../../src/rules/statutory-holidays';

const calendar = createCalendar();

function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) out.push(d);
  return out;
}

describe('holiday seed (2025, 2026 notices) agrees with chinese-days', () => {
  it.each(HOLIDAY_SEED.map((n) => [n.year, n] as const))('%i: same holiday and working-day dates as the package data file', (year, notice) => {
    const seed = expandNotice(notice);
    const pkg = packageYear(year);
    expect([...seed.holidays.keys()].sort()).toEqual(pkg.holidays);
    expect([...seed.workdays.keys()].sort()).toEqual(pkg.workdays);
  });

  it.each([2025, 2026])('%i: every day, rest day here iff the package API says it is not a workday', (year) => {
    const disagreements = daysOf(year).filter((d) => calendar.isRestDay(d) === chineseDays.isWorkday(d));
    expect(disagreements).toEqual([]);
  });

  it.each([2025, 2026])('%i: the Art 2 fallback holidays (lunar dates computed) are all rest days in the notice', (year) => {
    const notice = expandNotice(HOLIDAY_SEED.find((n) => n.year === year)!);
    const missing = [...statutoryHolidays(year).holidays.keys()].filter((d) => !notice.holidays.has(d));
    expect(missing).toEqual([]);
    expect(statutoryHolidays(year).holidays.size).toBe(13);
  });
});

describe('years covered', () => {
  it('chinese-days 1.5.7 covers 2004-2026 and nothing else', () => {
    expect([...PACKAGE_YEARS].sort()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });

  it('known years: package and seed; 2003 and 2027 are not', () => {
    expect(calendar.isKnownYear(2004)).toBe(true);
    expect(calendar.isKnownYear(2026)).toBe(true);
    expect(calendar.isKnownYear(2003)).toBe(false);
    expect(calendar.isKnownYear(2027)).toBe(false);
  });

  it('a package year uses its own data (2024 Spring Festival, old law)', () => {
    expect(calendar.describeDay('2024-02-10')).toMatchObject({ restDay: true, source: 'package', reason: 'Spring Festival holiday (春节)' });
    expect(calendar.describeDay('2024-02-04')).toMatchObject({ restDay: false, kind: 'swapped_workday', source: 'package' });
  });
});

describe('describeDay', () => {
  it.each([
    ['2026-10-05', true, 'holiday', 'National Day holiday (国庆节)'],
    ['2026-10-10', false, 'swapped_workday', 'swapped working day (调休上班日, Saturday) for the National Day holiday (国庆节)'],
    ['2026-02-15', true, 'holiday', 'Spring Festival holiday (春节)'],
    ['2026-03-07', true, 'weekend', 'Saturday (weekend)'],
    ['2026-03-09', false, 'workday', 'working day (Monday)'],
    ['2025-10-06', true, 'holiday', 'National Day and Mid-Autumn Festival holiday (国庆节、中秋节)'],
  ])('%s', (date, restDay, kind, reason) => {
    expect(calendar.describeDay(date)).toMatchObject({ date, restDay, kind, reason, provisional: false });
  });

  it('an unknown year: Art 2 holidays with lunar dates, provisional', () => {
    // 2031: lunar new year 2031-01-23, so 除夕 2031-01-22 to 正月初三 2031-01-25.
    for (const d of ['2031-01-22', '2031-01-23', '2031-01-24', '2031-01-25']) {
      expect(calendar.describeDay(d)).toMatchObject({ restDay: true, source: 'statutory_fallback', provisional: true, reason: 'Spring Festival holiday (春节)' });
    }
    expect(calendar.describeDay('2031-01-21')).toMatchObject({ restDay: false, provisional: true });
    expect(calendar.describeDay('2027-10-01')).toMatchObject({ restDay: true, reason: 'National Day holiday (国庆节)', provisional: true });
    // The package answers "workday" for 2027-10-01: it has no 2027 data, which is why we do not ask it.
    expect(chineseDays.isWorkday('2027-10-01')).toBe(true);
  });

  it('rejects dates that do not exist', () => {
    expect(() => calendar.describeDay('2026-02-29')).toThrow(RangeError);
    expect(() => calendar.describeDay('2026-1-05')).toThrow(RangeError);
  });

  it('the switch: a swapped working day is a rest day for roll-forward only when switched off', () => {
    expect(calendar.isRestDay('2026-10-10')).toBe(false);
    expect(calendar.isRestDay('2026-10-10', { swappedWorkdayIsWorkingDay: false })).toBe(true);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
  });
});

describe('overrides', () => {
  it('win over the seed', () => {
    const cal = createCalendar([{ date: '2026-10-08', kind: 'holiday', name: '国庆节' }]);
    expect(cal.describeDay('2026-10-08')).toMatchObject({ restDay: true, source: 'override', reason: 'National Day holiday (国庆节)' });
    expect(addPeriod(cal, { from: '2026-09-19', period: 15, unit: 'calendar_days' }).dueOn).toBe('2026-10-09');
  });

  it('make a year known (not provisional); the Art 2 holidays stay under them', () => {
    const cal = createCalendar([
      { date: '2027-10-04', kind: 'holiday', name: 'National Day/国庆节' },
      { date: '2027-10-09', kind: 'workday', name: '国庆节' },
    ]);
    expect(cal.isKnownYear(2027)).toBe(true);
    expect(cal.describeDay('2027-10-09')).toMatchObject({ restDay: false, kind: 'swapped_workday', provisional: false });
    expect(cal.describeDay('2027-01-01')).toMatchObject({ restDay: true, provisional: false, source: 'statutory_fallback' });
    const r = addPeriod(cal, { from: '2027-09-30', period: 1, unit: 'calendar_days' });
    expect(r).toMatchObject({ dueOn: '2027-10-05', provisional: false });
  });

  it('a workday override can reopen a holiday', () => {
    const cal = createCalendar([{ date: '2026-10-07', kind: 'workday', name: 'correction' }]);
    expect(cal.isWorkingDay('2026-10-07')).toBe(true);
    expect(addPeriod(cal, { from: '2026-09-19', period: 15, unit: 'calendar_days' }).dueOn).toBe('2026-10-07');
  });

  it('rejects a bad override', () => {
    expect(() => createCalendar([{ date: '2027-02-30', kind: 'holiday', name: 'x' }])).toThrow(RangeError);
    expect(() => createCalendar([{ date: '2027-02-03', kind: 'off' as never, name: 'x' }])).toThrow(RangeError);
  });
});

describe('no time-zone dependence', () => {
  it('gives the same answers whatever TZ the process has', () => {
    const before = process.env.TZ;
    try {
      const results = ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'].map((tz) => {
        process.env.TZ = tz;
        const cal = createCalendar();
        return ['2026-09-19', '2025-12-30', '2028-01-31'].map((from) => addPeriod(cal, { from, period: 3, unit: 'working_days' }).dueOn);
      });
      expect(results[0]).toEqual(results[1]);
      expect(results[1]).toEqual(results[2]);
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('outside the lunar tables', () => {
  it('2150: only the Gregorian-date holidays, and the explanation says the lunar ones are missing', () => {
    expect(calendar.describeDay('2150-10-02')).toMatchObject({ restDay: true, provisional: true });
    const r = addPeriod(calendar, { from: '2150-09-28', period: 3, unit: 'calendar_days' });
    expect(r.provisional).toBe(true);
    expect(r.explanation).toContain('could not be computed outside 1901-2100');
  });
});
