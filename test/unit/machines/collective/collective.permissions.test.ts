import { collectiveDefinition } from '../../../../machines/collective';
import type { Actor, Role } from '../../../../machines/shared/case-event';
import { driver, officer, toSigned } from './collective.fixtures';

const { maySend, mayOpen, participants, partyNames } = collectiveDefinition;
const as = (role: Role): Actor => ({ id: role === 'system' ? null : `user-${role}`, role });
const JOINT = [
  'APPOINT_RECORDER', 'START_CONSULTATION', 'RECORD_MEETING', 'EDIT_DRAFT', 'SUSPEND', 'RESUME', 'REQUEST_COORDINATION',
  'REPORT_VACANCY', 'DRAFT_AGREED', 'RECORD_VOTE', 'SIGN_CONTRACT', 'PUBLISHED', 'MODIFY', 'RESCIND', 'RENEW',
  'ESCALATE_TO_LABOR_BUREAU', 'ABANDON', 'WITHDRAWN',
];
const OFFICER = ['SUBMIT_FOR_FILING', 'REVIEW_OBJECTION', 'REVIEW_APPROVED', 'ACCEPT_COORDINATION', 'EXTEND_COORDINATION', 'COORDINATION_CONCLUDED'];

/** The expected answer of domain.md §5 for one role, event and requester side. */
function expected(role: Role, type: string, requester: 'union' | 'employer', side?: string): boolean {
  if (type === 'DEADLINE_ELAPSED') return role === 'system';
  if (role === 'labor_officer') return OFFICER.includes(type);
  const mine = role === 'union_rep' ? 'union' : role === 'employer_rep' ? 'employer' : null;
  if (mine === null) return false;
  if (type === 'SEND_REQUEST') return requester === mine;
  if (type === 'RESPONSE') return requester !== mine;
  if (type === 'NAME_REPRESENTATIVES') return side === mine;
  if (type === 'SUBMIT_FOR_FILING') return mine === 'employer';
  return JOINT.includes(type);
}

const roles: Role[] = ['union_rep', 'employer_rep', 'labor_officer', 'mediator', 'auditor', 'admin', 'system'];
const rows = roles.flatMap((role) =>
  (['union', 'employer'] as const).flatMap((requester) =>
    collectiveDefinition.eventTypes.flatMap((type) =>
      (type === 'NAME_REPRESENTATIVES' ? ['union', 'employer'] : [undefined]).map((side) => [role, requester, type, side] as const),
    ),
  ),
);

describe('maySend (domain.md §5)', () => {
  test.each(rows)('%s, requester %s: %s %s', (role, requester, type, side) => {
    const event = side ? { type, side } : { type };
    expect(maySend(as(role), event, { requester })).toBe(expected(role, type, requester, side));
  });

  test('spot checks that do not depend on the table above', () => {
    expect(maySend(as('union_rep'), { type: 'SEND_REQUEST' }, { requester: 'union' })).toBe(true);
    expect(maySend(as('union_rep'), { type: 'RESPONSE' }, { requester: 'union' })).toBe(false);
    expect(maySend(as('employer_rep'), { type: 'RESPONSE' }, { requester: 'union' })).toBe(true);
    expect(maySend(as('union_rep'), { type: 'NAME_REPRESENTATIVES', side: 'employer' }, { requester: 'union' })).toBe(false);
    expect(maySend(as('employer_rep'), { type: 'SUBMIT_FOR_FILING' }, { requester: 'union' })).toBe(true);
    expect(maySend(as('union_rep'), { type: 'SUBMIT_FOR_FILING' }, { requester: 'union' })).toBe(false);
    expect(maySend(as('labor_officer'), { type: 'REVIEW_APPROVED' }, { requester: 'union' })).toBe(true);
    expect(maySend(as('labor_officer'), { type: 'EDIT_DRAFT' }, { requester: 'union' })).toBe(false);
    expect(maySend(as('union_rep'), { type: 'REPORT_VACANCY', side: 'employer' }, { requester: 'union' })).toBe(true);
    expect(maySend(as('system'), { type: 'DEADLINE_ELAPSED', ruleId: 'collective.filing' }, { requester: 'union' })).toBe(true);
    expect(maySend(as('admin'), { type: 'DEADLINE_ELAPSED', ruleId: 'collective.filing' }, { requester: 'union' })).toBe(false);
    expect(maySend(as('system'), { type: 'WITHDRAWN' }, { requester: 'union' })).toBe(false);
  });
});

describe('mayOpen', () => {
  test.each([
    ['union_rep', 'union', true],
    ['union_rep', 'employer', false],
    ['employer_rep', 'employer', true],
    ['employer_rep', 'union', false],
    ['labor_officer', 'union', false],
    ['mediator', 'union', false],
    ['admin', 'employer', false],
  ] as const)('%s opening a case requested by %s: %s', (role, requester, allowed) => {
    expect(mayOpen(as(role), { requester })).toBe(allowed);
  });
});

describe('participants and party names', () => {
  test('union and employer; the labour bureau once named, at opening or on filing', () => {
    const d = driver();
    const { unionOrganizationId, employerOrganizationId } = d.ctx;
    expect(participants(d.ctx)).toEqual([unionOrganizationId, employerOrganizationId]);
    expect(partyNames(d.ctx)).toEqual(['2026年度工资专项集体合同']);
    const bureau = '5d0b8bd4-8f0e-4a43-9d3e-3f7c4fd1c0a1';
    const named = driver({ laborBureauId: bureau });
    expect(participants(named.ctx)).toEqual([named.ctx.unionOrganizationId, named.ctx.employerOrganizationId, bureau]);
  });
  test('SUBMIT_FOR_FILING names the bureau when none was named; a named one is kept', () => {
    const bureau = '5d0b8bd4-8f0e-4a43-9d3e-3f7c4fd1c0a1';
    const d = toSigned().do('SUBMIT_FOR_FILING', { receivedOn: '2026-02-10', laborBureauId: bureau }, officer);
    expect(d.ctx.laborBureauId).toBe(bureau);
    expect(participants(d.ctx)).toContain(bureau);
    const other = '0f6f5a3e-1b2c-4d5e-8f90-a1b2c3d4e5f6';
    const kept = toSigned(driver({ laborBureauId: bureau })).do('SUBMIT_FOR_FILING', { receivedOn: '2026-02-10', laborBureauId: other }, officer);
    expect(kept.ctx.laborBureauId).toBe(bureau);
  });
});
