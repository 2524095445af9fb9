/** The creation body (api.md) and the §6 event payloads: what is a 400 before any machine runs. */
import { disputeEventSchema, openSchema } from '../../../../machines/dispute';
import { body } from './dispute.fixtures';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));

describe('openSchema', () => {
  it('accepts the fixture body and strips unknown keys such as kind', () => {
    const parsed = openSchema.parse({ ...body(), kind: 'dispute' });
    expect(parsed).not.toHaveProperty('kind');
    expect(parsed.claims).toHaveLength(2);
  });

  it('accepts a minimal body', () => {
    const minimal = {
      route: 'mediation',
      channel: 'hotline',
      receivedOn: '2026-03-02',
      applicant: { name: '王五' },
      respondent: { name: '某厂' },
      claims: [{ type: 'other', description: '其他' }],
      facts: '事实',
    };
    expect(openSchema.safeParse(minimal).success).toBe(true);
  });

  it('refuses a resident ID with a wrong check digit', () => {
    const result = openSchema.safeParse(body({ applicant: { name: '张三', idNumber: '110105194912310021' } }));
    expect(result.success).toBe(false);
    expect(issuesOf(result)[0].path).toBe('applicant.idNumber');
  });

  it('refuses a resident ID whose birth date does not exist', () => {
    // 1949-02-30 with its own correct check character.
    const result = openSchema.safeParse(body({ applicant: { name: '张三', idNumber: '110105194902300020' } }));
    expect(issuesOf(result).map((i) => i.path)).toEqual(['applicant.idNumber']);
  });

  it('refuses a credit code with a wrong check character', () => {
    const result = openSchema.safeParse(body({ respondent: { name: '某厂', creditCode: '91350100M000100Y44' } }));
    expect(issuesOf(result).map((i) => i.path)).toEqual(['respondent.creditCode']);
  });

  it('refuses knewOn after receivedOn, on the knewOn path with a clear message', () => {
    const result = openSchema.safeParse(body({ knewOn: '2026-03-03' }));
    const issues = issuesOf(result);
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('knewOn');
    expect(issues[0].message).toMatch(/knewOn.*receivedOn/);
    expect(openSchema.safeParse(body({ knewOn: '2026-03-02' })).success).toBe(true);
  });

  it.each([
    ['3-decimal amount', { claims: [{ type: 'unpaid_wages', amount: '100.005', description: 'x' }] }, 'claims.0.amount'],
    ['numeric amount', { claims: [{ type: 'unpaid_wages', amount: 100, description: 'x' }] }, 'claims.0.amount'],
    ['no claims', { claims: [] }, 'claims'],
    ['unknown claim type', { claims: [{ type: 'bonus', description: 'x' }] }, 'claims.0.type'],
    ['unknown channel', { channel: 'fax' }, 'channel'],
    ['unknown route', { route: 'arbitration' }, 'route'],
    ['nonexistent date', { receivedOn: '2026-02-30' }, 'receivedOn'],
    ['unknown flag', { flags: ['vip'] }, 'flags.0'],
    ['non-uuid organization', { unionOrganizationId: 'union-1' }, 'unionOrganizationId'],
    ['empty facts', { facts: '  ' }, 'facts'],
    ['fractional workers', { applicant: { name: '张三', workers: 2.5 } }, 'applicant.workers'],
    ['missing respondent', { respondent: undefined }, 'respondent'],
  ])('refuses %s', (_label, overrides, path) => {
    const result = openSchema.safeParse(body(overrides));
    expect(result.success).toBe(false);
    expect(issuesOf(result).map((i) => i.path)).toContain(path);
  });
});

describe('disputeEventSchema (§6)', () => {
  const ok = (event: object) => expect(disputeEventSchema.safeParse(event).success).toBe(true);
  const bad = (event: object) => expect(disputeEventSchema.safeParse(event).success).toBe(false);

  it('CONSULTATION_EXTENDED needs written consent, as the literal true', () => {
    ok({ type: 'CONSULTATION_EXTENDED', until: '2026-04-01', writtenConsent: true });
    bad({ type: 'CONSULTATION_EXTENDED', until: '2026-04-01', writtenConsent: false });
    bad({ type: 'CONSULTATION_EXTENDED', until: '2026-04-01' });
  });

  it('EXTEND_MEDIATION days is an integer 1-30', () => {
    const base = { type: 'EXTEND_MEDIATION', applicantConsent: true, respondentConsent: true };
    ok({ ...base, days: 1 });
    ok({ ...base, days: 30 });
    bad({ ...base, days: 0 });
    bad({ ...base, days: 31 });
    bad({ ...base, days: 2.5 });
    bad({ ...base, days: '5' });
  });

  it('ARBITRAL_REVIEW_REQUESTED must be joint; WITHDRAWN by the applicant', () => {
    ok({ type: 'ARBITRAL_REVIEW_REQUESTED', joint: true });
    bad({ type: 'ARBITRAL_REVIEW_REQUESTED', joint: false });
    ok({ type: 'WITHDRAWN', by: 'applicant' });
    bad({ type: 'WITHDRAWN', by: 'respondent' });
    bad({ type: 'WITHDRAWN' });
  });

  it('terms need a description and at most two decimals', () => {
    ok({ type: 'SETTLEMENT_REACHED', terms: [{ description: '付款', amount: '1.50' }], performanceDue: '2026-04-01' });
    bad({ type: 'SETTLEMENT_REACHED', terms: [{ description: '付款', amount: '1.505' }], performanceDue: '2026-04-01' });
    bad({ type: 'SETTLEMENT_REACHED', terms: [], performanceDue: '2026-04-01' });
    bad({ type: 'AGREEMENT_DRAFTED', terms: [{ description: 'x' }], performanceDue: '2026-04-01' });
    bad({ type: 'AGREEMENT_DRAFTED', terms: [{ description: 'x' }], performanceDue: '2026-13-01', performanceManner: 'x' });
  });

  it('required fields and enums', () => {
    bad({ type: 'CONSULTATION_AGREED' });
    bad({ type: 'CONSULTATION_FAILED' });
    bad({ type: 'ACCEPT' });
    bad({ type: 'ACCEPT', respondentConsent: 'yes' });
    bad({ type: 'ACCEPT', respondentConsent: true, mediatorIds: ['not-a-uuid'] });
    bad({ type: 'DECLINE', reason: 'busy' });
    bad({ type: 'SIGN', signatory: 'witness' });
    bad({ type: 'SIGN', signatory: 'applicant', method: 'email' });
    bad({ type: 'PARTY_REFUSED', party: 'mediator' });
    bad({ type: 'RECORD_SESSION', heldOn: '2026-04-01', attendees: [], summary: 'x' });
    bad({ type: 'MEDIATION_FAILED' });
    bad({ type: 'AGREEMENT_ABANDONED', reason: '' });
    bad({ type: 'UNKNOWN' });
    ok({ type: 'SEAL' });
    ok({ type: 'PERFORMED', occurredAt: '2026-04-01T00:00:00Z' });
    ok({ type: 'DEADLINE_ELAPSED', ruleId: 'dispute.limitation' });
  });
});
