import { collectiveDefinition, CLAUSE_TOPICS } from '../../../../machines/collective';
import { openBody } from './collective.fixtures';

const { openSchema, eventSchema, eventTypes } = collectiveDefinition;

describe('open schema (api.md collective body)', () => {
  test('accepts the body, with optional bureau, renewalOf and settings', () => {
    expect(openSchema.safeParse(openBody()).success).toBe(true);
    const full = openBody({ laborBureauId: 'a3bb189e-8bf9-4888-9912-ace4e6543002', renewalOf: '9b2e1c4d-7f3a-4c2b-8e5d-1a2b3c4d5e6f', settings: { approval: 'at_least_half' } });
    expect(openSchema.parse(full)).toMatchObject({ settings: { approval: 'at_least_half' } });
  });
  test.each([
    ['requester', { requester: 'worker' }],
    ['contractType', { contractType: 'pension' }],
    ['scope', { scope: 'national' }],
    ['title', { title: '' }],
    ['unionOrganizationId', { unionOrganizationId: 'not-a-uuid' }],
    ['topics empty', { topics: [] }],
    ['topic outside CCP Art 8', { topics: ['pay', 'stock_options'] }],
    ['topics repeated', { topics: ['pay', 'pay'] }],
    ['settings.approval', { settings: { approval: 'two_thirds' } }],
  ])('refuses a bad %s', (_label, override) => {
    expect(openSchema.safeParse(openBody(override)).success).toBe(false);
  });
  test('the fifteen CCP Art 8 topics', () => {
    expect(CLAUSE_TOPICS).toHaveLength(15);
    expect(openSchema.safeParse(openBody({ topics: [...CLAUSE_TOPICS] })).success).toBe(true);
  });
});

describe('event schema (domain.md §6)', () => {
  test('every event type, DEADLINE_ELAPSED included, is known; CASE_OPENED is not', () => {
    expect(eventTypes).toHaveLength(28);
    expect(eventTypes).toContain('DEADLINE_ELAPSED');
    expect(eventSchema.safeParse({ type: 'DEADLINE_ELAPSED', ruleId: 'collective.filing' }).success).toBe(true);
    expect(eventSchema.safeParse({ type: 'CASE_OPENED' }).success).toBe(false);
  });
  test('representatives are not counted by the schema: the rules refuse with a citation', () => {
    const twoChiefs = { type: 'NAME_REPRESENTATIVES', side: 'union', members: [{ name: 'a', chief: true, external: false }, { name: 'b', chief: true, external: true }] };
    expect(eventSchema.safeParse(twoChiefs).success).toBe(true);
    expect(eventSchema.safeParse({ ...twoChiefs, side: 'labor' }).success).toBe(false);
  });
  test('vote figures and rescission grounds are typed, their coherence is left to the rules', () => {
    const vote = { type: 'RECORD_VOTE', body: 'workers_congress', total: 10, present: 12, yes: 12, no: 0, abstain: 0, method: 'secret_ballot', heldOn: '2026-02-02' };
    expect(eventSchema.safeParse(vote).success).toBe(true);
    expect(eventSchema.safeParse({ ...vote, yes: 1.5 }).success).toBe(false);
    expect(eventSchema.safeParse({ ...vote, heldOn: '2026-02-30' }).success).toBe(false);
    expect(eventSchema.safeParse({ type: 'RESCIND', ground: 'whim', agreedByBothSides: true }).success).toBe(true);
    expect(eventSchema.safeParse({ type: 'RESCIND', ground: 'law', agreedByBothSides: false }).success).toBe(false);
  });
  test('EDIT_DRAFT clauses must carry a CCP Art 8 topic', () => {
    expect(eventSchema.safeParse({ type: 'EDIT_DRAFT', clauses: [{ topic: 'layoffs', text: 'x' }] }).success).toBe(true);
    expect(eventSchema.safeParse({ type: 'EDIT_DRAFT', clauses: [{ topic: 'bonus', text: 'x' }] }).success).toBe(false);
    expect(eventSchema.safeParse({ type: 'EDIT_DRAFT', clauses: [{ topic: 'pay', text: 'x', status: 'final' }] }).success).toBe(false);
  });
  test('a client cannot set the review due date: SUBMIT_FOR_FILING strips reviewDueOn', () => {
    const parsed = eventSchema.parse({ type: 'SUBMIT_FOR_FILING', receivedOn: '2026-02-10', reviewDueOn: '2099-01-01' });
    expect(parsed).toEqual({ type: 'SUBMIT_FOR_FILING', receivedOn: '2026-02-10' });
  });
  test('EXTEND_COORDINATION days 1-15, SIGN_CONTRACT term outside 12-36 still parses', () => {
    expect(eventSchema.safeParse({ type: 'EXTEND_COORDINATION', days: 16 }).success).toBe(false);
    expect(eventSchema.safeParse({ type: 'EXTEND_COORDINATION', days: 0 }).success).toBe(false);
    expect(eventSchema.safeParse({ type: 'SIGN_CONTRACT', signedOn: '2026-02-05', termMonths: 48 }).success).toBe(true);
  });
});
