/** §5: who may send which dispute event, who may open, who takes part. */
import type { Actor, Role } from '../../../../machines/shared/case-event';
import { def, IDS, openCase, SAMPLE } from './dispute.fixtures';

const ctx = openCase().context;
const withoutUnion = openCase({ unionOrganizationId: undefined }).context;
const actor = (role: Role): Actor => ({ id: role === 'system' ? null : `${role}-1`, role });
const event = (type: string) => ({ type, ...(SAMPLE[type] ?? {}) });

const ALL = [...def.eventTypes];
const UNION = ['CONSULTATION_EXTENDED', 'SETTLEMENT_REACHED', 'CONSULTATION_FAILED', 'APPLY_MEDIATION', 'PERFORMED', 'NOT_PERFORMED', 'WITHDRAWN'];
const EMPLOYER = ['CONSULTATION_AGREED', 'CONSULTATION_REFUSED', 'PERFORMED', 'NOT_PERFORMED'];

/** Expected allowed types per role (SIGN for employer_rep is checked separately by signatory). */
const ALLOWED: Record<Role, string[]> = {
  mediator: ALL.filter((t) => t !== 'DEADLINE_ELAPSED'),
  union_rep: UNION,
  employer_rep: EMPLOYER,
  labor_officer: [],
  auditor: [],
  admin: [],
  system: ['DEADLINE_ELAPSED'],
};

describe('maySend', () => {
  it('eventTypes lists every event, DEADLINE_ELAPSED included', () => {
    expect(ALL).toHaveLength(26);
    expect(ALL).toContain('DEADLINE_ELAPSED');
    expect(new Set(ALL).size).toBe(ALL.length);
  });

  const cells = (Object.keys(ALLOWED) as Role[]).flatMap((role) => ALL.filter((t) => t !== 'SIGN').map((type) => [role, type] as const));
  it.each(cells)('%s × %s', (role, type) => {
    expect(def.maySend(actor(role), event(type), ctx)).toBe(ALLOWED[role].includes(type));
  });

  it('a union representative reports performance of a settlement, not of a mediation agreement', () => {
    const withAgreement = { ...ctx, agreement: { terms: [], performanceDue: '2026-12-31', performanceManner: '转账', draftedOn: '2026-11-01', signatures: {} } };
    for (const type of ['PERFORMED', 'NOT_PERFORMED']) {
      expect(def.maySend(actor('union_rep'), event(type), withAgreement)).toBe(false);
      expect(def.maySend(actor('employer_rep'), event(type), withAgreement)).toBe(true);
      expect(def.maySend(actor('mediator'), event(type), withAgreement)).toBe(true);
    }
  });

  it.each([
    ['mediator', 'applicant', true],
    ['mediator', 'respondent', true],
    ['mediator', 'mediator', true],
    ['employer_rep', 'respondent', true],
    ['employer_rep', 'applicant', false],
    ['employer_rep', 'mediator', false],
    ['union_rep', 'applicant', false],
    ['auditor', 'respondent', false],
  ] as const)('%s SIGN as %s: %s', (role, signatory, allowed) => {
    expect(def.maySend(actor(role), { type: 'SIGN', signatory }, ctx)).toBe(allowed);
  });

  it('a union representative may send nothing in a case no union assists', () => {
    for (const type of ALL) expect(def.maySend(actor('union_rep'), event(type), withoutUnion)).toBe(false);
  });

  it('unknown event types are never allowed', () => {
    expect(def.maySend(actor('mediator'), { type: 'CASE_OPENED' }, ctx)).toBe(false);
    expect(def.maySend(actor('system'), { type: 'NOPE' }, ctx)).toBe(false);
  });
});

describe('mayOpen', () => {
  it.each([
    ['mediator', { route: 'consultation', unionOrganizationId: IDS.union }, true],
    ['mediator', { route: 'mediation' }, true],
    ['union_rep', { route: 'consultation', unionOrganizationId: IDS.union }, true],
    ['union_rep', { route: 'consultation' }, false],
    ['union_rep', { route: 'mediation', unionOrganizationId: IDS.union }, false],
    ['employer_rep', { route: 'consultation' }, false],
    ['labor_officer', { route: 'mediation' }, false],
    ['auditor', { route: 'mediation' }, false],
    ['admin', { route: 'consultation' }, false],
    ['system', { route: 'consultation' }, false],
  ] as const)('%s with %j: %s', (role, body, allowed) => {
    expect(def.mayOpen(actor(role), body)).toBe(allowed);
  });
});

describe('participants and party names', () => {
  it('lists the defined organizations', () => {
    expect(def.participants(ctx)).toEqual([IDS.committee, IDS.employer, IDS.union]);
    const bare = openCase({ mediationCommitteeId: undefined, unionOrganizationId: undefined }).context;
    expect(def.participants(bare)).toEqual([IDS.employer]);
  });
  it('names applicant and respondent', () => {
    expect(def.partyNames(ctx)).toEqual(['张三', '某某科技有限公司']);
  });
  it('kind and version', () => {
    expect(def.kind).toBe('dispute');
    expect(def.version).toBe('2');
  });
});
