import { shanghaiDate } from '../../../machines/shared/time';
import { auth, makeOrg, makeUser, TEST_NOW, testWorld, type TestWorld } from './harness';

/** Organizations and users of one labor-dispute setting, created fresh for each test file. */
export async function disputeWorld() {
  const w = await testWorld();
  const committee = await makeOrg(w.db, 'mediation_committee', { mediationType: 'peoples_mediation' });
  const otherCommittee = await makeOrg(w.db, 'mediation_committee');
  const employer = await makeOrg(w.db, 'employer');
  const union = await makeOrg(w.db, 'union');
  const bureau = await makeOrg(w.db, 'labor_bureau');
  const auditOffice = await makeOrg(w.db, 'audit_office');
  const users = {
    mediator: await makeUser(w.db, 'mediator', committee.id),
    otherMediator: await makeUser(w.db, 'mediator', otherCommittee.id),
    employerRep: await makeUser(w.db, 'employer_rep', employer.id),
    unionRep: await makeUser(w.db, 'union_rep', union.id),
    officer: await makeUser(w.db, 'labor_officer', bureau.id),
    auditor: await makeUser(w.db, 'auditor', auditOffice.id),
  };
  return { ...w, orgs: { committee, otherCommittee, employer, union, bureau, auditOffice }, users };
}
export type DisputeWorld = Awaited<ReturnType<typeof disputeWorld>>;

/** The Asia/Shanghai date `n` days before `now` (the pinned `TEST_NOW` by default). */
export function daysAgo(n: number, now = TEST_NOW): string {
  return shanghaiDate(new Date(now.getTime() - n * 86400000).toISOString());
}

export function disputeBody(w: DisputeWorld, extra: Record<string, unknown> = {}) {
  return {
    kind: 'dispute',
    route: 'mediation',
    channel: 'walk_in',
    receivedOn: daysAgo(3),
    applicant: { name: '张伟', idNumber: '11010519491231002X', phone: '13800000000' },
    respondent: { name: '北京某科技有限公司', creditCode: '91110108MA01R7TJ5N' },
    claims: [{ type: 'unpaid_wages', amount: '12000.00', description: '拖欠两个月工资' }],
    facts: '公司拖欠2026年8月至9月工资。',
    knewOn: daysAgo(30),
    mediationCommitteeId: w.orgs.committee.id,
    employerOrganizationId: w.orgs.employer.id,
    unionOrganizationId: w.orgs.union.id,
    ...extra,
  };
}

export async function openDispute(w: DisputeWorld, extra: Record<string, unknown> = {}, token = w.users.mediator.token) {
  const res = await w.http().post('/api/v1/cases').set(auth(token)).send(disputeBody(w, extra));
  if (res.status !== 201) throw new Error(`open failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; state: string; number: string };
}

export async function send(w: TestWorld, caseId: string, event: Record<string, unknown>, token: string, headers: Record<string, string> = {}) {
  return w.http().post(`/api/v1/cases/${caseId}/events`).set({ ...auth(token), ...headers }).send(event);
}
