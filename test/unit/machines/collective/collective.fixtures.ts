import { randomUUID } from 'node:crypto';
import { decide, open, type Decision, type PersistedCase } from '../../../../machines/engine';
import { collectiveDefinition } from '../../../../machines/collective';
import type { CollectiveContext } from '../../../../machines/collective/collective.context';
import type { Actor } from '../../../../machines/shared/case-event';
import { endOfShanghaiDay } from '../../../../machines/shared/time';

/** Shared set-up for the collective machine tests: a case driven through the pure engine. */
export const def = collectiveDefinition;

export const union: Actor = { id: 'user-union', role: 'union_rep' };
export const employer: Actor = { id: 'user-employer', role: 'employer_rep' };
export const officer: Actor = { id: 'user-officer', role: 'labor_officer' };
export const system: Actor = { id: null, role: 'system' };

export function openBody(overrides: Record<string, unknown> = {}) {
  return {
    requester: 'union',
    contractType: 'wages',
    scope: 'enterprise',
    title: '2026年度工资专项集体合同',
    unionOrganizationId: randomUUID(),
    employerOrganizationId: randomUUID(),
    topics: ['pay', 'working_hours'],
    ...overrides,
  };
}

/** A side's list: `n` internal members, the first one chief, plus options. */
export function members(prefix: string, n = 3, extra: { external?: number; chiefs?: number; externalChief?: boolean } = {}) {
  return Array.from({ length: n }, (_, i) => ({
    name: `${prefix}${i + 1}`,
    chief: i < (extra.chiefs ?? 1),
    external: (extra.externalChief && i === 0) || (i > 0 && i <= (extra.external ?? 0)),
  }));
}

/** `2026-03-02` -> 10:00 that day in Shanghai; a full instant is kept as given. */
export const instant = (at: string) => (at.includes('T') ? at : `${at}T02:00:00.000Z`);

export interface Driver {
  persisted: PersistedCase;
  readonly state: string;
  readonly ctx: CollectiveContext;
  /** Applies the event and returns the decision, keeping the case as it was when refused. */
  try(type: string, payload?: Record<string, unknown>, as?: Actor, at?: string): Decision;
  /** Applies an event that must be accepted. */
  do(type: string, payload?: Record<string, unknown>, as?: Actor, at?: string): Driver;
  /** DEADLINE_ELAPSED of `ruleId` at 24:00 Shanghai of `dueOn` (the next day's 00:00). */
  elapse(ruleId: string, dueOn: string): Decision;
}

export function driver(bodyOverrides: Record<string, unknown> = {}, openedAt = '2026-01-05T02:00:00.000Z'): Driver {
  const opened = open(def, { ...(def.openSchema.parse(openBody(bodyOverrides)) as object), openedAt });
  let last = openedAt;
  const d: Driver = {
    persisted: JSON.parse(JSON.stringify(opened.persisted)),
    get state() {
      return decideState(d.persisted);
    },
    get ctx() {
      return d.persisted.context as CollectiveContext;
    },
    try(type, payload = {}, as = union, at) {
      if (at) last = instant(at);
      const decision = decide(def, d.persisted, { type, ...payload, occurredAt: last, actor: as });
      // Stored as jsonb and read back, as the service does: the machine must work on the JSON.
      if (decision.ok) d.persisted = JSON.parse(JSON.stringify(decision.persisted));
      return decision;
    },
    do(type, payload = {}, as = union, at) {
      const decision = d.try(type, payload, as, at);
      if (!decision.ok) throw new Error(`${type} refused in ${d.state}: ${JSON.stringify(decision.refusal)}`);
      return d;
    },
    elapse(ruleId, dueOn) {
      return d.try('DEADLINE_ELAPSED', { ruleId }, system, endOfShanghaiDay(dueOn));
    },
  };
  return d;
}

function decideState(persisted: PersistedCase): string {
  return typeof persisted.value === 'string' ? persisted.value : JSON.stringify(persisted.value);
}

export const clauses = [
  { topic: 'pay', text: '月工资平均增长6%' },
  { topic: 'working_hours', text: '标准工时每日8小时' },
];

/** Requested on 2026-01-05, agreed, both sides named, recorder appointed: `preparing`, ready. */
export function toPreparing(d = driver()): Driver {
  return d
    .do('SEND_REQUEST', { receivedOn: '2026-01-05' }, union, '2026-01-05')
    .do('RESPONSE', { agrees: true }, employer, '2026-01-10')
    .do('NAME_REPRESENTATIVES', { side: 'union', members: members('U') }, union, '2026-01-12')
    .do('NAME_REPRESENTATIVES', { side: 'employer', members: members('E') }, employer, '2026-01-12')
    .do('APPOINT_RECORDER', { name: '记录员' }, employer, '2026-01-13');
}

export function toConsulting(d = driver()): Driver {
  return toPreparing(d).do('START_CONSULTATION', {}, union, '2026-01-15');
}

export function toCongressReview(d = driver()): Driver {
  return toConsulting(d)
    .do('EDIT_DRAFT', { clauses }, union, '2026-01-20')
    .do('DRAFT_AGREED', { draftVersion: 1 }, employer, '2026-01-25');
}

export const passingVote = {
  body: 'workers_congress', total: 30, present: 25, yes: 20, no: 3, abstain: 2, method: 'secret_ballot', heldOn: '2026-02-02',
};

export function toSigning(d = driver()): Driver {
  return toCongressReview(d).do('RECORD_VOTE', passingVote, union, '2026-02-02');
}

export function toSigned(d = driver()): Driver {
  return toSigning(d).do('SIGN_CONTRACT', { signedOn: '2026-02-05', termMonths: 12 }, employer, '2026-02-05');
}

/** Filed: received 2026-02-10, review due 2026-02-25 (fallback, no calendar date given). */
export function toUnderReview(d = driver()): Driver {
  return toSigned(d).do('SUBMIT_FOR_FILING', { receivedOn: '2026-02-10' }, employer, '2026-02-10');
}

/** In force on 2026-02-20 by approval; term 12 months from then. */
export function toInForce(d = driver()): Driver {
  return toUnderReview(d).do('REVIEW_APPROVED', {}, officer, '2026-02-20');
}
