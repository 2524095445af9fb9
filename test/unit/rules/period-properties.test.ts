import fc from 'fast-check';
import { addPeriod, contractLastDay, createCalendar, monthsBefore } from '../../../src/rules';
import { addDays } from '../../../machines/shared/time';
import { addMonths, daysBetween } from '../../../src/rules/dates';

const calendar = createCalendar();
const ms2000 = Date.UTC(2000, 0, 1);
/** Any date 2000-2045: known years, the package's old-law years and provisional years. */
const dateArb = fc.integer({ min: 0, max: 365 * 46 }).map((n) => new Date(ms2000 + n * 86400000).toISOString().slice(0, 10));

describe('period properties', () => {
  it('a rolled calendar-day due date is never a rest day, never before the plain sum, and at most 15 days after it', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: 1, max: 400 }), (from, period) => {
      const { dueOn } = addPeriod(calendar, { from, period, unit: 'calendar_days' });
      const plain = addDays(from, period);
      expect(calendar.isRestDay(dueOn)).toBe(false);
      expect(dueOn >= plain).toBe(true);
      expect(daysBetween(plain, dueOn)).toBeLessThanOrEqual(15);
      // Every day skipped was a rest day.
      for (let d = plain; d < dueOn; d = addDays(d, 1)) expect(calendar.isRestDay(d)).toBe(true);
    }), { numRuns: 500 });
  });

  it('with the switch off, the due date is neither a rest day nor a swapped working day', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: 1, max: 60 }), (from, period) => {
      const { dueOn } = addPeriod(calendar, { from, period, unit: 'calendar_days', swappedWorkdayIsWorkingDay: false });
      const info = calendar.describeDay(dueOn);
      expect(info.restDay).toBe(false);
      expect(info.kind).not.toBe('swapped_workday');
    }), { numRuns: 500 });
  });

  it('roll: false returns the plain sum', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: 1, max: 400 }), (from, period) => {
      expect(addPeriod(calendar, { from, period, unit: 'calendar_days', roll: false }).dueOn).toBe(addDays(from, period));
    }));
  });

  it('working-day results are working days, with exactly N working days after the start day', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: 1, max: 40 }), (from, n) => {
      const { dueOn } = addPeriod(calendar, { from, period: n, unit: 'working_days' });
      expect(calendar.isWorkingDay(dueOn)).toBe(true);
      let count = 0;
      for (let d = addDays(from, 1); d <= dueOn; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) count++;
      expect(count).toBe(n);
    }), { numRuns: 300 });
  });

  it('months: the plain end keeps the day of month or falls to a shorter month\'s last day; rolled ends are working days', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: 1, max: 36 }), (from, n) => {
      const plain = addMonths(from, n).date;
      expect(Number(plain.slice(8))).toBeLessThanOrEqual(Number(from.slice(8)));
      const monthsApart = (Number(plain.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(plain.slice(5, 7)) - Number(from.slice(5, 7));
      expect(monthsApart).toBe(n);
      const { dueOn } = addPeriod(calendar, { from, period: n, unit: 'months' });
      expect(dueOn >= plain).toBe(true);
      expect(calendar.isRestDay(dueOn)).toBe(false);
      expect(addPeriod(calendar, { from, period: n, unit: 'months', roll: false }).dueOn).toBe(plain);
    }), { numRuns: 500 });
  });

  it('provisional exactly when a date of an unknown year was consulted', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: 1, max: 30 }), (from, period) => {
      const r = addPeriod(calendar, { from, period, unit: 'calendar_days' });
      const years = new Set<number>();
      for (let d = addDays(from, period); d <= r.dueOn; d = addDays(d, 1)) years.add(Number(d.slice(0, 4)));
      const unknown = [...years].some((y) => !calendar.isKnownYear(y));
      expect(r.provisional).toBe(unknown);
    }), { numRuns: 300 });
  });

  it('renewal window: N months before, then N months forward, gets back to the last day (or a shorter month\'s end)', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: 1, max: 12 }), (date, n) => {
      const { dueOn, provisional } = monthsBefore(calendar, date, n);
      expect(provisional).toBe(false);
      expect(dueOn < date).toBe(true);
      expect(addMonths(dueOn, n).date <= date).toBe(true);
    }));
  });

  it('contract term: the last day is before the corresponding date and the term is at least N months minus a few days', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: 1, max: 60 }), (start, n) => {
      const { lastDay } = contractLastDay(start, n);
      expect(lastDay >= addDays(addMonths(start, n).date, -1)).toBe(true);
      expect(lastDay <= addMonths(start, n).date).toBe(true);
    }));
  });
});

describe('contract dates (hand-computed)', () => {
  it.each([
    ['2026-07-01', 12, '2027-06-30'],
    ['2026-07-01', 24, '2028-06-30'],
    ['2027-03-01', 12, '2028-02-29'],
    ['2026-03-01', 12, '2027-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-01-28', 1, '2026-02-27'],
    ['2026-10-09', 36, '2029-10-08'],
  ])('%s + %i months ends on %s', (start, months, last) => {
    const r = contractLastDay(start, months);
    expect(r.lastDay).toBe(last);
    expect(r.explanation).toContain('not rolled');
  });

  it.each([
    ['2027-06-30', 3, '2027-03-30', '2027-03-31'],
    ['2029-05-31', 3, '2029-02-28', '2029-03-01'],
    ['2028-05-31', 3, '2028-02-29', '2028-03-01'],
  ])('the 3-month window before %s: due %s, opens %s', (last, n, due, opens) => {
    const r = monthsBefore(calendar, last, n);
    expect(r.dueOn).toBe(due);
    expect(r.explanation).toContain(`i.e. on ${opens}`);
    expect(r.explanation).toContain('not rolled');
  });
});
