import { randomUUID } from 'node:crypto';
import { collectiveDefinition, collectiveMachine } from '../../../../machines/collective';
import { contentHash } from '../../../../machines/collective/collective.context';
import { decide } from '../../../../machines/engine';
import {
  clauses, driver, employer, members, officer, passingVote, system, toConsulting, toInForce, toPreparing, toSigned, toSigning, toUnderReview, union,
  type Driver,
} from './collective.fixtures';

const visited = new Set<string>();
function track(d: Driver) {
  visited.add(d.state);
  return d;
}
/** Wraps a driver so every state it passes through is recorded for the "every state" check. */
function tracked(d: Driver): Driver {
  const original = d.try.bind(d);
  d.try = (...args) => {
    const before = d.persisted;
    const decision = original(...args);
    // jsonb drops undefined members: the context must survive the round trip unchanged.
    if (decision.ok) expect(decision.persisted.context).toStrictEqual(JSON.parse(JSON.stringify(decision.persisted.context)));
    else expect(d.persisted).toBe(before);
    track(d);
    return decision;
  };
  return track(d);
}

describe('walk: request to in force by deemed approval, with a failed vote and an objection', () => {
  test('the whole procedure', () => {
    const d = tracked(driver());
    expect(d.state).toBe('requestDraft');
    d.do('SEND_REQUEST', { receivedOn: '2026-01-05', proposedPlace: '工会会议室' }, union, '2026-01-05');
    expect(d.state).toBe('awaitingResponse');
    d.do('RESPONSE', { agrees: true }, employer, '2026-01-20')
      .do('NAME_REPRESENTATIVES', { side: 'union', members: members('U'), chiefBasis: '工会主席' }, union)
      .do('NAME_REPRESENTATIVES', { side: 'employer', members: members('E') }, employer)
      .do('APPOINT_RECORDER', { name: '记录员' }, union)
      .do('START_CONSULTATION', {}, union, '2026-01-26')
      .do('RECORD_MEETING', { heldOn: '2026-01-26', chairSide: 'union', attendees: ['U1', 'E1'], summary: '首轮协商', open: ['增幅'] }, union)
      .do('EDIT_DRAFT', { clauses }, union)
      .do('SUSPEND', { resumeBy: '2026-02-10', nextMeeting: { place: '会议室' } }, employer, '2026-01-27');
    expect(d.state).toBe('suspended');
    d.do('RESUME', {}, union, '2026-02-09')
      .do('DRAFT_AGREED', { draftVersion: 1 }, union)
      .do('RECORD_VOTE', { ...passingVote, yes: 12, no: 13, abstain: 0 }, union, '2026-02-12');
    expect(d.state).toBe('consulting');
    expect(d.ctx.votes[0].result).toBe('rejected');

    d.do('EDIT_DRAFT', { clauses: [...clauses, { topic: 'term', text: '一年', status: 'agreed' }] }, employer, '2026-02-15')
      .do('DRAFT_AGREED', { draftVersion: 2 }, employer)
      .do('RECORD_VOTE', passingVote, union, '2026-02-20')
      .do('SIGN_CONTRACT', { signedOn: '2026-02-21', termMonths: 12 }, employer, '2026-02-21')
      .do('SUBMIT_FOR_FILING', { receivedOn: '2026-02-24' }, employer, '2026-02-24');
    expect(d.state).toBe('underReview');
    d.do('REVIEW_OBJECTION', { opinion: '第3条低于最低工资', servedOn: '2026-03-05' }, officer, '2026-03-05');
    expect(d.state).toBe('consulting');

    d.do('EDIT_DRAFT', { clauses: [{ topic: 'pay', text: '月工资增长7%', status: 'agreed' }] }, union, '2026-03-08')
      .do('DRAFT_AGREED', { draftVersion: 3 }, union)
      .do('RECORD_VOTE', passingVote, union, '2026-03-15')
      .do('SIGN_CONTRACT', { signedOn: '2026-03-16', termMonths: 24 }, employer, '2026-03-16')
      .do('SUBMIT_FOR_FILING', { receivedOn: '2026-03-17', reviewDueOn: '2026-04-01' }, officer, '2026-03-17');
    expect(d.elapse('collective.review', '2026-04-01').ok).toBe(true);

    expect(d.state).toBe('inForce');
    const hash3 = contentHash(d.ctx.drafts[2].clauses);
    expect(d.ctx.votes.map((v) => v.result)).toEqual(['rejected', 'passed', 'passed']);
    expect(d.ctx.frozenDraft).toEqual({ version: 3, contentHash: hash3 });
    expect(d.ctx.contract).toEqual({
      version: 3, contentHash: hash3, signedOn: '2026-03-16', termMonths: 24, termStart: '2026-04-02', inForceOn: '2026-04-02', approval: 'deemed',
    });
    expect(d.ctx.objections).toHaveLength(1);
    expect(d.ctx.filing).toMatchObject({ receivedOn: '2026-03-17', reviewDueOn: '2026-04-01' });
    expect(d.ctx.draftVersion).toBe(3);
    expect(d.ctx.outcome).toBeNull();
    // The stored JSON is exactly the context: no undefined members that jsonb would drop.
    expect(JSON.parse(JSON.stringify(d.ctx))).toStrictEqual(d.ctx);
  });

  test('REVIEW_APPROVED puts the contract in force on the approval date; termStart may be given', () => {
    const d = tracked(toSigning()).do('SIGN_CONTRACT', { signedOn: '2026-02-05', termMonths: 12, termStart: '2026-03-01' }, employer);
    d.do('SUBMIT_FOR_FILING', { receivedOn: '2026-02-10' }, employer).do('REVIEW_APPROVED', {}, officer, '2026-02-18');
    expect(d.ctx.contract).toMatchObject({ inForceOn: '2026-02-18', termStart: '2026-03-01', approval: 'approved' });
  });
});

describe('refusal and coordination', () => {
  test('a refusal, escalation, coordination and conclusion into preparing (nobody named yet)', () => {
    const d = tracked(driver({ requester: 'employer' }))
      .do('SEND_REQUEST', { receivedOn: '2026-01-05' }, employer, '2026-01-05')
      .do('RESPONSE', { agrees: false, reason: '无意协商' }, union, '2026-01-08');
    expect(d.state).toBe('refused');
    expect(d.ctx.refusal).toEqual({ reason: 'refused', detail: '无意协商', on: '2026-01-08' });
    d.do('ESCALATE_TO_LABOR_BUREAU', { reason: '拒绝协商' }, employer).do('ACCEPT_COORDINATION', {}, officer, '2026-01-10');
    expect(d.state).toBe('coordination');
    expect(d.elapse('collective.coordination.term', '2026-02-09').ok).toBe(true);
    expect(d.ctx.warnings).toEqual([{ ruleId: 'collective.coordination.term', on: '2026-02-10' }]);
    d.do('COORDINATION_CONCLUDED', { result: '同意协商', openMatters: ['增幅'] }, officer);
    expect(d.state).toBe('preparing');
    expect(d.ctx.coordinations[0]).toMatchObject({ via: 'escalation', acceptedOn: '2026-01-10', result: '同意协商', openMatters: ['增幅'] });
  });

  test('no reply within the period: refused (no reply), then abandoned', () => {
    const d = tracked(driver()).do('SEND_REQUEST', { receivedOn: '2026-01-05' }, union, '2026-01-05');
    expect(d.elapse('collective.request.response', '2026-01-25').ok).toBe(true);
    expect(d.state).toBe('refused');
    expect(d.ctx.refusal).toEqual({ reason: 'no_reply', on: '2026-01-26' });
    d.do('ABANDON', { reason: '不再推进' }, union);
    expect(d.ctx).toMatchObject({ outcome: 'abandoned', closeDetail: { reason: '不再推进' } });
  });

  test('coordination concluded with everyone in place returns to consulting', () => {
    const d = tracked(toConsulting()).do('REQUEST_COORDINATION', { reason: '分歧' }, employer);
    d.do('COORDINATION_CONCLUDED', { result: '部分一致', openMatters: [] }, officer);
    expect(d.state).toBe('consulting');
  });

  test('an open vacancy sends the parties back to preparing; naming the side fills it', () => {
    const d = tracked(toConsulting())
      .do('REPORT_VACANCY', { side: 'employer', name: 'E2', reason: '离职' }, employer, '2026-01-20')
      .do('REQUEST_COORDINATION', { reason: '分歧' }, union)
      .do('COORDINATION_CONCLUDED', { result: 'r', openMatters: [] }, officer);
    expect(d.state).toBe('preparing');
    expect(d.elapse('collective.representatives.vacancy', '2026-02-04').ok).toBe(true);
    expect(d.ctx.warnings).toEqual([{ ruleId: 'collective.representatives.vacancy', on: '2026-02-05' }]);
    d.do('NAME_REPRESENTATIVES', { side: 'employer', members: members('F') }, employer, '2026-02-06');
    expect(d.ctx.vacancies).toEqual([{ side: 'employer', name: 'E2', reason: '离职', reportedOn: '2026-01-20', filledOn: '2026-02-06' }]);
  });
});

describe('warnings', () => {
  test.each([[6, true], [12, false], [36, false], [48, true]])('SIGN_CONTRACT with %i months: warning %s', (termMonths, warned) => {
    const d = toSigning().do('SIGN_CONTRACT', { signedOn: '2026-02-05', termMonths }, employer, '2026-02-05');
    expect(d.state).toBe('signed');
    expect(d.ctx.warnings).toEqual(warned ? [{ ruleId: 'collective.term.range', on: '2026-02-05' }] : []);
  });
  test('filing and publication overdue are warnings that keep the state', () => {
    const d = toSigning().do('SIGN_CONTRACT', { signedOn: '2026-02-05', termMonths: 12 }, employer, '2026-02-05');
    expect(d.elapse('collective.filing', '2026-02-15').ok).toBe(true);
    expect(d.state).toBe('signed');
    d.do('SUBMIT_FOR_FILING', { receivedOn: '2026-02-17' }, employer).do('REVIEW_APPROVED', {}, officer, '2026-02-20');
    expect(d.elapse('collective.publication', '2026-03-02').ok).toBe(true);
    d.do('PUBLISHED', { on: '2026-03-04', method: '厂务公开栏' }, union, '2026-03-04');
    expect(d.state).toBe('inForce');
    expect(d.ctx.warnings.map((w) => w.ruleId)).toEqual(['collective.filing', 'collective.publication']);
    expect(d.ctx.publications).toEqual([{ on: '2026-03-04', method: '厂务公开栏' }]);
  });
});

describe('renewal window and expiry', () => {
  test('RENEW in the window, then expiry: closed(renewed), with one linked case', () => {
    const d = tracked(toInForce());
    const before = d.ctx;
    expect(d.elapse('collective.renewalWindow', '2026-11-20').ok).toBe(true);
    expect(d.state).toBe('renewalWindow');
    expect(d.ctx.renewalWindowOpenedOn).toBe('2026-11-21');
    d.do('RENEW', { title: '2027年度工资专项集体合同' }, employer, '2026-12-01');
    expect(d.ctx.renewal).toEqual({ requestedOn: '2026-12-01', title: '2027年度工资专项集体合同', side: 'employer' });
    const [followUp, ...more] = collectiveDefinition.followUps!({ type: 'RENEW' }, before, d.ctx);
    expect(more).toEqual([]);
    expect(followUp).toEqual({
      type: 'OPEN_LINKED_CASE',
      kind: 'collective',
      body: {
        requester: 'employer', contractType: 'wages', scope: 'enterprise', title: '2027年度工资专项集体合同',
        unionOrganizationId: before.unionOrganizationId, employerOrganizationId: before.employerOrganizationId, topics: ['pay', 'working_hours'],
      },
    });
    // The service adds renewalOf; the body is a valid creation body.
    expect(collectiveDefinition.openSchema.safeParse({ ...followUp.body, renewalOf: randomUUID() }).success).toBe(true);
    expect(d.try('RENEW', {}, union)).toMatchObject({ ok: false, refusal: { kind: 'not_allowed' } });
    expect(d.elapse('collective.expiry', '2027-02-19').ok).toBe(true);
    expect(d.state).toBe('closed');
    expect(d.ctx).toMatchObject({ outcome: 'renewed', closedOn: '2027-02-20' });
  });

  test('no RENEW: closed(expired); followUps is empty for other events', () => {
    const d = toInForce();
    d.elapse('collective.renewalWindow', '2026-11-20');
    expect(collectiveDefinition.followUps!({ type: 'DEADLINE_ELAPSED' }, d.ctx, d.ctx)).toEqual([]);
    d.elapse('collective.expiry', '2027-02-19');
    expect(d.ctx.outcome).toBe('expired');
  });
});

describe('modification (CCP Arts 39-41)', () => {
  test('MODIFY keeps the contract in force; expiry during the modification ends it', () => {
    const d = tracked(toInForce());
    const contract = d.ctx.contract;
    d.do('MODIFY', { ground: 'agreed_condition' }, union, '2026-06-01');
    expect(d.state).toBe('consulting');
    expect(d.ctx.contract).toEqual(contract);
    expect(d.ctx.modification).toEqual({ ground: 'agreed_condition', on: '2026-06-01', termRestated: false });
    d.do('SUSPEND', { resumeBy: '2026-06-30' }, union);
    expect(d.elapse('collective.renewalWindow', '2026-11-20').ok).toBe(true);
    expect(d.state).toBe('suspended');
    expect(d.ctx.renewalWindowOpenedOn).toBe('2026-11-21');
    expect(d.elapse('collective.expiry', '2027-02-19').ok).toBe(true);
    expect(d.ctx.outcome).toBe('expired');
  });

  test('a modification on the same term, after the window opened, ends in the renewal window', () => {
    const d = toInForce().do('MODIFY', { ground: 'law' }, employer, '2026-10-01');
    d.elapse('collective.renewalWindow', '2026-11-20');
    expect(d.state).toBe('consulting');
    d.do('EDIT_DRAFT', { clauses: [{ topic: 'pay', text: '新标准' }] }, employer)
      .do('DRAFT_AGREED', { draftVersion: 2 }, union)
      .do('RECORD_VOTE', passingVote, union)
      .do('SIGN_CONTRACT', { signedOn: '2026-12-01', termMonths: 12 }, employer, '2026-12-01');
    expect(d.ctx.modification?.termRestated).toBe(false);
    expect(d.ctx.signedContract?.termStart).toBe('2026-02-20');
    d.do('SUBMIT_FOR_FILING', { receivedOn: '2026-12-02' }, employer).do('REVIEW_APPROVED', {}, officer, '2026-12-05');
    expect(d.state).toBe('renewalWindow');
    expect(d.ctx.contract).toMatchObject({ version: 2, termStart: '2026-02-20', termMonths: 12, inForceOn: '2026-12-05' });
    expect(d.ctx.previousContracts).toMatchObject([{ version: 1, supersededOn: '2026-12-05', ground: 'law' }]);
    expect(d.ctx.modification).toBeNull();
  });

  test('a modification that restates the term clears the flagged window and returns to inForce', () => {
    const d = toInForce().do('MODIFY', { ground: 'force_majeure' }, employer, '2026-10-01');
    d.elapse('collective.renewalWindow', '2026-11-20');
    d.do('DRAFT_AGREED', { draftVersion: 1 }, union).do('RECORD_VOTE', passingVote, union)
      .do('SIGN_CONTRACT', { signedOn: '2026-12-01', termMonths: 24 }, employer, '2026-12-01');
    expect(d.ctx.modification?.termRestated).toBe(true);
    expect(d.ctx.renewalWindowOpenedOn).toBeNull();
    d.do('SUBMIT_FOR_FILING', { receivedOn: '2026-12-02' }, employer);
    d.elapse('collective.review', '2026-12-17');
    expect(d.state).toBe('inForce');
    expect(d.ctx.contract).toMatchObject({ termMonths: 24, termStart: '2026-02-20', inForceOn: '2026-12-18', approval: 'deemed' });
  });

  test('contract deadlines outside a modification are not accepted in consulting', () => {
    const d = toConsulting();
    expect(d.elapse('collective.expiry', '2027-02-19')).toMatchObject({ ok: false, refusal: { kind: 'not_allowed' } });
    expect(d.elapse('collective.renewalWindow', '2026-11-20')).toMatchObject({ ok: false, refusal: { kind: 'not_allowed' } });
  });

  test('WITHDRAWN during a modification closes the case (domain.md: every state up to signing)', () => {
    const d = toInForce().do('MODIFY', { ground: 'law' }, employer).do('WITHDRAWN', { reason: '撤回变更' }, union);
    expect(d.ctx).toMatchObject({ outcome: 'withdrawn', closeDetail: { reason: '撤回变更' } });
  });
});

describe('every state', () => {
  test('WITHDRAWN closes each state up to and including signing', () => {
    const paths: Record<string, () => Driver> = {
      requestDraft: () => driver(),
      awaitingResponse: () => driver().do('SEND_REQUEST', { receivedOn: '2026-01-05' }, union),
      refused: () => driver().do('SEND_REQUEST', { receivedOn: '2026-01-05' }, union).do('RESPONSE', { agrees: false }, employer),
      preparing: () => toPreparing(),
      consulting: () => toConsulting(),
      suspended: () => toConsulting().do('SUSPEND', { resumeBy: '2026-03-01' }, union),
      coordination: () => toConsulting().do('REQUEST_COORDINATION', { reason: 'x' }, union),
      congressReview: () => toConsulting().do('EDIT_DRAFT', { clauses }, union).do('DRAFT_AGREED', { draftVersion: 1 }, union),
      signing: () => toSigning(),
    };
    for (const [state, path] of Object.entries(paths)) {
      const d = tracked(path());
      expect(d.state).toBe(state);
      d.do('WITHDRAWN', {}, union, '2026-03-01');
      expect(d.ctx).toMatchObject({ outcome: 'withdrawn', closedOn: '2026-03-01' });
    }
    expect(toUnderReview().try('WITHDRAWN', {}, union)).toMatchObject({ ok: false, refusal: { kind: 'not_allowed' } });
  });

  test('a closed case accepts nothing', () => {
    const d = driver().do('WITHDRAWN', {}, union);
    const decision = decide(collectiveDefinition, d.persisted, { type: 'SEND_REQUEST', receivedOn: '2026-01-05', occurredAt: '2026-01-06T00:00:00Z', actor: union });
    expect(decision).toMatchObject({ ok: false, refusal: { kind: 'not_allowed', state: 'closed', accepted: [] } });
  });

  test('the walks above reached every state of domain.md §3', () => {
    const states = Object.keys(collectiveMachine.states).sort();
    expect(states).toEqual([
      'awaitingResponse', 'closed', 'congressReview', 'consulting', 'coordination', 'inForce', 'preparing', 'refused',
      'renewalWindow', 'requestDraft', 'signed', 'signing', 'suspended', 'underReview',
    ]);
    expect([...visited].sort()).toEqual(states);
  });
});

describe('deemed approval recorded late (CCP Art 47)', () => {
  test('the contract is in force from the day after the review due date, not from the day the clock recorded it', () => {
    // Filed on 2026-02-10 (review due 2026-02-25), but the filing itself was recorded on 2026-03-20:
    // the review deadline had elapsed already and fires right after, stamped 2026-03-20.
    const d = toSigned()
      .do('SUBMIT_FOR_FILING', { receivedOn: '2026-02-10', reviewDueOn: '2026-02-25' }, employer, '2026-03-20')
      .do('DEADLINE_ELAPSED', { ruleId: 'collective.review' }, system, '2026-03-20');
    expect(d.state).toBe('inForce');
    expect(d.ctx.contract).toMatchObject({ inForceOn: '2026-02-26', termStart: '2026-02-26', approval: 'deemed' });
  });
});
