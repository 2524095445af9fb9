import { collectiveRules } from '../../../../machines/collective';
import { driver, members, officer, toConsulting, toPreparing, toSigned, toUnderReview, toInForce, union, employer } from './collective.fixtures';
import type { Decision } from '../../../../machines/engine';

/** Every legal guard: one accepted event, one refused with the rule id and its article. */
function expectRule(decision: Decision, rule: string, article: number) {
  expect(decision.ok).toBe(false);
  if (decision.ok) return;
  expect(decision.refusal).toMatchObject({ kind: 'rule', rule });
  if (decision.refusal.kind !== 'rule') return;
  expect(decision.refusal.citation).toContain(`Art ${article}`);
  expect(decision.refusal.citation).toMatch(/^集体合同规定 第[一二三四五六七八九十]+条 \/ CCP Art \d+$/);
}

/** Agreed to consult, nobody named yet. */
const agreed = () =>
  driver().do('SEND_REQUEST', { receivedOn: '2026-01-05' }, union, '2026-01-05').do('RESPONSE', { agrees: true }, employer, '2026-01-06');

describe('rule book', () => {
  test('every rule has an id, a citation in domain.md form and a description', () => {
    expect(Object.keys(collectiveRules).sort()).toEqual([
      'collective.coordination.extension', 'collective.draft.exists', 'collective.recorder.notRepresentative',
      'collective.recorder.required', 'collective.reps.bothSides', 'collective.reps.equal', 'collective.reps.externalChief',
      'collective.reps.externalShare', 'collective.reps.minimum', 'collective.rescind.ground',
      'collective.review.objectionInTime', 'collective.vote.counts',
    ]);
    for (const [id, rule] of Object.entries(collectiveRules)) {
      expect(rule.id).toBe(id);
      expect(rule.citation).toMatch(/^集体合同规定 第[一二三四五六七八九十]+条 \/ CCP Art \d+$/);
      expect(rule.description.length).toBeGreaterThan(10);
    }
  });
});

describe('NAME_REPRESENTATIVES (CCP Arts 19, 23, 24, 33)', () => {
  test('3 internal members with one chief are accepted and replace the list', () => {
    const d = agreed().do('NAME_REPRESENTATIVES', { side: 'union', members: members('U', 4) }, union);
    d.do('NAME_REPRESENTATIVES', { side: 'union', members: members('V') }, union);
    expect(d.ctx.representatives.union!.members.map((m) => m.name)).toEqual(['V1', 'V2', 'V3']);
  });
  test.each([
    ['2 members', members('U', 2)],
    ['2 chiefs', members('U', 3, { chiefs: 2 })],
    ['no chief', members('U', 3, { chiefs: 0 })],
    ['nobody', []],
  ])('collective.reps.minimum refuses %s', (_label, list) => {
    const d = agreed();
    expectRule(d.try('NAME_REPRESENTATIVES', { side: 'union', members: list }, union), 'collective.reps.minimum', 19);
    expect(d.ctx.representatives.union).toBeNull();
  });
  test('collective.reps.externalShare: one third is the limit', () => {
    const d = agreed();
    expect(d.try('NAME_REPRESENTATIVES', { side: 'union', members: members('U', 6, { external: 2 }) }, union).ok).toBe(true);
    expectRule(d.try('NAME_REPRESENTATIVES', { side: 'union', members: members('U', 6, { external: 3 }) }, union), 'collective.reps.externalShare', 23);
    expectRule(d.try('NAME_REPRESENTATIVES', { side: 'union', members: members('U', 3, { external: 2 }) }, union), 'collective.reps.externalShare', 23);
  });
  test('collective.reps.externalChief: an outsider may not be chief', () => {
    const d = agreed();
    expectRule(d.try('NAME_REPRESENTATIVES', { side: 'employer', members: members('E', 3, { externalChief: true }) }, employer), 'collective.reps.externalChief', 23);
    expect(d.try('NAME_REPRESENTATIVES', { side: 'employer', members: members('E', 3, { external: 1 }) }, employer).ok).toBe(true);
  });
  test('collective.reps.bothSides: a name already on the other list is refused, however it is typed', () => {
    const d = agreed().do('NAME_REPRESENTATIVES', { side: 'union', members: members('U') }, union);
    const clash = [...members('E', 2), { name: ' Ｕ2 ', chief: false, external: false }];
    expectRule(d.try('NAME_REPRESENTATIVES', { side: 'employer', members: clash }, employer), 'collective.reps.bothSides', 24);
    // The same side may rename its own members freely.
    expect(d.try('NAME_REPRESENTATIVES', { side: 'union', members: members('U') }, union).ok).toBe(true);
  });
  test('collective.recorder.notRepresentative: a list may not include the recorder', () => {
    const d = toPreparing();
    const withRecorder = [...members('E', 2), { name: '记录员', chief: false, external: false }];
    expectRule(d.try('NAME_REPRESENTATIVES', { side: 'employer', members: withRecorder }, employer), 'collective.recorder.notRepresentative', 33);
  });
});

describe('APPOINT_RECORDER and START_CONSULTATION (CCP Arts 19, 33)', () => {
  test('collective.recorder.notRepresentative refuses a representative, accepts anyone else, a later one replaces', () => {
    const d = toPreparing();
    expectRule(d.try('APPOINT_RECORDER', { name: 'E2' }, union), 'collective.recorder.notRepresentative', 33);
    d.do('APPOINT_RECORDER', { name: '新记录员' }, union);
    expect(d.ctx.recorder?.name).toBe('新记录员');
  });
  test('collective.reps.equal: both sides named', () => {
    const d = agreed().do('NAME_REPRESENTATIVES', { side: 'union', members: members('U') }, union).do('APPOINT_RECORDER', { name: 'R' }, union);
    expectRule(d.try('START_CONSULTATION', {}, union), 'collective.reps.equal', 19);
    expect(d.state).toBe('preparing');
  });
  test('collective.reps.equal: in equal numbers', () => {
    const d = toPreparing().do('NAME_REPRESENTATIVES', { side: 'union', members: members('U', 4) }, union);
    expectRule(d.try('START_CONSULTATION', {}, union), 'collective.reps.equal', 19);
    d.do('NAME_REPRESENTATIVES', { side: 'employer', members: members('E', 4) }, employer);
    expect(d.try('START_CONSULTATION', {}, employer).ok).toBe(true);
    expect(d.state).toBe('consulting');
  });
  test('collective.recorder.required', () => {
    const d = agreed()
      .do('NAME_REPRESENTATIVES', { side: 'union', members: members('U') }, union)
      .do('NAME_REPRESENTATIVES', { side: 'employer', members: members('E') }, employer);
    expectRule(d.try('START_CONSULTATION', {}, union), 'collective.recorder.required', 33);
  });
});

describe('DRAFT_AGREED (CCP Art 34)', () => {
  test('collective.draft.exists: only a recorded version can be agreed', () => {
    const d = toConsulting();
    expectRule(d.try('DRAFT_AGREED', { draftVersion: 1 }, union), 'collective.draft.exists', 34);
    d.do('EDIT_DRAFT', { clauses: [{ topic: 'pay', text: 'a' }] }, union).do('EDIT_DRAFT', { clauses: [{ topic: 'pay', text: 'b' }] }, employer);
    expectRule(d.try('DRAFT_AGREED', { draftVersion: 3 }, union), 'collective.draft.exists', 34);
    expectRule(d.try('DRAFT_AGREED', { draftVersion: 0 }, union), 'collective.draft.exists', 34);
    d.do('DRAFT_AGREED', { draftVersion: 1 }, union);
    expect(d.state).toBe('congressReview');
    expect(d.ctx.agreedDraftVersion).toBe(1);
  });
});

describe('EXTEND_COORDINATION (CCP Art 52)', () => {
  test('collective.coordination.extension: at most 15 days in total', () => {
    const d = toConsulting()
      .do('REQUEST_COORDINATION', { reason: '工资增幅分歧' }, union)
      .do('ACCEPT_COORDINATION', {}, officer)
      .do('EXTEND_COORDINATION', { days: 10 }, officer)
      .do('EXTEND_COORDINATION', { days: 5 }, officer);
    expectRule(d.try('EXTEND_COORDINATION', { days: 1 }, officer), 'collective.coordination.extension', 52);
    expect(d.ctx.coordinations[0].extensions.map((x) => x.days)).toEqual([10, 5]);
  });
  test('a new coordination episode starts with no extension used', () => {
    const d = toConsulting()
      .do('REQUEST_COORDINATION', { reason: 'a' }, union)
      .do('ACCEPT_COORDINATION', {}, officer)
      .do('EXTEND_COORDINATION', { days: 15 }, officer)
      .do('COORDINATION_CONCLUDED', { result: '继续协商', openMatters: [] }, officer)
      .do('REQUEST_COORDINATION', { reason: 'b' }, employer)
      .do('ACCEPT_COORDINATION', {}, officer);
    expect(d.try('EXTEND_COORDINATION', { days: 15 }, officer).ok).toBe(true);
  });

  test('no extension before the bureau accepts the coordination (its term has not started): 409', () => {
    const d = toConsulting().do('REQUEST_COORDINATION', { reason: 'a' }, union);
    expect(d.try('EXTEND_COORDINATION', { days: 5 }, officer)).toMatchObject({ ok: false, refusal: { kind: 'not_allowed' } });
  });
});

describe('REVIEW_OBJECTION (CCP Art 45)', () => {
  test('fallback due date: receivedOn + 15 calendar days, not rolled; the due date itself is in time', () => {
    const d = toUnderReview(); // received 2026-02-10
    expect(d.ctx.filing).toMatchObject({ receivedOn: '2026-02-10', reviewDueOn: '2026-02-25', reviewDueSource: 'fallback' });
    expectRule(d.try('REVIEW_OBJECTION', { opinion: '条款违法', servedOn: '2026-02-26' }, officer), 'collective.review.objectionInTime', 45);
    expect(d.try('REVIEW_OBJECTION', { opinion: '条款违法', servedOn: '2026-02-25' }, officer).ok).toBe(true);
    expect(d.state).toBe('consulting');
  });
  test('the calendar due date given by the service wins over the fallback', () => {
    // Received 2026-09-20: +15 is 2026-10-05, a National Day holiday, rolled by the calendar to 10-08.
    const d = toSigned().do('SUBMIT_FOR_FILING', { receivedOn: '2026-09-20', reviewDueOn: '2026-10-08' }, officer, '2026-09-21');
    expect(d.ctx.filing).toMatchObject({ reviewDueOn: '2026-10-08', reviewDueSource: 'calendar' });
    expectRule(d.try('REVIEW_OBJECTION', { opinion: 'x', servedOn: '2026-10-09' }, officer, '2026-10-09'), 'collective.review.objectionInTime', 45);
    expect(d.try('REVIEW_OBJECTION', { opinion: 'x', servedOn: '2026-10-07' }, officer, '2026-10-09').ok).toBe(true);
  });
});

describe('RESCIND (CCP Art 40)', () => {
  test('collective.rescind.ground refuses a ground outside Art 40', () => {
    const d = toInForce();
    expectRule(d.try('RESCIND', { ground: 'employer_wants_out', agreedByBothSides: true }, employer), 'collective.rescind.ground', 40);
    expect(d.state).toBe('inForce');
  });
  test.each(['merger_dissolution_bankruptcy', 'force_majeure', 'agreed_condition', 'law'])('%s closes the case as rescinded', (ground) => {
    const d = toInForce().do('RESCIND', { ground, agreedByBothSides: true }, union, '2026-05-01');
    expect(d.state).toBe('closed');
    expect(d.ctx).toMatchObject({ outcome: 'rescinded', closedOn: '2026-05-01', closeDetail: { ground } });
  });
});
