/**
 * Table of due dates worked out by hand from the 2025/2026 State Council notices
 * (legal-research.md D.7), CC Arts 201-204 and a printed calendar. Each row: the expected due
 * date and words the explanation must contain.
 */
import { addPeriod, createCalendar, type PeriodUnit } from '../../../src/rules';

type Row = [from: string, period: number, unit: PeriodUnit, dueOn: string, words: string[], extra?: { roll?: boolean; swappedWorkdayIsWorkingDay?: boolean; provisional?: boolean }];

const calendar = createCalendar();

const rows: Row[] = [
  // National Day 2026: Oct 1-7 off; Sun 09-20 and Sat 10-10 are working days.
  ['2026-09-25', 15, 'calendar_days', '2026-10-10', ['swapped working day (调休上班日, Saturday)', '国庆节', 'not rolled']],
  ['2026-09-19', 15, 'calendar_days', '2026-10-08', ['end on 2026-10-04', '2026-10-04 is a National Day holiday (国庆节)', 'rolled to 2026-10-08', 'CC Art 203']],
  ['2026-09-20', 15, 'calendar_days', '2026-10-08', ['2026-10-05 is a National Day holiday (国庆节)', 'rolled to 2026-10-08']],
  ['2026-09-30', 1, 'calendar_days', '2026-10-08', ['1 calendar day', 'ends on 2026-10-01', 'through 2026-10-07']],
  ['2026-09-28', 5, 'calendar_days', '2026-10-08', ['2026-10-03 is a National Day holiday']],
  ['2026-09-26', 5, 'calendar_days', '2026-10-08', ['2026-10-01 is a National Day holiday']],
  ['2026-10-01', 7, 'calendar_days', '2026-10-08', ['end on 2026-10-08', 'working day (Thursday)']],
  ['2026-09-30', 10, 'calendar_days', '2026-10-10', ['swapped working day', 'not rolled']],
  ['2026-09-30', 11, 'calendar_days', '2026-10-12', ['2026-10-11 is a Sunday (weekend)', 'rolled to 2026-10-12']],
  ['2026-09-05', 15, 'calendar_days', '2026-09-20', ['swapped working day (调休上班日, Sunday)', '国庆节']],
  ['2026-09-05', 20, 'calendar_days', '2026-09-28', ['2026-09-25 is a Mid-Autumn Festival holiday (中秋节)', 'rolled to 2026-09-28']],
  // Spring Festival 2026: Feb 15-23 off; Sat 02-14 and Sat 02-28 are working days.
  ['2026-02-10', 5, 'calendar_days', '2026-02-24', ['2026-02-15 is a Spring Festival holiday (春节)', 'through 2026-02-23', 'rolled to 2026-02-24']],
  ['2026-02-09', 5, 'calendar_days', '2026-02-14', ['swapped working day (调休上班日, Saturday)', '春节']],
  ['2026-02-13', 10, 'calendar_days', '2026-02-24', ['2026-02-23 is a Spring Festival holiday']],
  ['2026-02-18', 10, 'calendar_days', '2026-02-28', ['swapped working day', '春节', 'not rolled']],
  ['2026-02-18', 11, 'calendar_days', '2026-03-02', ['2026-03-01 is a Sunday (weekend)', 'rolled to 2026-03-02']],
  ['2026-02-01', 20, 'calendar_days', '2026-02-24', ['2026-02-21 is a Spring Festival holiday']],
  // Ordinary weekends and the other 2026 holidays.
  ['2026-03-02', 5, 'calendar_days', '2026-03-09', ['2026-03-07 is a Saturday (weekend)', 'followed by rest days through 2026-03-08', 'rolled to 2026-03-09']],
  ['2026-03-02', 6, 'calendar_days', '2026-03-09', ['2026-03-08 is a Sunday (weekend)']],
  ['2026-03-02', 4, 'calendar_days', '2026-03-06', ['working day (Friday)']],
  ['2026-06-01', 15, 'calendar_days', '2026-06-16', ['working day (Tuesday)']],
  ['2026-06-04', 15, 'calendar_days', '2026-06-22', ['Dragon Boat Festival holiday (端午节)', 'rolled to 2026-06-22']],
  ['2026-03-31', 5, 'calendar_days', '2026-04-07', ['Qingming Festival holiday (清明节)', 'rolled to 2026-04-07']],
  ['2026-04-26', 5, 'calendar_days', '2026-05-06', ['Labour Day holiday (劳动节)', 'rolled to 2026-05-06']],
  ['2026-05-04', 5, 'calendar_days', '2026-05-09', ['swapped working day', '劳动节']],
  ['2025-12-27', 5, 'calendar_days', '2026-01-04', ["New Year's Day holiday (元旦)", 'rolled to 2026-01-04']],
  // Agreed dates are not rolled; the switch off rolls past a swapped working day.
  ['2026-09-19', 15, 'calendar_days', '2026-10-04', ['CC Art 204', 'not rolled', 'National Day holiday'], { roll: false }],
  ['2026-09-25', 15, 'calendar_days', '2026-10-12', ['swappedWorkdayIsWorkingDay off', 'rolled to 2026-10-12'], { swappedWorkdayIsWorkingDay: false }],
  // 2025 notice.
  ['2025-09-23', 5, 'calendar_days', '2025-09-28', ['swapped working day (调休上班日, Sunday)']],
  ['2025-09-26', 5, 'calendar_days', '2025-10-09', ['National Day and Mid-Autumn Festival holiday (国庆节、中秋节)', 'rolled to 2025-10-09']],
  // Months and years (CC Art 202).
  ['2026-01-31', 1, 'months', '2026-02-28', ['February 2026 has no day 31', 'last day', 'CC Art 202', 'swapped working day']],
  ['2028-01-31', 1, 'months', '2028-02-29', ['February 2028 has no day 31', '2028-02-29'], { provisional: true }],
  ['2026-03-31', 1, 'months', '2026-04-30', ['April 2026 has no day 31']],
  ['2026-08-31', 1, 'months', '2026-09-30', ['September 2026 has no day 31']],
  ['2026-07-04', 3, 'months', '2026-10-08', ['corresponding date 2026-10-04', 'rolled to 2026-10-08']],
  ['2025-10-31', 4, 'months', '2026-02-28', ['February 2026 has no day 31']],
  ['2026-01-15', 1, 'months', '2026-02-24', ['corresponding date 2026-02-15', 'Spring Festival']],
  ['2028-02-29', 1, 'years', '2029-02-28', ['1 year', 'February 2029 has no day 29'], { provisional: true }],
  ['2025-10-05', 1, 'years', '2026-10-08', ['2026-10-05 is a National Day holiday (国庆节)', 'rolled to 2026-10-08']],
  ['2025-03-15', 1, 'years', '2026-03-16', ['2026-03-15 is a Sunday (weekend)']],
  // Working days: only working days after the start day; swapped working days count.
  ['2025-12-30', 3, 'working_days', '2026-01-05', ['counted 2025-12-31, 2026-01-04, 2026-01-05', "New Year's Day holiday (元旦)", '2026-01-04 is a swapped working day']],
  ['2025-12-31', 1, 'working_days', '2026-01-04', ['counted 2026-01-04']],
  ['2026-09-30', 3, 'working_days', '2026-10-10', ['skipped 2026-10-01 to 2026-10-07', 'counted 2026-10-08, 2026-10-09, 2026-10-10', 'and counts']],
  ['2026-09-30', 4, 'working_days', '2026-10-12', ['skipped 1 weekend day']],
  ['2026-09-18', 3, 'working_days', '2026-09-22', ['counted 2026-09-20, 2026-09-21, 2026-09-22']],
  ['2026-02-12', 3, 'working_days', '2026-02-24', ['counted 2026-02-13, 2026-02-14, 2026-02-24', 'Spring Festival holiday (春节)']],
  ['2026-03-06', 3, 'working_days', '2026-03-11', ['skipped 2 weekend days']],
  ['2026-04-30', 3, 'working_days', '2026-05-08', ['skipped 2026-05-01 to 2026-05-05']],
  ['2026-05-07', 3, 'working_days', '2026-05-11', ['counted 2026-05-08, 2026-05-09, 2026-05-11']],
  // Years no notice covers: weekends + 2024 放假办法 Art 2 holidays, provisional.
  ['2031-01-20', 3, 'calendar_days', '2031-01-27', ['Spring Festival holiday (春节)', 'Provisional', '2031'], { provisional: true }],
  ['2031-09-28', 3, 'calendar_days', '2031-10-06', ['National Day holiday (国庆节)', 'Provisional'], { provisional: true }],
  ['2027-09-30', 1, 'calendar_days', '2027-10-04', ['2027-10-01 is a National Day holiday', 'Provisional'], { provisional: true }],
  ['2031-03-03', 3, 'working_days', '2031-03-06', ['Provisional'], { provisional: true }],
  ['2026-12-25', 7, 'calendar_days', '2027-01-04', ["New Year's Day holiday", 'Provisional', '2027'], { provisional: true }],
  ['2026-12-20', 5, 'calendar_days', '2026-12-25', ['working day (Friday)']],
];

describe('addPeriod: table of hand-computed due dates', () => {
  it('has its 55 cases', () => expect(rows.length).toBe(55));

  it.each(rows)('%s + %i %s -> %s', (from, period, unit, dueOn, words, extra = {}) => {
    const result = addPeriod(calendar, { from, period, unit, roll: extra.roll, swappedWorkdayIsWorkingDay: extra.swappedWorkdayIsWorkingDay });
    expect(result.dueOn).toBe(dueOn);
    for (const w of words) expect(result.explanation).toContain(w);
    expect(result.provisional).toBe(extra.provisional ?? false);
    if (!result.provisional) expect(result.explanation).not.toContain('Provisional');
  });
});

describe('addPeriod: input checks', () => {
  it.each([
    [{ from: '2026-02-30', period: 1, unit: 'calendar_days' }],
    [{ from: '2026-02-01', period: 0, unit: 'calendar_days' }],
    [{ from: '2026-02-01', period: 1.5, unit: 'calendar_days' }],
    [{ from: '2026-02-01', period: 1, unit: 'fortnights' }],
  ])('rejects %j', (req) => {
    expect(() => addPeriod(calendar, req as never)).toThrow(RangeError);
  });
});
