/**
 * Realistic cases for the template tests: a mediation that ends in an agreement in force, a
 * consultation that fails and then a mediation that fails, a settlement, a declined
 * application, and a fresh case. Collective fixtures live in fixtures-collective.ts.
 */
import type { CaseRecord, HistoryEvent, Orgs } from '../../../templates/source';
import { chain } from './fixture-chain';

export * from './fixtures-collective';

export const ORGS: Orgs = {
  'org-committee': { name: '北京市朝阳区劳动争议人民调解委员会', kind: 'mediation_committee', region: '北京市朝阳区' },
  'org-union-d': { name: '北京星辰科技有限公司工会委员会', kind: 'union' },
  'org-employer-d': { name: '北京星辰科技有限公司', kind: 'employer' },
  'org-arbitration': { name: '北京市朝阳区劳动人事争议仲裁委员会', kind: 'arbitration_commission' },
};

const applicant = {
  name: '王小明',
  idNumber: '110105199003071238',
  phone: '13800138000',
  address: '北京市朝阳区望京西园三区312号楼2单元501室',
};
const respondent = {
  name: '北京星辰科技有限公司',
  creditCode: '91110105MA01XYZ12K',
  address: '北京市朝阳区酒仙桥路10号星科大厦8层',
  legalRepresentative: '李建国',
};
const claims = [
  { type: 'unpaid_wages', amount: '12000.00', description: '支付2026年8月至9月拖欠的工资' },
  { type: 'economic_compensation', amount: '18030.50', description: '支付解除劳动合同的经济补偿' },
  { type: 'overtime_pay', amount: '3500', description: '支付2026年7月至9月延时加班工资' },
];
const facts =
  '申请人于2023年3月1日入职被申请人处，任软件测试工程师，月工资6000元。被申请人自2026年8月起未按时足额支付工资，' +
  '并安排申请人多次延时加班未支付加班费。2026年10月8日，申请人以被申请人未及时足额支付劳动报酬为由书面通知解除劳动合同，' +
  '要求被申请人支付拖欠工资、加班工资及经济补偿，被申请人至今未予支付。';

const AGREEMENT_TERMS = [
  { description: '被申请人向申请人支付2026年8月至9月拖欠的工资', amount: '12000.00' },
  { description: '被申请人向申请人支付解除劳动合同的经济补偿', amount: '18030.50' },
  { description: '申请人放弃其他请求，双方劳动关系于2026年10月8日解除，再无其他劳动争议' },
];

/** Mediation route: accepted, two sessions, agreement drafted, signed, sealed, in force. */
export const AGREEMENT_HISTORY: HistoryEvent[] = chain('case-agreement', [
  { type: 'CASE_OPENED', role: 'mediator', at: '2026-10-12 09:30', to: 'mediation.awaitingAcceptance',
    payload: { kind: 'dispute', route: 'mediation', channel: 'written', receivedOn: '2026-10-12', applicant, respondent, claims, facts, knewOn: '2026-10-08', mediationCommitteeId: 'org-committee' } },
  { type: 'ACCEPT', role: 'mediator', at: '2026-10-13 10:00', to: 'mediation.inProgress', payload: { respondentConsent: true, mediatorIds: ['user-mediator'] } },
  { type: 'RECORD_SESSION', role: 'mediator', at: '2026-10-16 16:00', to: 'mediation.inProgress',
    payload: { heldOn: '2026-10-16', place: '朝阳区劳动争议人民调解委员会第二调解室', attendees: ['王小明', '李建国（被申请人法定代表人）', '张律师（被申请人委托代理人）'],
      summary: '申请人陈述被申请人拖欠工资及加班费的事实；被申请人认可拖欠工资，对加班时长有异议。', proposals: ['由被申请人核对考勤记录后再行协商加班费'] } },
  { type: 'RECORD_SESSION', role: 'mediator', at: '2026-10-20 15:00', to: 'mediation.inProgress',
    payload: { heldOn: '2026-10-20', place: '朝阳区劳动争议人民调解委员会第二调解室', attendees: ['王小明', '李建国（被申请人法定代表人）'],
      summary: '经调解员释法明理，双方就工资及经济补偿达成一致意见，申请人同意放弃加班费请求。',
      proposals: ['被申请人支付拖欠工资人民币12000元', '被申请人支付经济补偿人民币18030.50元', '于2026年11月10日前一次性支付'] } },
  { type: 'AGREEMENT_DRAFTED', role: 'mediator', at: '2026-10-22 10:00', to: 'agreement.awaitingSignatures',
    payload: { terms: AGREEMENT_TERMS, performanceDue: '2026-11-10', performanceManner: '银行转账，一次性支付至申请人名下中国工商银行账户（尾号6688）' } },
  { type: 'SIGN', role: 'mediator', at: '2026-10-22 10:30', to: 'agreement.awaitingSignatures', payload: { signatory: 'applicant', method: 'signature' } },
  { type: 'SIGN', role: 'employer_rep', at: '2026-10-23 09:00', to: 'agreement.awaitingSignatures', payload: { signatory: 'respondent', method: 'seal' } },
  { type: 'SIGN', role: 'mediator', at: '2026-10-23 09:10', to: 'agreement.awaitingSignatures', payload: { signatory: 'mediator' } },
  { type: 'SEAL', role: 'mediator', at: '2026-10-23 09:20', to: 'agreement.inForce' },
]);

const baseDispute = {
  applicant, respondent, claims, facts, knewOn: '2026-10-08', flags: ['wageArrears'],
  arbitrationRightOpen: false, arbitralReviewClosed: false, judicialConfirmationClosed: false, warnings: [],
  limitation: { suspended: false, periods: [] },
};

export const AGREEMENT_CASE: CaseRecord = {
  id: 'case-agreement', number: '劳调〔2026〕第00017号', kind: 'dispute', state: 'agreement.inForce', status: 'open', outcome: null,
  data: {
    ...baseDispute, route: 'mediation', channel: 'written', receivedOn: '2026-10-12', openedAt: AGREEMENT_HISTORY[0]!.occurredAt,
    mediationCommitteeId: 'org-committee',
    mediation: { appliedOn: '2026-10-12', committeeId: 'org-committee', acceptedOn: '2026-10-13', mediatorIds: ['user-mediator'], respondentConsent: true,
      sessions: [], extensionDays: 0, extensions: [] },
    agreement: { terms: AGREEMENT_TERMS, performanceDue: '2026-11-10', performanceManner: '银行转账', draftedOn: '2026-10-22',
      signatures: { applicant: { method: 'signature', on: '2026-10-22' }, respondent: { method: 'seal', on: '2026-10-23' }, mediator: { method: 'signature', on: '2026-10-23' } },
      sealedOn: '2026-10-23', inForceOn: '2026-10-23' },
  },
};

/** Consultation route (oral, union assisting): consultation fails, mediation applied for, accepted, fails. */
export const FAILURE_HISTORY: HistoryEvent[] = chain('case-failure', [
  { type: 'CASE_OPENED', role: 'union_rep', at: '2026-09-01 14:00', to: 'consultation.awaitingResponse',
    payload: { kind: 'dispute', route: 'consultation', channel: 'walk_in', receivedOn: '2026-09-01', applicant, respondent, claims, facts, knewOn: '2026-08-20' } },
  { type: 'CONSULTATION_AGREED', role: 'employer_rep', at: '2026-09-03 10:00', to: 'consultation.consulting', payload: { until: '2026-09-20' } },
  { type: 'CONSULTATION_FAILED', role: 'union_rep', at: '2026-09-18 17:00', to: 'consultation.consultationFailed', payload: { reason: '双方对经济补偿数额分歧较大' } },
  { type: 'APPLY_MEDIATION', role: 'union_rep', at: '2026-09-21 09:00', to: 'mediation.awaitingAcceptance', payload: { mediationCommitteeId: 'org-committee' } },
  { type: 'ACCEPT', role: 'mediator', at: '2026-09-22 11:00', to: 'mediation.inProgress', payload: { respondentConsent: true } },
  { type: 'RECORD_SESSION', role: 'mediator', at: '2026-09-25 15:00', to: 'mediation.inProgress',
    payload: { heldOn: '2026-09-25', attendees: ['王小明', '被申请人人力资源部经理刘洋'], summary: '双方各自陈述，被申请人仅同意支付工资，不同意支付经济补偿。' } },
  { type: 'MEDIATION_FAILED', role: 'mediator', at: '2026-09-30 16:00', to: 'mediation.mediationFailed', payload: { reason: '被申请人不同意支付经济补偿，双方无法达成一致' } },
]);

export const FAILURE_CASE: CaseRecord = {
  id: 'case-failure', number: '劳调〔2026〕第00011号', kind: 'dispute', state: 'mediation.mediationFailed', status: 'open', outcome: null,
  data: {
    ...baseDispute, knewOn: '2026-08-20', route: 'consultation', channel: 'walk_in', receivedOn: '2026-09-01', openedAt: FAILURE_HISTORY[0]!.occurredAt,
    mediationCommitteeId: 'org-committee', unionOrganizationId: 'org-union-d',
    mediation: { appliedOn: '2026-09-21', committeeId: 'org-committee', acceptedOn: '2026-09-22', mediatorIds: [], sessions: [], extensionDays: 0, extensions: [],
      failure: { kind: 'failed', reason: '被申请人不同意支付经济补偿，双方无法达成一致', on: '2026-09-30' } },
  },
};

const SETTLEMENT_TERMS = [
  { description: '用人单位支付劳动者2026年6月工资差额', amount: '2350.00' },
  { description: '用人单位支付劳动者未休年休假工资报酬', amount: '4137.93' },
];

/** Consultation route: agreed, settlement reached. */
export const SETTLEMENT_HISTORY: HistoryEvent[] = chain('case-settlement', [
  { type: 'CASE_OPENED', role: 'union_rep', at: '2026-07-06 10:00', to: 'consultation.awaitingResponse',
    payload: { kind: 'dispute', route: 'consultation', channel: 'written', receivedOn: '2026-07-06', applicant, respondent, claims: claims.slice(0, 1), facts } },
  { type: 'CONSULTATION_AGREED', role: 'employer_rep', at: '2026-07-08 09:00', to: 'consultation.consulting', payload: { until: '2026-07-25' } },
  { type: 'SETTLEMENT_REACHED', role: 'union_rep', at: '2026-07-15 16:30', to: 'settled', payload: { terms: SETTLEMENT_TERMS, performanceDue: '2026-07-31' } },
]);

export const SETTLEMENT_CASE: CaseRecord = {
  id: 'case-settlement', number: '劳调〔2026〕第00009号', kind: 'dispute', state: 'settled', status: 'open', outcome: null,
  data: { ...baseDispute, claims: claims.slice(0, 1), knewOn: undefined, route: 'consultation', channel: 'written', receivedOn: '2026-07-06',
    openedAt: SETTLEMENT_HISTORY[0]!.occurredAt, unionOrganizationId: 'org-union-d',
    settlement: { terms: SETTLEMENT_TERMS, performanceDue: '2026-07-31', reachedOn: '2026-07-15' } },
};

/** Mediation route, declined because the respondent refuses mediation. */
export const DECLINED_HISTORY: HistoryEvent[] = chain('case-declined', [
  { type: 'CASE_OPENED', role: 'mediator', at: '2026-11-02 09:00', to: 'mediation.awaitingAcceptance',
    payload: { kind: 'dispute', route: 'mediation', channel: 'online', receivedOn: '2026-11-02', applicant, respondent, claims, facts } },
  { type: 'DECLINE', role: 'mediator', at: '2026-11-04 15:00', to: 'closed', payload: { reason: 'respondent_refuses', detail: '被申请人书面表示不同意调解' } },
]);

export const DECLINED_CASE: CaseRecord = {
  id: 'case-declined', number: '劳调〔2026〕第00021号', kind: 'dispute', state: 'closed', status: 'closed', outcome: 'notAccepted',
  data: { ...baseDispute, route: 'mediation', channel: 'online', receivedOn: '2026-11-02', openedAt: DECLINED_HISTORY[0]!.occurredAt,
    mediationCommitteeId: 'org-committee', mediation: { appliedOn: '2026-11-02', committeeId: 'org-committee', mediatorIds: [], sessions: [], extensionDays: 0, extensions: [],
      decline: { reason: 'respondent_refuses', detail: '被申请人书面表示不同意调解', on: '2026-11-04' } } },
};

/** A consultation request just opened: no document but the history has a source. */
export const FRESH_DISPUTE_HISTORY: HistoryEvent[] = SETTLEMENT_HISTORY.slice(0, 1);
export const FRESH_DISPUTE_CASE: CaseRecord = {
  ...SETTLEMENT_CASE, id: 'case-fresh', state: 'consultation.awaitingResponse', data: { ...SETTLEMENT_CASE.data, settlement: undefined },
};
