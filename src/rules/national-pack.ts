/**
 * The national rule pack: the defaults of domain.md §1's table. Certainty tags follow
 * legal-research.md. `collective.publication` is a local (Tianjin) rule: present, disabled.
 */
import { cite, citeAll } from '../../machines/shared/citation';
import type { DeadlineRuleDef, RulePack } from './rule-pack';

const rules: Record<string, DeadlineRuleDef> = {
  'dispute.consultation.response': {
    citation: cite('Order17', 10),
    description: 'The other party responds to a consultation request within 5 days.',
    onElapse: 'deemed refusal: consultation.consultationFailed',
    period: 5, unit: 'calendar_days', enabled: true, certainty: 'V2',
  },
  'dispute.consultation.term': {
    citation: cite('Order17', 10),
    description: 'Consultation ends by the date the parties agreed in writing (extendable in writing).',
    onElapse: 'deemed failure: consultation.consultationFailed',
    unit: 'agreed_date', enabled: true, certainty: 'U',
  },
  'dispute.settlement.performance': {
    citation: cite('Order17', 11),
    description: 'The settlement agreement is performed by its agreed date.',
    onElapse: 'warning: performance overdue',
    unit: 'agreed_date', enabled: true, certainty: 'V2',
  },
  'dispute.mediation.acceptance': {
    citation: cite('Order17', 22),
    description: 'The committee accepts or declines a mediation application within 3 working days.',
    onElapse: 'warning: acceptance overdue (a duty of the committee)',
    period: 3, unit: 'working_days', enabled: true, certainty: 'V2',
  },
  'dispute.mediation.arbitrationRight': {
    citation: cite('LDMAL', 14),
    description: 'No mediation agreement within 15 days of receipt of the application: a party may apply for arbitration.',
    onElapse: 'flag arbitrationRightOpen',
    period: 15, unit: 'calendar_days', enabled: true, certainty: 'V',
  },
  'dispute.mediation.term': {
    citation: cite('Order17', 29),
    description: 'Mediation ends within 15 days of acceptance, plus extensions both parties agree.',
    onElapse: 'deemed failure: mediation.mediationFailed',
    period: 15, unit: 'calendar_days', enabled: true, certainty: 'V2',
  },
  'dispute.agreement.arbitralReview': {
    citation: citeAll(['Order17', 27], ['ArbRules', 74]),
    description: 'Both parties may jointly apply for arbitral review within 15 days of the agreement taking effect.',
    onElapse: 'flag: joint arbitral review no longer possible',
    period: 15, unit: 'calendar_days', enabled: true, certainty: 'V2',
  },
  'dispute.agreement.judicialConfirmation': {
    citation: citeAll(['CPL', 205], ['SPC1', 52]),
    description: "A people's mediation agreement on payment obligations may be judicially confirmed within 30 days of taking effect.",
    onElapse: 'flag: judicial confirmation no longer possible',
    period: 30, unit: 'calendar_days', enabled: true, certainty: 'V',
  },
  'dispute.agreement.performance': {
    citation: cite('LDMAL', 15),
    description: 'The mediation agreement is performed by its agreed date.',
    onElapse: 'warning: performance overdue',
    unit: 'agreed_date', enabled: true, certainty: 'V',
  },
  'dispute.limitation': {
    citation: cite('LDMAL', 27),
    description: 'Arbitration must be applied for within 1 year (interrupted and suspended as LDMAL Art 27 says).',
    onElapse: 'warning: arbitration time-barred',
    period: 1, unit: 'years', enabled: true, certainty: 'V',
  },
  'collective.request.response': {
    citation: cite('CCP', 32),
    description: 'The other side replies in writing within 20 days of receiving the request.',
    onElapse: 'refused (no reply)',
    period: 20, unit: 'calendar_days', enabled: true, certainty: 'V2',
  },
  'collective.representatives.vacancy': {
    citation: cite('CCP', 31),
    description: "A representative's vacancy is filled within 15 days.",
    onElapse: 'warning',
    period: 15, unit: 'calendar_days', enabled: true, certainty: 'V2',
  },
  'collective.coordination.term': {
    citation: cite('CCP', 52),
    description: 'Coordination ends within 30 days of accepting the application, extendable by at most 15 days.',
    onElapse: 'warning: coordination overdue',
    period: 30, unit: 'calendar_days', enabled: true, certainty: 'V2', maxExtensionDays: 15,
  },
  'collective.filing': {
    citation: cite('CCP', 42),
    description: 'The employer files the signed contract with the labour department within 10 days of signing.',
    onElapse: 'warning: filing overdue',
    period: 10, unit: 'calendar_days', enabled: true, certainty: 'V2',
  },
  'collective.review': {
    citation: citeAll(['CCP', 47], ['LCL', 54]),
    description: 'No objection within 15 days of receipt: the contract takes effect.',
    onElapse: 'deemed approval: inForce from the day after the due date',
    period: 15, unit: 'calendar_days', enabled: true, certainty: 'V2',
  },
  'collective.publication': {
    citation: cite('CCP', 48),
    description: 'The representatives publish the contract in force to their sides (10 days is a Tianjin rule).',
    onElapse: 'warning',
    period: 10, unit: 'calendar_days', enabled: false, certainty: 'local',
  },
  'collective.renewalWindow': {
    citation: cite('CCP', 38),
    description: 'In the 3 months before expiry either side may request a renewed contract.',
    onElapse: 'renewalWindow (flag only during a modification)',
    period: 3, unit: 'months_before_expiry', enabled: true, certainty: 'V2',
  },
  'collective.expiry': {
    citation: cite('CCP', 38),
    description: 'The contract ends when its term runs out.',
    onElapse: 'closed(expired), or closed(renewed) when a renewal was opened',
    unit: 'contract_term', enabled: true, certainty: 'V2',
  },
};

for (const def of Object.values(rules)) Object.freeze(def);

/** Frozen: derive a jurisdiction's pack with `withOverrides`, never by editing this one. */
export const NATIONAL_PACK: RulePack = Object.freeze({
  id: 'national',
  version: '2026.1',
  jurisdiction: 'PRC (national defaults)',
  rules: Object.freeze(rules),
  switches: Object.freeze({
    swappedWorkdayIsWorkingDay: true,
    limitationOrder17Interruptions: true,
    limitationAgreementToPerformInterrupts: true,
    congressStrictMajority: true,
    consultationTermDeemedFailure: true,
    mediationTermDeemedFailure: true,
  }),
});

/** Packs shipped with the code, by `id@version` (database packs are looked up elsewhere). */
export const SHIPPED_PACKS: ReadonlyMap<string, RulePack> = new Map([[`${NATIONAL_PACK.id}@${NATIONAL_PACK.version}`, NATIONAL_PACK]]);

export function shippedPack(id: string, version: string): RulePack | undefined {
  return SHIPPED_PACKS.get(`${id}@${version}`);
}
