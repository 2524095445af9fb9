/**
 * A collective case from request to a contract in force: representatives, meetings, a
 * coordination, a review objection, a second vote, signing, filing and approval.
 */
import type { CaseRecord, HistoryEvent, Orgs } from '../../../templates/source';
import { chain } from './fixture-chain';

export const COLLECTIVE_ORGS: Orgs = {
  'org-union': { name: '苏州恒远精密机械有限公司工会委员会', kind: 'union', region: '江苏省苏州市工业园区星湖街328号' },
  'org-employer': { name: '苏州恒远精密机械有限公司', kind: 'employer', region: '江苏省苏州市工业园区星湖街328号' },
  'org-bureau': { name: '苏州工业园区劳动和社会保障局', kind: 'labor_bureau', region: '江苏省苏州市' },
};

const UNION_REPS = [
  { name: '赵静', post: '工会主席', chief: true, external: false },
  { name: '孙伟', post: '机加工车间主任', chief: false, external: false },
  { name: '钱立新', post: '外聘律师', chief: false, external: true },
];
const EMPLOYER_REPS = [
  { name: '陈志远', post: '总经理', chief: true, external: false },
  { name: '刘洋', post: '人力资源部经理', chief: false, external: false },
  { name: '何丽', post: '财务部经理', chief: false, external: false },
];

const clause = (topic: string, text: string, status = 'agreed', proposedBy = 'union') => ({ topic, text, status, proposedBy });

const V1 = [
  clause('pay', '企业职工月平均工资增长幅度不低于6%。', 'disputed'),
  clause('working_hours', '企业实行标准工时制度，职工每日工作时间不超过8小时，平均每周工作时间不超过40小时。'),
];
const V2 = [
  clause('pay', '企业职工月平均工资增长幅度不低于5%，一线生产岗位职工不低于5.5%。'),
  clause('pay', '企业每月10日前以货币形式足额支付上月工资，不得克扣或者无故拖欠。'),
  clause('working_hours', '企业实行标准工时制度，职工每日工作时间不超过8小时，平均每周工作时间不超过40小时。'),
  clause('rest_leave', '职工依法享受带薪年休假，企业应当统筹安排，当年未休的按日工资收入的300%支付报酬。'),
];
const V3 = [
  ...V2,
  clause('safety_health', '企业每年为接触职业病危害因素的职工安排一次职业健康检查，费用由企业承担。', 'agreed', 'employer'),
  clause('female_juvenile_protection', '女职工在孕期、产期、哺乳期内享受国家规定的特殊保护，企业不得降低其基本工资。'),
  clause('training', '企业每年按职工工资总额的1.5%提取职工教育培训经费。', 'agreed', 'employer'),
  clause('dispute_handling', '履行本合同发生争议的，双方应当协商解决；协商不成的，可以依法申请仲裁。'),
  clause('liability', '任何一方违反本合同的，应当依法承担相应责任。'),
];

export const CONTRACT_TITLE = '苏州恒远精密机械有限公司2026—2029年度集体合同';

export const COLLECTIVE_HISTORY: HistoryEvent[] = chain('case-collective', [
  { type: 'CASE_OPENED', role: 'union_rep', at: '2026-02-26 10:00', to: 'requestDraft',
    payload: { kind: 'collective', requester: 'union', contractType: 'comprehensive', scope: 'enterprise', title: CONTRACT_TITLE } },
  { type: 'SEND_REQUEST', role: 'union_rep', at: '2026-03-02 09:00', to: 'awaitingResponse',
    payload: { receivedOn: '2026-03-02', proposedTime: '2026年3月16日上午9:30', proposedPlace: '公司行政楼三楼第一会议室' } },
  { type: 'RESPONSE', role: 'employer_rep', at: '2026-03-10 14:00', to: 'preparing', payload: { agrees: true } },
  { type: 'NAME_REPRESENTATIVES', role: 'union_rep', at: '2026-03-11 09:00', to: 'preparing', payload: { side: 'union', members: UNION_REPS } },
  { type: 'NAME_REPRESENTATIVES', role: 'employer_rep', at: '2026-03-11 10:00', to: 'preparing', payload: { side: 'employer', members: EMPLOYER_REPS } },
  { type: 'APPOINT_RECORDER', role: 'union_rep', at: '2026-03-12 09:00', to: 'preparing', payload: { name: '郑小红' } },
  { type: 'START_CONSULTATION', role: 'union_rep', at: '2026-03-16 09:30', to: 'consulting' },
  { type: 'RECORD_MEETING', role: 'union_rep', at: '2026-03-16 12:00', to: 'consulting',
    payload: { heldOn: '2026-03-16', chairSide: 'union', attendees: ['赵静', '孙伟', '钱立新', '陈志远', '刘洋', '何丽'],
      summary: '职工方提出工资增长幅度不低于6%的要约，企业方认为受原材料价格上涨影响，只能接受4%。双方就工作时间条款达成一致。',
      agreed: ['工作时间条款按草案第一稿执行'], open: ['工资增长幅度', '年休假工资报酬'] } },
  { type: 'EDIT_DRAFT', role: 'union_rep', at: '2026-03-16 15:00', to: 'consulting', payload: { clauses: V1 } },
  { type: 'REQUEST_COORDINATION', role: 'union_rep', at: '2026-03-25 10:00', to: 'coordination', payload: { reason: '双方对工资增长幅度分歧较大，经两次协商未能达成一致' } },
  { type: 'ACCEPT_COORDINATION', role: 'labor_officer', at: '2026-03-27 09:00', to: 'coordination' },
  { type: 'COORDINATION_CONCLUDED', role: 'labor_officer', at: '2026-04-10 16:00', to: 'consulting',
    payload: { result: '经协调，双方同意职工月平均工资增长幅度不低于5%，一线生产岗位不低于5.5%。', openMatters: ['年休假工资报酬的计算方式'] } },
  { type: 'EDIT_DRAFT', role: 'employer_rep', at: '2026-04-14 10:00', to: 'consulting', payload: { clauses: V2 } },
  { type: 'RECORD_MEETING', role: 'employer_rep', at: '2026-04-20 12:00', to: 'consulting',
    payload: { heldOn: '2026-04-20', chairSide: 'employer', attendees: ['赵静', '孙伟', '钱立新', '陈志远', '刘洋', '何丽'],
      summary: '双方逐条审议草案第二稿，就年休假工资报酬达成一致，同意将草案提交职工代表大会审议。', agreed: ['草案第二稿全部条款'] } },
  { type: 'DRAFT_AGREED', role: 'union_rep', at: '2026-04-21 09:00', to: 'congressReview', payload: { draftVersion: 2 } },
  { type: 'RECORD_VOTE', role: 'union_rep', at: '2026-04-28 17:00', to: 'signing',
    payload: { body: 'workers_congress', total: 120, present: 98, yes: 86, no: 7, abstain: 5, method: 'secret_ballot', heldOn: '2026-04-28', presiding: '赵静' } },
  { type: 'SIGN_CONTRACT', role: 'employer_rep', at: '2026-05-08 10:00', to: 'signed', payload: { signedOn: '2026-05-08', termMonths: 36, termStart: '2026-06-01' } },
  { type: 'SUBMIT_FOR_FILING', role: 'employer_rep', at: '2026-05-12 09:00', to: 'underReview', payload: { receivedOn: '2026-05-12', laborBureauId: 'org-bureau' } },
  { type: 'REVIEW_OBJECTION', role: 'labor_officer', at: '2026-05-22 15:00', to: 'consulting',
    payload: { opinion: '合同缺少劳动安全卫生、女职工特殊保护和职业技能培训等内容，且未约定争议处理办法和违约责任，请补充完善后重新报送。', servedOn: '2026-05-22' } },
  { type: 'EDIT_DRAFT', role: 'union_rep', at: '2026-05-26 10:00', to: 'consulting', payload: { clauses: V3 } },
  { type: 'DRAFT_AGREED', role: 'union_rep', at: '2026-05-27 09:00', to: 'congressReview', payload: { draftVersion: 3 } },
  { type: 'RECORD_VOTE', role: 'union_rep', at: '2026-06-02 17:00', to: 'signing',
    payload: { body: 'workers_congress', total: 120, present: 102, yes: 95, no: 4, abstain: 3, method: 'secret_ballot', heldOn: '2026-06-02', presiding: '赵静' } },
  { type: 'SIGN_CONTRACT', role: 'employer_rep', at: '2026-06-05 10:00', to: 'signed', payload: { signedOn: '2026-06-05', termMonths: 36, termStart: '2026-07-01' } },
  { type: 'SUBMIT_FOR_FILING', role: 'employer_rep', at: '2026-06-09 09:00', to: 'underReview', payload: { receivedOn: '2026-06-09' } },
  { type: 'REVIEW_APPROVED', role: 'labor_officer', at: '2026-06-18 11:00', to: 'inForce' },
]);

export const COLLECTIVE_CASE: CaseRecord = {
  id: 'case-collective', number: '集协〔2026〕第00003号', kind: 'collective', state: 'inForce', status: 'open', outcome: null,
  data: {
    requester: 'union', contractType: 'comprehensive', scope: 'enterprise', title: CONTRACT_TITLE,
    unionOrganizationId: 'org-union', employerOrganizationId: 'org-employer', laborBureauId: 'org-bureau',
    topics: ['pay', 'working_hours', 'rest_leave', 'safety_health', 'female_juvenile_protection', 'training', 'dispute_handling', 'liability'],
    request: { side: 'union', receivedOn: '2026-03-02', sentOn: '2026-03-02' },
    response: { agrees: true, on: '2026-03-10' },
    drafts: [
      { version: 1, clauses: V1, createdAt: COLLECTIVE_HISTORY[8]!.occurredAt, editedBy: 'union' },
      { version: 2, clauses: V2, createdAt: COLLECTIVE_HISTORY[12]!.occurredAt, editedBy: 'employer' },
      { version: 3, clauses: V3, createdAt: COLLECTIVE_HISTORY[19]!.occurredAt, editedBy: 'union' },
    ],
    draftVersion: 3,
    frozenDraft: { version: 3, contentHash: '5d41c1a2f3e4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0' },
    votes: [
      { draftVersion: 2, result: 'passed', frozenDraft: { version: 2, contentHash: '9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0' } },
      { draftVersion: 3, result: 'passed', frozenDraft: { version: 3, contentHash: '5d41c1a2f3e4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0' } },
    ],
    filing: { receivedOn: '2026-06-09', reviewDueOn: '2026-06-24', reviewDueSource: 'calendar', on: '2026-06-09' },
    contract: { version: 3, contentHash: '5d41c1a2f3e4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0', signedOn: '2026-06-05',
      termMonths: 36, termStart: '2026-07-01', inForceOn: '2026-06-18', approval: 'approved' },
  },
};

/** The employer refused the request. */
export const REFUSED_HISTORY: HistoryEvent[] = chain('case-refused', [
  ...COLLECTIVE_HISTORY.slice(0, 2).map((e) => ({ type: e.type, payload: e.payload, role: e.actor.role, at: '2026-03-02 09:00', to: e.toState })),
  { type: 'RESPONSE', role: 'employer_rep', at: '2026-03-18 11:00', to: 'refused', payload: { agrees: false, reason: '企业正在进行重组，暂不具备协商条件' } },
]);
export const REFUSED_CASE: CaseRecord = { ...COLLECTIVE_CASE, id: 'case-refused', state: 'refused', data: { ...COLLECTIVE_CASE.data, laborBureauId: undefined } };

/** Only opened: every collective document but the history report is not applicable. */
export const FRESH_COLLECTIVE_HISTORY: HistoryEvent[] = COLLECTIVE_HISTORY.slice(0, 1);
export const FRESH_COLLECTIVE_CASE: CaseRecord = { ...COLLECTIVE_CASE, id: 'case-fresh-c', state: 'requestDraft', data: { ...COLLECTIVE_CASE.data, drafts: [] } };
