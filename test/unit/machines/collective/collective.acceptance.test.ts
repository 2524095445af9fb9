import { collectiveDefinition } from '../../../../machines/collective';
import { acceptedEvents, decide, restore, type PersistedCase } from '../../../../machines/engine';
import { endOfShanghaiDay } from '../../../../machines/shared/time';
import {
  clauses, driver, employer, members, officer, passingVote, system, toConsulting, toInForce, toPreparing, toSigned, toSigning, toUnderReview, union,
  type Driver,
} from './collective.fixtures';

/** A valid payload for every client event, so that only the state decides 409 or not. */
const samples: Record<string, Record<string, unknown>> = {
  SEND_REQUEST: { receivedOn: '2026-01-05' },
  RESPONSE: { agrees: true },
  ESCALATE_TO_LABOR_BUREAU: {},
  ABANDON: {},
  NAME_REPRESENTATIVES: { side: 'union', members: members('N') },
  APPOINT_RECORDER: { name: '另一记录员' },
  REPORT_VACANCY: { side: 'union', name: 'U1' },
  START_CONSULTATION: {},
  RESUME: {},
  REVIEW_APPROVED: {},
  ACCEPT_COORDINATION: {},
  RENEW: {},
  EXTEND_COORDINATION: { days: 5 },
  RECORD_MEETING: { heldOn: '2026-03-01', chairSide: 'employer', attendees: ['U1'], summary: 's' },
  EDIT_DRAFT: { clauses },
  SUSPEND: { resumeBy: '2026-04-01' },
  REQUEST_COORDINATION: { reason: 'r' },
  COORDINATION_CONCLUDED: { result: 'r', openMatters: [] },
  DRAFT_AGREED: { draftVersion: 1 },
  RECORD_VOTE: passingVote,
  SIGN_CONTRACT: { signedOn: '2026-03-01', termMonths: 12 },
  SUBMIT_FOR_FILING: { receivedOn: '2026-03-01' },
  REVIEW_OBJECTION: { opinion: 'o', servedOn: '2026-02-20' },
  PUBLISHED: { on: '2026-03-01', method: '公告' },
  MODIFY: { ground: 'law' },
  RESCIND: { ground: 'law', agreedByBothSides: true },
  WITHDRAWN: {},
};

const paths: Record<string, () => Driver> = {
  requestDraft: () => driver(),
  awaitingResponse: () => driver().do('SEND_REQUEST', { receivedOn: '2026-01-05' }, union),
  refused: () => driver().do('SEND_REQUEST', { receivedOn: '2026-01-05' }, union).do('RESPONSE', { agrees: false }, employer),
  preparing: () => toPreparing(),
  consulting: () => toConsulting().do('EDIT_DRAFT', { clauses }, union),
  suspended: () => toConsulting().do('SUSPEND', { resumeBy: '2026-03-01' }, union),
  coordination: () => toConsulting().do('REQUEST_COORDINATION', { reason: 'x' }, union).do('ACCEPT_COORDINATION', {}, officer),
  congressReview: () => toConsulting().do('EDIT_DRAFT', { clauses }, union).do('DRAFT_AGREED', { draftVersion: 1 }, union),
  signing: () => toSigning(),
  signed: () => toSigned(),
  underReview: () => toUnderReview(),
  inForce: () => toInForce(),
  renewalWindow: () => {
    const d = toInForce();
    d.elapse('collective.renewalWindow', '2026-11-20');
    return d;
  },
  closed: () => driver().do('WITHDRAWN', {}, union),
};

/** domain.md §3: the events each state accepts (DEADLINE_ELAPSED where a rule owns the state). */
const accepts: Record<string, string[]> = {
  requestDraft: ['SEND_REQUEST', 'WITHDRAWN'],
  awaitingResponse: ['DEADLINE_ELAPSED', 'RESPONSE', 'WITHDRAWN'],
  refused: ['ABANDON', 'ESCALATE_TO_LABOR_BUREAU', 'WITHDRAWN'],
  preparing: ['APPOINT_RECORDER', 'DEADLINE_ELAPSED', 'NAME_REPRESENTATIVES', 'REPORT_VACANCY', 'START_CONSULTATION', 'WITHDRAWN'],
  consulting: ['DEADLINE_ELAPSED', 'DRAFT_AGREED', 'EDIT_DRAFT', 'NAME_REPRESENTATIVES', 'RECORD_MEETING', 'REPORT_VACANCY', 'REQUEST_COORDINATION', 'SUSPEND', 'WITHDRAWN'],
  suspended: ['DEADLINE_ELAPSED', 'NAME_REPRESENTATIVES', 'REPORT_VACANCY', 'RESUME', 'WITHDRAWN'],
  coordination: ['ACCEPT_COORDINATION', 'COORDINATION_CONCLUDED', 'DEADLINE_ELAPSED', 'EXTEND_COORDINATION', 'WITHDRAWN'],
  congressReview: ['DEADLINE_ELAPSED', 'RECORD_VOTE', 'WITHDRAWN'],
  signing: ['DEADLINE_ELAPSED', 'SIGN_CONTRACT', 'WITHDRAWN'],
  signed: ['DEADLINE_ELAPSED', 'SUBMIT_FOR_FILING'],
  underReview: ['DEADLINE_ELAPSED', 'REVIEW_APPROVED', 'REVIEW_OBJECTION'],
  inForce: ['DEADLINE_ELAPSED', 'MODIFY', 'PUBLISHED', 'RESCIND'],
  renewalWindow: ['DEADLINE_ELAPSED', 'RENEW'],
  closed: [],
};

/** domain.md §1: the deadline rules whose owning states include each state (no modification running). */
const deadlines: Record<string, string[]> = {
  requestDraft: [],
  awaitingResponse: ['collective.request.response'],
  refused: [],
  preparing: ['collective.representatives.vacancy'],
  consulting: ['collective.representatives.vacancy'],
  suspended: ['collective.representatives.vacancy'],
  coordination: ['collective.coordination.term'],
  congressReview: [],
  signing: [],
  signed: ['collective.filing'],
  underReview: ['collective.review'],
  inForce: ['collective.expiry', 'collective.publication', 'collective.renewalWindow'],
  renewalWindow: ['collective.expiry'],
  closed: [],
};

const deadlineRules = [
  'collective.request.response', 'collective.representatives.vacancy', 'collective.coordination.term', 'collective.filing',
  'collective.review', 'collective.publication', 'collective.renewalWindow', 'collective.expiry',
];

const LATER = '2026-12-31T02:00:00.000Z';

describe.each(Object.keys(paths))('state %s', (state) => {
  let persisted: PersistedCase;
  beforeAll(() => {
    const d = paths[state]();
    expect(d.state).toBe(state);
    persisted = d.persisted;
  });

  test('lists exactly the events of the diagram', () => {
    expect(acceptedEvents(restore(collectiveDefinition, persisted))).toEqual(accepts[state]);
  });

  test.each(Object.keys(samples))('%s: accepted by the state or 409', (type) => {
    const decision = decide(collectiveDefinition, persisted, { type, ...samples[type], occurredAt: LATER, actor: union });
    const notAllowed = !decision.ok && decision.refusal.kind === 'not_allowed';
    expect(notAllowed).toBe(!accepts[state].includes(type));
  });

  test.each(deadlineRules)('DEADLINE_ELAPSED %s: handled or 409', (ruleId) => {
    const decision = decide(collectiveDefinition, persisted, { type: 'DEADLINE_ELAPSED', ruleId, occurredAt: endOfShanghaiDay('2026-12-30'), actor: system });
    expect(decision.ok).toBe(deadlines[state].includes(ruleId));
    if (!decision.ok) expect(decision.refusal.kind).toBe('not_allowed');
  });
});

describe('during a modification the contract deadlines are accepted in every procedural state', () => {
  const modifying: Record<string, (d: Driver) => Driver> = {
    consulting: (d) => d,
    suspended: (d) => d.do('SUSPEND', { resumeBy: '2026-09-01' }, union),
    coordination: (d) => d.do('REQUEST_COORDINATION', { reason: 'x' }, union),
    preparing: (d) =>
      d.do('REPORT_VACANCY', { side: 'union', name: 'U2' }, union).do('REQUEST_COORDINATION', { reason: 'x' }, union).do('COORDINATION_CONCLUDED', { result: 'r', openMatters: [] }, { id: 'o', role: 'labor_officer' }),
    congressReview: (d) => d.do('DRAFT_AGREED', { draftVersion: 1 }, union),
    signing: (d) => d.do('DRAFT_AGREED', { draftVersion: 1 }, union).do('RECORD_VOTE', passingVote, union),
    signed: (d) => modifying.signing(d).do('SIGN_CONTRACT', { signedOn: '2026-08-01', termMonths: 12 }, employer),
    underReview: (d) => modifying.signed(d).do('SUBMIT_FOR_FILING', { receivedOn: '2026-08-02' }, employer),
  };
  test.each(Object.keys(modifying))('%s: renewal window flagged, expiry closes', (state) => {
    const d = modifying[state](toInForce().do('MODIFY', { ground: 'law' }, union, '2026-07-01'));
    expect(d.state).toBe(state);
    expect(d.elapse('collective.renewalWindow', '2026-11-20').ok).toBe(true);
    expect(d.state).toBe(state);
    expect(d.ctx.renewalWindowOpenedOn).toBe('2026-11-21');
    expect(d.elapse('collective.expiry', '2027-02-19').ok).toBe(true);
    expect(d.ctx.outcome).toBe('expired');
  });
});
