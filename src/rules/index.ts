/** Public surface of the statutory clock: calendar, periods, rule packs, deadline planner. */
export { createCalendar, type Calendar, type CalendarOverride, type DayInfo, type DayKind, type DaySource, type DayOptions } from './calendar';
export { addPeriod, PERIOD_UNITS, type PeriodRequest, type PeriodResult, type PeriodUnit } from './period';
export { monthsBefore, contractLastDay } from './contract-dates';
export { HOLIDAY_SEED, type HolidayNotice, type HolidayBlock } from './holiday-seed';
export { PACKAGE_YEARS } from './holiday-package';
export { cite, citeAll, chineseNumeral, CITATION_PATTERN, SOURCES, type SourceAbbr } from '../../machines/shared/citation';
export { withOverrides, ruleOf, type RulePack, type DeadlineRuleDef, type RuleSwitches, type RuleUnit, type RuleOverride, type PackOverrides, type Certainty } from './rule-pack';
export { NATIONAL_PACK, SHIPPED_PACKS, shippedPack } from './national-pack';
export { elapseInstant, isElapsed, inOwningStates, type Deadline, type DeadlineMemo, type DeadlineStatus, type DeadlineUnit } from './deadline';
export { planDeadlines, ruleDueDate } from './deadline-planner';
export type { PlanInput, PlanOutput, PlannerEvent, MediationType, CaseKind } from './planner-support';
export { DISPUTE_WIRING, DISPUTE_STATES, MONETARY_CLAIMS } from './dispute-deadlines';
export { COLLECTIVE_WIRING, COLLECTIVE_STATES } from './collective-deadlines';
