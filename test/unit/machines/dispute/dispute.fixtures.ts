/**
 * Shared test helpers: open a dispute case and drive it through the engine exactly as the
 * service does (decide on a persisted snapshot that has been through JSON, like jsonb).
 */
import { decide, open, type Decision, type PersistedCase } from '../../../../machines/engine';
import { disputeDefinition, disputeEventSchema, openSchema } from '../../../../machines/dispute';
import type { Actor } from '../../../../machines/shared/case-event';

export const def = disputeDefinition;

export const IDS = {
  committee: '0b9f2d4e-6a55-4c1e-9d3b-2f6e8a1c7d10',
  employer: '1c8e3f5a-7b66-4d2f-8e4c-3a7f9b2d8e21',
  union: '2d7f4a6b-8c77-4e30-9f5d-4b8a0c3e9f32',
  mediatorUser: '3e6a5b7c-9d88-4f41-a06e-5c9b1d4fa043',
};

export const VALID_ID_NUMBER = '11010519491231002X';
export const VALID_CREDIT_CODE = '91350100M000100Y43';

/** A complete, valid creation body (consultation route); override what a test needs. */
export function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    route: 'consultation',
    channel: 'walk_in',
    receivedOn: '2026-03-02',
    applicant: { name: '张三', idNumber: VALID_ID_NUMBER, phone: '13800000000' },
    respondent: { name: '某某科技有限公司', creditCode: VALID_CREDIT_CODE, legalRepresentative: '李四' },
    claims: [
      { type: 'unpaid_wages', amount: '12000.00', description: '2026年1-2月工资未发' },
      { type: 'economic_compensation', amount: '8000.5', description: '解除劳动合同经济补偿' },
    ],
    facts: '申请人于2025年入职，被申请人拖欠工资两个月。',
    knewOn: '2026-02-15',
    flags: ['wageArrears'],
    mediationCommitteeId: IDS.committee,
    employerOrganizationId: IDS.employer,
    unionOrganizationId: IDS.union,
    ...overrides,
  };
}

/** 10:00 Asia/Shanghai of a date, as an ISO instant. */
export const at = (date: string, time = '10:00:00') => new Date(`${date}T${time}+08:00`).toISOString();

export const MEDIATOR: Actor = { id: IDS.mediatorUser, role: 'mediator' };
export const SYSTEM: Actor = { id: null, role: 'system' };

const roundTrip = (p: PersistedCase): PersistedCase => JSON.parse(JSON.stringify(p));

/** Opens a case from `body(overrides)`, validated by the open schema like the service does. */
export function opened(overrides: Record<string, unknown> = {}): Decision & { ok: true } {
  const parsed = openSchema.parse(body(overrides)) as Record<string, unknown>;
  const decision = open(def, { ...parsed, openedAt: at(String(parsed.receivedOn), '00:00:00') });
  return { ...decision, persisted: roundTrip(decision.persisted) };
}

export const openCase = (overrides: Record<string, unknown> = {}): PersistedCase => opened(overrides).persisted;

export type Step = [type: string, payload: Record<string, unknown>, on: string];

/** Sends one event (payload validated by the event schema first, as the service does). */
export function send(persisted: PersistedCase, type: string, payload: Record<string, unknown>, on: string, actor = MEDIATOR): Decision {
  const actorFor = type === 'DEADLINE_ELAPSED' ? SYSTEM : actor;
  const parsed = disputeEventSchema.parse({ type, ...payload }) as Record<string, unknown>;
  const occurredAt = on.includes('T') ? on : at(on);
  const decision = decide(def, persisted, { ...parsed, type, occurredAt, actor: actorFor });
  return decision.ok ? { ...decision, persisted: roundTrip(decision.persisted) } : decision;
}

/** Sends steps that must all be accepted; returns the last decision. */
export function drive(start: Decision & { ok: true }, steps: Step[]): Decision & { ok: true } {
  let current = start;
  for (const [type, payload, on] of steps) {
    const next = send(current.persisted, type, payload, on);
    if (!next.ok) throw new Error(`${type} on ${on} refused: ${JSON.stringify(next.refusal)}`);
    current = next;
  }
  return current;
}

export const TERMS = [{ description: '支付工资', amount: '12000.00' }];

/** A valid payload for every client event type (DEADLINE_ELAPSED is tested per rule). */
export const SAMPLE: Record<string, Record<string, unknown>> = {
  CONSULTATION_AGREED: { until: '2026-03-20' },
  CONSULTATION_REFUSED: { reason: '不愿协商' },
  CONSULTATION_EXTENDED: { until: '2026-03-31', writtenConsent: true },
  SETTLEMENT_REACHED: { terms: TERMS, performanceDue: '2026-04-10' },
  CONSULTATION_FAILED: { reason: '金额分歧' },
  APPLY_MEDIATION: {},
  ACCEPT: { respondentConsent: true, mediatorIds: [IDS.mediatorUser] },
  DECLINE: { reason: 'out_of_scope', detail: '不属于受理范围' },
  RECORD_SESSION: { heldOn: '2026-04-02', attendees: ['张三', '李四'], summary: '双方陈述' },
  EXTEND_MEDIATION: { days: 10, applicantConsent: true, respondentConsent: true },
  AGREEMENT_DRAFTED: { terms: TERMS, performanceDue: '2026-05-15', performanceManner: '银行转账' },
  SIGN: { signatory: 'applicant', method: 'thumbprint' },
  SEAL: {},
  AGREEMENT_ABANDONED: { reason: '一方反悔' },
  MEDIATION_FAILED: { reason: '差距过大' },
  PARTY_REFUSED: { party: 'respondent' },
  ARBITRAL_REVIEW_REQUESTED: { joint: true },
  PERFORMED: {},
  NOT_PERFORMED: { detail: '未付款' },
  REFER_TO_ARBITRATION: { commission: '某区劳动人事争议仲裁委员会' },
  PAYMENT_ORDER_APPLIED: { court: '某区人民法院' },
  CLOSE_UNRESOLVED: { reason: '申请人不再主张' },
  WITHDRAWN: { by: 'applicant', reason: '已自行解决' },
  LIMITATION_SUSPENDED: { reason: '不可抗力' },
  LIMITATION_RESUMED: {},
};

const consulting: Step[] = [['CONSULTATION_AGREED', SAMPLE.CONSULTATION_AGREED, '2026-03-04']];
const inProgress: Step[] = [['ACCEPT', SAMPLE.ACCEPT, '2026-03-04']];
const awaitingSignatures: Step[] = [...inProgress, ['AGREEMENT_DRAFTED', SAMPLE.AGREEMENT_DRAFTED, '2026-03-10']];
const inForce: Step[] = [
  ...awaitingSignatures,
  ['SIGN', { signatory: 'applicant' }, '2026-03-11'],
  ['SIGN', { signatory: 'respondent', method: 'seal' }, '2026-03-11'],
  ['SIGN', { signatory: 'mediator' }, '2026-03-12'],
  ['SEAL', {}, '2026-03-12'],
];

/** How to reach each state of §2: the route, then the accepted steps. */
export const PATHS: Record<string, { route: 'consultation' | 'mediation'; steps: Step[] }> = {
  'consultation.awaitingResponse': { route: 'consultation', steps: [] },
  'consultation.consulting': { route: 'consultation', steps: consulting },
  'consultation.consultationFailed': { route: 'consultation', steps: [...consulting, ['CONSULTATION_FAILED', SAMPLE.CONSULTATION_FAILED, '2026-03-10']] },
  settled: { route: 'consultation', steps: [...consulting, ['SETTLEMENT_REACHED', SAMPLE.SETTLEMENT_REACHED, '2026-03-10']] },
  'mediation.awaitingAcceptance': { route: 'mediation', steps: [] },
  'mediation.inProgress': { route: 'mediation', steps: inProgress },
  'mediation.mediationFailed': { route: 'mediation', steps: [...inProgress, ['MEDIATION_FAILED', SAMPLE.MEDIATION_FAILED, '2026-03-08']] },
  'agreement.awaitingSignatures': { route: 'mediation', steps: awaitingSignatures },
  'agreement.inForce': { route: 'mediation', steps: inForce },
  'agreement.breached': { route: 'mediation', steps: [...inForce, ['NOT_PERFORMED', {}, '2026-05-16']] },
  closed: { route: 'consultation', steps: [['WITHDRAWN', SAMPLE.WITHDRAWN, '2026-03-03']] },
};

export const STATES = Object.keys(PATHS);

export function reach(state: string, overrides: Record<string, unknown> = {}): Decision & { ok: true } {
  const path = PATHS[state];
  return drive(opened({ route: path.route, ...overrides }), path.steps);
}

/** The kind of an engine decision: accepted, 409 not_allowed, or 422 rule. */
export const kindOf = (d: Decision) => (d.ok ? 'ok' : d.refusal.kind);
