/**
 * The State Council General Office's holiday notices for 2025 and 2026 (legal-research.md D.7),
 * shipped as seed data. A seeded year is complete: a date the notice does not list is an
 * ordinary weekday or weekend day. A test checks that these agree with `chinese-days`.
 */
import { addDays } from '../../machines/shared/time';
import { HOLIDAYS, type HolidayName } from './holiday-names';

export interface HolidayBlock {
  name: HolidayName;
  /** First and last day off, inclusive. */
  off: [string, string];
  /** Weekend days made working days (调休上班日) for this holiday. */
  workdays: string[];
}

export interface HolidayNotice {
  year: number;
  /** Where the notice comes from, shown in explanations. */
  source: string;
  blocks: HolidayBlock[];
}

export const HOLIDAY_SEED: readonly HolidayNotice[] = [
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知',
    blocks: [
      { name: HOLIDAYS.newYear, off: ['2025-01-01', '2025-01-01'], workdays: [] },
      { name: HOLIDAYS.springFestival, off: ['2025-01-28', '2025-02-04'], workdays: ['2025-01-26', '2025-02-08'] },
      { name: HOLIDAYS.qingming, off: ['2025-04-04', '2025-04-06'], workdays: [] },
      { name: HOLIDAYS.labourDay, off: ['2025-05-01', '2025-05-05'], workdays: ['2025-04-27'] },
      { name: HOLIDAYS.dragonBoat, off: ['2025-05-31', '2025-06-02'], workdays: [] },
      { name: HOLIDAYS.nationalDayMidAutumn, off: ['2025-10-01', '2025-10-08'], workdays: ['2025-09-28', '2025-10-11'] },
    ],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
    blocks: [
      { name: HOLIDAYS.newYear, off: ['2026-01-01', '2026-01-03'], workdays: ['2026-01-04'] },
      { name: HOLIDAYS.springFestival, off: ['2026-02-15', '2026-02-23'], workdays: ['2026-02-14', '2026-02-28'] },
      { name: HOLIDAYS.qingming, off: ['2026-04-04', '2026-04-06'], workdays: [] },
      { name: HOLIDAYS.labourDay, off: ['2026-05-01', '2026-05-05'], workdays: ['2026-05-09'] },
      { name: HOLIDAYS.dragonBoat, off: ['2026-06-19', '2026-06-21'], workdays: [] },
      { name: HOLIDAYS.midAutumn, off: ['2026-09-25', '2026-09-27'], workdays: [] },
      { name: HOLIDAYS.nationalDay, off: ['2026-10-01', '2026-10-07'], workdays: ['2026-09-20', '2026-10-10'] },
    ],
  },
];

export interface ExpandedNotice {
  holidays: Map<string, HolidayName>;
  workdays: Map<string, HolidayName>;
  source: string;
}

/** The notice as date -> holiday maps. */
export function expandNotice(notice: HolidayNotice): ExpandedNotice {
  const holidays = new Map<string, HolidayName>();
  const workdays = new Map<string, HolidayName>();
  for (const block of notice.blocks) {
    for (let d = block.off[0]; d <= block.off[1]; d = addDays(d, 1)) holidays.set(d, block.name);
    for (const w of block.workdays) workdays.set(w, block.name);
  }
  return { holidays, workdays, source: notice.source };
}
