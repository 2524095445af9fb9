import type { Knex } from 'knex';
import { shanghaiDate } from '../../machines/shared/time';
import { findOrganization, insertOrganization, insertToken, insertUser, type User } from '../repositories/people.repository';
import { openCase, sendEvent, type CommandDeps } from './case-commands';
import { sha256Hex } from './hash-chain';

/** Fixed ids and tokens so the README's tour works on every fresh demo database. */
const ORGS = [
  { id: '0d000000-0000-4000-8000-000000000001', name: '海淀区劳动争议人民调解委员会', kind: 'mediation_committee', region: '北京市海淀区', mediationType: 'peoples_mediation' },
  { id: '0d000000-0000-4000-8000-000000000002', name: '北京星河科技有限公司', kind: 'employer', region: '北京市海淀区', mediationType: null },
  { id: '0d000000-0000-4000-8000-000000000003', name: '北京星河科技有限公司工会委员会', kind: 'union', region: '北京市海淀区', mediationType: null },
  { id: '0d000000-0000-4000-8000-000000000004', name: '海淀区人力资源和社会保障局', kind: 'labor_bureau', region: '北京市海淀区', mediationType: null },
  { id: '0d000000-0000-4000-8000-000000000005', name: '区审计办公室', kind: 'audit_office', region: '北京市海淀区', mediationType: null },
  { id: '0d000000-0000-4000-8000-000000000006', name: '朝阳区劳动争议人民调解委员会', kind: 'mediation_committee', region: '北京市朝阳区', mediationType: 'peoples_mediation' },
] as const;

const USERS = [
  { id: '0d000000-0000-4000-8001-000000000001', name: '系统管理员', role: 'admin', org: null, token: 'demo-admin-token' },
  { id: '0d000000-0000-4000-8001-000000000002', name: '李调解', role: 'mediator', org: ORGS[0].id, token: 'demo-mediator-token' },
  { id: '0d000000-0000-4000-8001-000000000003', name: '王工会', role: 'union_rep', org: ORGS[2].id, token: 'demo-union-token' },
  { id: '0d000000-0000-4000-8001-000000000004', name: '赵人事', role: 'employer_rep', org: ORGS[1].id, token: 'demo-employer-token' },
  { id: '0d000000-0000-4000-8001-000000000005', name: '陈监察', role: 'labor_officer', org: ORGS[3].id, token: 'demo-officer-token' },
  { id: '0d000000-0000-4000-8001-000000000006', name: '孙审计', role: 'auditor', org: ORGS[4].id, token: 'demo-auditor-token' },
  { id: '0d000000-0000-4000-8001-000000000007', name: '周调解', role: 'mediator', org: ORGS[5].id, token: 'demo-other-mediator-token' },
] as const;

/** The demo's well-known tokens: printed for all to see, so they authenticate only in demo mode (audit.md S5). */
export const DEMO_TOKENS: readonly string[] = USERS.map((u) => u.token);

const DEMO_MARKER = 'demo.seeded';

/** Seeds demo organizations, users and cases once; prints the tokens every time. */
export async function seedDemo(deps: CommandDeps, print: (line: string) => void): Promise<void> {
  // Once per database: the marker (or, on a database seeded before it existed, the demo committee).
  const seeded = (await deps.db('service_markers').where({ name: DEMO_MARKER }).first()) || (await findOrganization(deps.db, ORGS[0].id));
  if (!seeded) {
    await seedPeople(deps.db);
    const users = Object.fromEntries(USERS.map((u) => [u.role === 'mediator' && u.org === ORGS[5].id ? 'otherMediator' : u.role, asUser(u)]));
    await seedDisputes(deps, users);
    await seedCollective(deps, users);
    await deps.db('service_markers').insert({ name: DEMO_MARKER, at: deps.clock() }).onConflict('name').ignore();
    print('demo data created: 6 organizations, 7 users, dispute and collective cases');
  }
  print('demo tokens (use as "Authorization: Bearer <token>"):');
  for (const u of USERS) print(`  ${u.role.padEnd(13)} ${u.name}  ${u.token}`);
}

function asUser(u: (typeof USERS)[number]): User {
  return { id: u.id, name: u.name, role: u.role, organizationId: u.org };
}

async function seedPeople(db: Knex) {
  await db.transaction(async (trx) => {
    for (const o of ORGS) await insertOrganization(trx, { ...o, kind: o.kind, mediationType: o.mediationType });
    for (const u of USERS) {
      await insertUser(trx, asUser(u));
      await insertToken(trx, { id: u.id.replace('8001', '8002'), userId: u.id, tokenHash: sha256Hex(u.token) });
    }
  });
}

type Users = Record<string, User>;

/** A day `n` days before now (Asia/Shanghai), and an instant at `hour`:00 that day. */
function dayAgo(now: Date, n: number, hour = 10) {
  const date = shanghaiDate(new Date(now.getTime() - n * 86400000).toISOString());
  return { date, at: `${date}T${String(hour).padStart(2, '0')}:00:00+08:00` };
}

const RESPONDENT = { name: ORGS[1].name, creditCode: '91110108MA01R7TJ5N', address: '北京市海淀区中关村大街1号', legalRepresentative: '刘强' };

async function seedDisputes(deps: CommandDeps, u: Users) {
  const now = deps.clock();
  const base = { channel: 'walk_in', respondent: RESPONDENT, employerOrganizationId: ORGS[1].id, mediationCommitteeId: ORGS[0].id };
  const claim = (type: string, amount: string, description: string) => ({ type, amount, description });
  const open = (body: Record<string, unknown>, who = u.mediator) => openCase(deps, who, { kind: 'dispute', ...base, ...body }).then((o) => o.case.id);
  const send = (id: string, body: Record<string, unknown>, who = u.mediator) => sendEvent(deps, who, id, body);

  // 1. Mediation application received 2 days ago, awaiting acceptance.
  await open({ route: 'mediation', receivedOn: dayAgo(now, 2).date, applicant: { name: '张伟', phone: '13800000001' }, claims: [claim('unpaid_wages', '12000.00', '拖欠2026年8月至9月工资')], facts: '申请人称公司拖欠两个月工资共计12000元。', knewOn: dayAgo(now, 60).date, flags: ['wageArrears'] });
  // 2. Accepted 8 days ago, one session recorded: mediation in progress (term runs).
  const b = await open({ route: 'mediation', receivedOn: dayAgo(now, 10).date, applicant: { name: '王芳' }, claims: [claim('overtime_pay', '8600.50', '2026年上半年延时加班费')], facts: '申请人主张延时加班费未足额支付。', knewOn: dayAgo(now, 30).date });
  await send(b, { type: 'ACCEPT', respondentConsent: true, occurredAt: dayAgo(now, 8).at });
  await send(b, { type: 'RECORD_SESSION', heldOn: dayAgo(now, 5).date, place: '调解委员会第一调解室', attendees: ['王芳', '赵人事', '李调解'], summary: '双方就加班时数核对意见。', proposals: ['公司按核定时数补发加班费'], occurredAt: dayAgo(now, 5, 15).at });
  // 3. Agreement signed and sealed: in force.
  const c = await open({ route: 'mediation', receivedOn: dayAgo(now, 12).date, applicant: { name: '刘洋' }, claims: [claim('economic_compensation', '30000.00', '解除劳动合同经济补偿')], facts: '公司解除劳动合同未支付经济补偿。', knewOn: dayAgo(now, 20).date });
  await send(c, { type: 'ACCEPT', respondentConsent: true, occurredAt: dayAgo(now, 11).at });
  await send(c, { type: 'AGREEMENT_DRAFTED', terms: [{ description: '被申请人支付申请人经济补偿', amount: '25000.00' }], performanceDue: dayAgo(now, -20).date, performanceManner: '银行转账至申请人工资账户', occurredAt: dayAgo(now, 4).at });
  for (const signatory of ['applicant', 'respondent', 'mediator']) await send(c, { type: 'SIGN', signatory, occurredAt: dayAgo(now, 4, 11).at });
  await send(c, { type: 'SEAL', occurredAt: dayAgo(now, 4, 12).at });
  // 4. Consultation requested by the union for a worker, awaiting the employer's response.
  await open({ route: 'consultation', channel: 'written', receivedOn: dayAgo(now, 1).date, applicant: { name: '陈静' }, claims: [claim('social_insurance', '4200.00', '补缴社会保险')], facts: '公司未足额缴纳社会保险。', unionOrganizationId: ORGS[2].id, mediationCommitteeId: undefined }, u.union_rep);
  // 4b. A consultation that ended in a settlement, to be performed next month.
  const s4 = await open({ route: 'consultation', channel: 'online', receivedOn: dayAgo(now, 6).date, applicant: { name: '周婷' }, claims: [claim('overtime_pay', '3600.00', '周末加班费')], facts: '2026年9月周末加班未支付加班费。', knewOn: dayAgo(now, 40).date, unionOrganizationId: ORGS[2].id, mediationCommitteeId: undefined }, u.union_rep);
  await send(s4, { type: 'CONSULTATION_AGREED', until: dayAgo(now, -9).date, occurredAt: dayAgo(now, 5).at }, u.employer_rep);
  await send(s4, { type: 'SETTLEMENT_REACHED', terms: [{ description: '公司于下月工资发放日一并支付加班费', amount: '3600.00' }], performanceDue: dayAgo(now, -25).date, occurredAt: dayAgo(now, 2).at }, u.union_rep);
  // 5. Resolved and closed.
  const e = await open({ route: 'mediation', receivedOn: dayAgo(now, 40).date, applicant: { name: '杨磊' }, claims: [claim('unpaid_wages', '5000.00', '拖欠工资')], facts: '拖欠一个月工资。', knewOn: dayAgo(now, 45).date });
  await send(e, { type: 'ACCEPT', respondentConsent: true, occurredAt: dayAgo(now, 39).at });
  await send(e, { type: 'AGREEMENT_DRAFTED', terms: [{ description: '一次性支付拖欠工资', amount: '5000.00' }], performanceDue: dayAgo(now, 30).date, performanceManner: '现金支付', occurredAt: dayAgo(now, 36).at });
  for (const signatory of ['applicant', 'respondent', 'mediator']) await send(e, { type: 'SIGN', signatory, occurredAt: dayAgo(now, 36, 11).at });
  await send(e, { type: 'SEAL', occurredAt: dayAgo(now, 36, 12).at });
  await send(e, { type: 'PERFORMED', occurredAt: dayAgo(now, 31).at });
  // 6. Mediation failed: the parties may apply for arbitration.
  const f = await open({ route: 'mediation', receivedOn: dayAgo(now, 9).date, applicant: { name: '黄敏' }, claims: [{ type: 'dismissal', description: '违法解除劳动合同' }], facts: '公司以不胜任为由解除劳动合同。', knewOn: dayAgo(now, 15).date });
  await send(f, { type: 'ACCEPT', respondentConsent: true, occurredAt: dayAgo(now, 8).at });
  await send(f, { type: 'MEDIATION_FAILED', reason: '双方对是否违法解除分歧较大，无法达成一致。', occurredAt: dayAgo(now, 3).at });
}

type Reps = (side: string, names: string[]) => Record<string, unknown>;

/** A comprehensive contract negotiated last winter, approved by the bureau and in force. */
async function seedContractInForce(deps: CommandDeps, u: Users, base: Record<string, unknown>, reps: Reps) {
  const now = deps.clock();
  const send = (id: string, event: Record<string, unknown>, who = u.union_rep) => sendEvent(deps, who, id, event);
  const id = (await openCase(deps, u.union_rep, { ...base, contractType: 'comprehensive', title: '北京星河科技有限公司集体合同（2026—2028年）', topics: ['pay', 'working_hours', 'rest_leave', 'safety_health', 'term'], occurredAt: dayAgo(now, 120).at })).case.id;
  await send(id, { type: 'SEND_REQUEST', receivedOn: dayAgo(now, 120).date, occurredAt: dayAgo(now, 120, 11).at });
  await send(id, { type: 'RESPONSE', agrees: true, occurredAt: dayAgo(now, 115).at }, u.employer_rep);
  await send(id, { ...reps('union', ['王工会', '林晓', '郑明']), occurredAt: dayAgo(now, 114).at });
  await send(id, { ...reps('employer', ['赵人事', '钱财务', '吴生产']), occurredAt: dayAgo(now, 114, 11).at }, u.employer_rep);
  await send(id, { type: 'APPOINT_RECORDER', name: '何记录', occurredAt: dayAgo(now, 113).at });
  await send(id, { type: 'START_CONSULTATION', occurredAt: dayAgo(now, 112).at });
  await send(id, { type: 'RECORD_MEETING', heldOn: dayAgo(now, 110).date, chairSide: 'employer', attendees: ['王工会', '林晓', '郑明', '赵人事', '钱财务', '吴生产'], summary: '逐条协商集体合同草案。', agreed: ['工时与休息休假条款'], open: [], occurredAt: dayAgo(now, 110).at }, u.employer_rep);
  await send(id, { type: 'EDIT_DRAFT', clauses: CLAUSES, occurredAt: dayAgo(now, 105).at });
  await send(id, { type: 'DRAFT_AGREED', draftVersion: 1, occurredAt: dayAgo(now, 100).at });
  await send(id, { type: 'RECORD_VOTE', body: 'workers_congress', total: 120, present: 112, yes: 105, no: 4, abstain: 3, method: 'secret_ballot', heldOn: dayAgo(now, 95).date, occurredAt: dayAgo(now, 95).at });
  await send(id, { type: 'SIGN_CONTRACT', signedOn: dayAgo(now, 94).date, termMonths: 24, occurredAt: dayAgo(now, 94).at });
  await send(id, { type: 'SUBMIT_FOR_FILING', receivedOn: dayAgo(now, 92).date, occurredAt: dayAgo(now, 92).at }, u.employer_rep);
  await send(id, { type: 'REVIEW_OBJECTION', opinion: '第一条工资条款未明确工资支付日期，请补充后重新报送。', servedOn: dayAgo(now, 88).date, occurredAt: dayAgo(now, 88).at }, u.labor_officer);
  await send(id, { type: 'EDIT_DRAFT', clauses: [...CLAUSES.slice(0, 1).map((c) => ({ ...c, text: `${c.text}工资于每月15日前以货币形式足额支付。` })), ...CLAUSES.slice(1)], occurredAt: dayAgo(now, 86).at });
  await send(id, { type: 'DRAFT_AGREED', draftVersion: 2, occurredAt: dayAgo(now, 86, 11).at });
  await send(id, { type: 'RECORD_VOTE', body: 'workers_congress', total: 120, present: 110, yes: 104, no: 3, abstain: 3, method: 'secret_ballot', heldOn: dayAgo(now, 84).date, occurredAt: dayAgo(now, 84).at });
  await send(id, { type: 'SIGN_CONTRACT', signedOn: dayAgo(now, 83).date, termMonths: 24, occurredAt: dayAgo(now, 83).at });
  await send(id, { type: 'SUBMIT_FOR_FILING', receivedOn: dayAgo(now, 82).date, occurredAt: dayAgo(now, 82).at }, u.employer_rep);
  await send(id, { type: 'REVIEW_APPROVED', occurredAt: dayAgo(now, 75).at }, u.labor_officer);
}

const CLAUSES = [
  { topic: 'pay', text: '企业职工月工资不低于本市最低工资标准的130%，每年工资增长幅度不低于5%。', status: 'agreed' },
  { topic: 'working_hours', text: '实行标准工时制度，职工每日工作不超过8小时、每周不超过40小时。', status: 'agreed' },
  { topic: 'rest_leave', text: '职工依法享受法定节假日、带薪年休假、婚丧假、产假等假期。', status: 'agreed' },
  { topic: 'safety_health', text: '企业为职工提供符合国家标准的劳动安全卫生条件和劳动防护用品，每年组织一次职业健康检查。', status: 'agreed' },
  { topic: 'term', text: '本合同期限为二年。', status: 'agreed' },
];

/** A request the employer refused, escalated to the labor bureau, coordinated back to consultation. */
async function seedCoordination(deps: CommandDeps, u: Users, base: Record<string, unknown>) {
  const now = deps.clock();
  const send = (id: string, event: Record<string, unknown>, who = u.union_rep) => sendEvent(deps, who, id, event);
  const id = (await openCase(deps, u.union_rep, { ...base, contractType: 'female_workers', title: '北京星河科技有限公司女职工权益保护专项集体合同', topics: ['female_juvenile_protection', 'rest_leave'], occurredAt: dayAgo(now, 70).at })).case.id;
  await send(id, { type: 'SEND_REQUEST', receivedOn: dayAgo(now, 70).date, occurredAt: dayAgo(now, 70, 11).at });
  await send(id, { type: 'RESPONSE', agrees: false, reason: '公司认为现行规章制度已足够保护女职工权益。', occurredAt: dayAgo(now, 65).at }, u.employer_rep);
  await send(id, { type: 'ESCALATE_TO_LABOR_BUREAU', reason: '企业无正当理由拒绝集体协商要求。', occurredAt: dayAgo(now, 62).at });
  await send(id, { type: 'ACCEPT_COORDINATION', occurredAt: dayAgo(now, 60).at }, u.labor_officer);
  await send(id, { type: 'COORDINATION_CONCLUDED', result: '经协调，企业同意就女职工权益保护开展集体协商，双方于一个月内确定协商代表。', openMatters: ['哺乳期工作时间安排', '孕期产检假'], occurredAt: dayAgo(now, 45).at }, u.labor_officer);
}

async function seedCollective(deps: CommandDeps, u: Users) {
  const now = deps.clock();
  const body = { kind: 'collective', requester: 'union', contractType: 'wages', scope: 'enterprise', title: '北京星河科技有限公司2027年度工资专项集体合同', unionOrganizationId: ORGS[2].id, employerOrganizationId: ORGS[1].id, laborBureauId: ORGS[3].id, topics: ['pay', 'working_hours', 'rest_leave'] };
  const send = (id: string, event: Record<string, unknown>, who = u.union_rep) => sendEvent(deps, who, id, event);
  const reps: Reps = (side, names) => ({ type: 'NAME_REPRESENTATIVES', side, members: names.map((name, i) => ({ name, chief: i === 0, external: false })) });
  await seedContractInForce(deps, u, body, reps);
  await seedCoordination(deps, u, body);
  const id = (await openCase(deps, u.union_rep, { ...body, occurredAt: dayAgo(now, 30).at })).case.id;
  await send(id, { type: 'SEND_REQUEST', receivedOn: dayAgo(now, 29).date, proposedPlace: '公司第二会议室', occurredAt: dayAgo(now, 29).at });
  await send(id, { type: 'RESPONSE', agrees: true, occurredAt: dayAgo(now, 25).at }, u.employer_rep);
  await send(id, { ...reps('union', ['王工会', '林晓', '郑明']), occurredAt: dayAgo(now, 24).at });
  await send(id, { ...reps('employer', ['赵人事', '钱财务', '吴生产']), occurredAt: dayAgo(now, 24, 11).at }, u.employer_rep);
  await send(id, { type: 'APPOINT_RECORDER', name: '何记录', occurredAt: dayAgo(now, 23).at });
  await send(id, { type: 'START_CONSULTATION', occurredAt: dayAgo(now, 22).at });
  await send(id, { type: 'RECORD_MEETING', heldOn: dayAgo(now, 20).date, chairSide: 'union', attendees: ['王工会', '林晓', '郑明', '赵人事', '钱财务', '吴生产'], summary: '就年度工资增长幅度进行第一轮协商。', agreed: ['最低工资标准以上部分按绩效分配'], open: ['年度增幅'], occurredAt: dayAgo(now, 20).at });
  await send(id, { type: 'EDIT_DRAFT', clauses: [{ topic: 'pay', text: '2027年度职工工资平均增长6%。' }, { topic: 'working_hours', text: '实行标准工时制度，每日工作8小时。' }], occurredAt: dayAgo(now, 19).at });
  await send(id, { type: 'EDIT_DRAFT', clauses: [{ topic: 'pay', text: '2027年度职工工资平均增长5%，一线职工不低于6%。', status: 'agreed' }, { topic: 'working_hours', text: '实行标准工时制度，每日工作8小时。', status: 'agreed' }, { topic: 'rest_leave', text: '职工享受带薪年休假。', status: 'proposed' }], occurredAt: dayAgo(now, 12).at }, u.employer_rep);
}
