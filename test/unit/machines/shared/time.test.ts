import { addDays, endOfShanghaiDay, shanghaiDate, shanghaiDateTime, shanghaiMidnight } from '../../../../machines/shared/time';

describe('Asia/Shanghai dates of instants (UTC+8 all year)', () => {
  it('gives the Shanghai date and wall-clock time of an instant', () => {
    expect(shanghaiDate('2026-03-01T15:59:59.999Z')).toBe('2026-03-01');
    expect(shanghaiDate('2026-03-01T17:00:00Z')).toBe('2026-03-02');
    expect(shanghaiDate('2026-03-02T00:30:00+08:00')).toBe('2026-03-02');
    expect(shanghaiDateTime('2026-03-01T17:30:00Z')).toBe('2026-03-02T01:30');
    expect(() => shanghaiDate('yesterday')).toThrow('not an instant: yesterday');
    expect(() => shanghaiDateTime('')).toThrow('not an instant: ');
  });

  it('gives the instants a Shanghai day starts and ends', () => {
    expect(shanghaiMidnight('2026-03-02')).toBe('2026-03-01T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-03-02')).toBe('2026-03-02T16:00:00.000Z');
  });
});

describe('addDays', () => {
  it('moves by calendar days across months, leap days and years, both ways', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-01', 0)).toBe('2026-03-01');
    expect(addDays('1900-03-01', -1)).toBe('1900-02-28');
  });
});
