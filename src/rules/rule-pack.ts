/**
 * Rule packs (domain.md §1.8): the deadline rules and the interpretation switches as versioned
 * data. A case pins the pack id and version it started under; a jurisdiction derives its pack
 * from the national one with `withOverrides`, which always yields a new version.
 */
import { PERIOD_UNITS, type PeriodUnit } from './period';

/**
 * How a rule's period is measured: an ordinary period; a date the parties agreed
 * (`until`, `performanceDue`); months before the contract's expiry; the contract's own term.
 */
export type RuleUnit = PeriodUnit | 'agreed_date' | 'months_before_expiry' | 'contract_term';

/** How sure the legal source is (legal-research.md): V, V2, U, or a local rule. */
export type Certainty = 'V' | 'V2' | 'U' | 'local';

export interface DeadlineRuleDef {
  citation: string;
  /** What the rule requires, one sentence. */
  description: string;
  /** What happens when it elapses (the machine implements it). */
  onElapse: string;
  period?: number;
  unit: RuleUnit;
  /** Off: the planner never schedules it (e.g. *(local)* rules in the national pack). */
  enabled: boolean;
  certainty: Certainty;
  /** Most extension days the rule allows in total (CCP Art 52: 15). */
  maxExtensionDays?: number;
}

export interface RuleSwitches {
  /** A swapped working weekend day is a working day: a period may end on it (domain §1.2, U). */
  swappedWorkdayIsWorkingDay: boolean;
  /** The Order17 Art 31 list (U): refused or failed consultation/mediation and non-performance interrupt the limitation. */
  limitationOrder17Interruptions: boolean;
  /** A settlement or mediation agreement is the employer agreeing to perform (LDMAL Art 27 V): it interrupts the limitation. */
  limitationAgreementToPerformInterrupts: boolean;
  /** Workers' congress approval needs `yes * 2 > total` (strict); off: `yes * 2 >= total` (CCP Art 36). */
  congressStrictMajority: boolean;
  /** An elapsed consultation term is a deemed failure (Order17 Art 10, U); off: a warning only. */
  consultationTermDeemedFailure: boolean;
  /** An elapsed mediation term is a deemed failure (Order17 Art 29, U for "deemed"); off: a warning only. */
  mediationTermDeemedFailure: boolean;
}

export interface RulePack {
  id: string;
  version: string;
  /** `national@2026.1` for a derived pack. */
  basedOn?: string;
  jurisdiction: string;
  rules: Record<string, DeadlineRuleDef>;
  switches: RuleSwitches;
}

/** What a jurisdiction may change in a rule. */
export type RuleOverride = Partial<Pick<DeadlineRuleDef, 'period' | 'unit' | 'enabled' | 'maxExtensionDays'>>;

export interface PackOverrides {
  id?: string;
  version: string;
  jurisdiction?: string;
  rules?: Record<string, RuleOverride>;
  switches?: Partial<RuleSwitches>;
}

const UNITS: readonly RuleUnit[] = [...PERIOD_UNITS, 'agreed_date', 'months_before_expiry', 'contract_term'];

/** A new pack: `base` with the overrides applied. Throws on unknown rules, bad values or a reused version. */
export function withOverrides(base: RulePack, overrides: PackOverrides): RulePack {
  const id = overrides.id ?? base.id;
  if (!overrides.version) throw new RangeError('a derived rule pack needs its own version');
  if (id === base.id && overrides.version === base.version) {
    throw new RangeError(`a changed rule pack needs a new version, not ${base.version} again`);
  }
  const rules: Record<string, DeadlineRuleDef> = {};
  for (const [ruleId, def] of Object.entries(base.rules)) rules[ruleId] = { ...def };
  for (const [ruleId, change] of Object.entries(overrides.rules ?? {})) {
    const def = rules[ruleId];
    if (!def) throw new RangeError(`unknown rule ${ruleId}`);
    if (change.unit !== undefined && !UNITS.includes(change.unit)) throw new RangeError(`${ruleId}: unknown unit ${change.unit}`);
    for (const key of ['period', 'maxExtensionDays'] as const) {
      const v = change[key];
      if (v !== undefined && (!Number.isInteger(v) || v < (key === 'period' ? 1 : 0))) throw new RangeError(`${ruleId}: bad ${key} ${v}`);
    }
    const next = { ...def, ...change };
    const periodic = (PERIOD_UNITS as readonly string[]).includes(next.unit) || next.unit === 'months_before_expiry';
    if (periodic && next.period === undefined) throw new RangeError(`${ruleId}: unit ${next.unit} needs a period`);
    rules[ruleId] = next;
  }
  const switches = { ...base.switches };
  for (const [key, value] of Object.entries(overrides.switches ?? {})) {
    if (!(key in switches)) throw new RangeError(`unknown switch ${key}`);
    if (typeof value !== 'boolean') throw new RangeError(`switch ${key} must be true or false`);
    (switches as Record<string, boolean>)[key] = value;
  }
  return {
    id,
    version: overrides.version,
    basedOn: `${base.id}@${base.version}`,
    jurisdiction: overrides.jurisdiction ?? base.jurisdiction,
    rules,
    switches,
  };
}

/** The rule's definition, or an error naming the pack. */
export function ruleOf(pack: RulePack, ruleId: string): DeadlineRuleDef {
  const def = pack.rules[ruleId];
  if (!def) throw new RangeError(`rule pack ${pack.id}@${pack.version} has no rule ${ruleId}`);
  return def;
}
