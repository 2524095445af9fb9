import { addDays } from '../shared/time';
import {
  compact, contentHash, eventDate, payloadOf, sameName, sideOfRole, voteResult,
  type Clause, type CollectiveContext, type Contract, type Outcome,
} from './collective.context';
import type { CollectiveMachineEvent, EventOf } from './collective.events';

/**
 * What each accepted event records, as pure functions (context, event) -> changed fields. The
 * machine wraps each in `assign`. Dates recorded as `on` are the Asia/Shanghai date of the event.
 */
type Ctx = CollectiveContext;
type Update = (ctx: Ctx, event: CollectiveMachineEvent) => Partial<Ctx>;

function on<T extends CollectiveMachineEvent['type']>(type: T, update: (ctx: Ctx, event: EventOf<T>) => Partial<Ctx>): Update {
  return (ctx, event) => (event.type === type ? update(ctx, event as EventOf<T>) : {});
}
const last = <T>(items: T[]): T | undefined => items[items.length - 1];
const side = (event: CollectiveMachineEvent) => sideOfRole(event.actor.role);
/** Replaces the current (last) coordination episode. */
const withCurrentCoordination = (ctx: Ctx, change: object) =>
  ctx.coordinations.map((c, i) => (i === ctx.coordinations.length - 1 ? { ...c, ...change } : c));

/** CCP Art 47 fallback when the service did not pass the calendar's due date: 15 calendar days, not rolled. */
const REVIEW_FALLBACK_DAYS = 15;
const TERM_RANGE = { min: 12, max: 36 };

export const updates = {
  recordRequest: on('SEND_REQUEST', (ctx, e) => ({
    request: { side: ctx.requester, ...payloadOf(e), sentOn: eventDate(e) },
  })),
  recordResponse: on('RESPONSE', (_ctx, e) => ({
    response: compact({ agrees: e.agrees, reason: e.reason, on: eventDate(e) }),
    refusal: e.agrees ? null : compact({ reason: 'refused' as const, detail: e.reason, on: eventDate(e) }),
  })),
  refuseNoReply: (_ctx, e) => ({ refusal: { reason: 'no_reply', on: eventDate(e) } }),
  escalate: on('ESCALATE_TO_LABOR_BUREAU', (ctx, e) => ({
    coordinations: [...ctx.coordinations, compact({ requestedOn: eventDate(e), via: 'escalation' as const, by: side(e), reason: e.reason, extensions: [] })],
  })),
  /** Replaces the side's list; naming a side fills that side's open vacancies (CCP Art 31). */
  nameRepresentatives: on('NAME_REPRESENTATIVES', (ctx, e) => ({
    representatives: { ...ctx.representatives, [e.side]: compact({ members: e.members, chiefBasis: e.chiefBasis, namedOn: eventDate(e) }) },
    vacancies: ctx.vacancies.map((v) => (v.side === e.side && v.filledOn === undefined ? { ...v, filledOn: eventDate(e) } : v)),
  })),
  appointRecorder: on('APPOINT_RECORDER', (_ctx, e) => ({ recorder: { name: e.name, appointedOn: eventDate(e) } })),
  reportVacancy: on('REPORT_VACANCY', (ctx, e) => ({
    vacancies: [...ctx.vacancies, compact({ side: e.side, name: e.name, reason: e.reason, reportedOn: eventDate(e) })],
  })),
  recordMeeting: on('RECORD_MEETING', (ctx, e) => ({ meetings: [...ctx.meetings, { no: ctx.meetings.length + 1, ...payloadOf(e) }] })),
  editDraft: on('EDIT_DRAFT', (ctx, e) => {
    const version = ctx.draftVersion + 1;
    // A clause carried over word for word (same topic, same place among that topic's clauses, same
    // text) keeps its proposer: resubmitting the whole set does not make the editor its author.
    const previous = last(ctx.drafts)?.clauses ?? [];
    const seen = new Map<string, number>();
    const clauses: Clause[] = e.clauses.map((c) => {
      const index = seen.get(c.topic) ?? 0;
      seen.set(c.topic, index + 1);
      const before = previous.filter((p) => p.topic === c.topic)[index];
      const carried = before && before.text === c.text ? before.proposedBy : undefined;
      return {
        topic: c.topic,
        text: c.text,
        status: c.status ?? 'proposed',
        // Without a side (an officer driving the machine in tests), the requester proposes.
        proposedBy: c.proposedBy ?? carried ?? side(e) ?? ctx.requester,
      };
    });
    return { drafts: [...ctx.drafts, { version, clauses, createdAt: e.occurredAt, editedBy: side(e) }], draftVersion: version };
  }),
  suspend: on('SUSPEND', (ctx, e) => ({ suspensions: [...ctx.suspensions, { on: eventDate(e), ...payloadOf(e) }] })),
  resume: (ctx, e) => ({
    suspensions: ctx.suspensions.map((s, i) => (i === ctx.suspensions.length - 1 ? { ...s, resumedOn: eventDate(e) } : s)),
  }),
  requestCoordination: on('REQUEST_COORDINATION', (ctx, e) => ({
    coordinations: [...ctx.coordinations, compact({ requestedOn: eventDate(e), via: 'request' as const, by: side(e), reason: e.reason, extensions: [] })],
  })),
  acceptCoordination: (ctx, e) => ({ coordinations: withCurrentCoordination(ctx, { acceptedOn: eventDate(e) }) }),
  extendCoordination: on('EXTEND_COORDINATION', (ctx, e) => ({
    coordinations: withCurrentCoordination(ctx, { extensions: [...(last(ctx.coordinations)?.extensions ?? []), { days: e.days, on: eventDate(e) }] }),
  })),
  concludeCoordination: on('COORDINATION_CONCLUDED', (ctx, e) => ({
    coordinations: withCurrentCoordination(ctx, { concludedOn: eventDate(e), result: e.result, openMatters: e.openMatters }),
  })),
  agreeDraft: on('DRAFT_AGREED', (_ctx, e) => ({ agreedDraftVersion: e.draftVersion })),
  /** Every attempt is kept; a passed vote freezes the agreed version and its content hash. */
  recordVote: on('RECORD_VOTE', (ctx, e) => {
    const result = voteResult(ctx, e);
    const draft = ctx.drafts.find((d) => d.version === ctx.agreedDraftVersion);
    const frozenDraft = result === 'passed' && draft ? { version: draft.version, contentHash: contentHash(draft.clauses) } : undefined;
    const vote = compact({ ...payloadOf(e), recordedOn: eventDate(e), draftVersion: ctx.agreedDraftVersion, result, frozenDraft });
    return { votes: [...ctx.votes, vote], ...(frozenDraft ? { frozenDraft } : {}) };
  }),
  /**
   * Signs the frozen text. In a modification, the term is restated when it differs from the
   * contract in force; an omitted termStart then keeps the contract's start (the contract is
   * amended, not restarted). Outside 12-36 months: a warning, not a refusal (CCP Art 38 "一般").
   */
  signContract: on('SIGN_CONTRACT', (ctx, e) => {
    const inForce = ctx.modification ? ctx.contract : null;
    const termStart = e.termStart ?? inForce?.termStart ?? null;
    const termRestated = inForce !== null && (e.termMonths !== inForce.termMonths || termStart !== inForce.termStart);
    const outOfRange = e.termMonths < TERM_RANGE.min || e.termMonths > TERM_RANGE.max;
    return {
      signedContract: { ...ctx.frozenDraft!, signedOn: e.signedOn, termMonths: e.termMonths, termStart },
      ...(ctx.modification ? { modification: { ...ctx.modification, termRestated } } : {}),
      // A restated term reschedules the contract's deadlines: a window flagged for the old term is gone.
      ...(termRestated ? { renewalWindowOpenedOn: null } : {}),
      ...(outOfRange ? { warnings: [...ctx.warnings, { ruleId: 'collective.term.range', on: eventDate(e) }] } : {}),
    };
  }),
  /** A bureau named on filing becomes a participant; one named at opening is kept. */
  submitForFiling: on('SUBMIT_FOR_FILING', (ctx, e) => ({
    filing: {
      receivedOn: e.receivedOn,
      reviewDueOn: e.reviewDueOn ?? addDays(e.receivedOn, REVIEW_FALLBACK_DAYS),
      reviewDueSource: e.reviewDueOn ? 'calendar' : 'fallback',
      on: eventDate(e),
    },
    laborBureauId: ctx.laborBureauId ?? e.laborBureauId ?? null,
  })),
  recordObjection: on('REVIEW_OBJECTION', (ctx, e) => ({
    objections: [...ctx.objections, { opinion: e.opinion, servedOn: e.servedOn, on: eventDate(e) }],
  })),
  publish: on('PUBLISHED', (ctx, e) => ({ publications: [...ctx.publications, { on: e.on, method: e.method }] })),
  modify: on('MODIFY', (_ctx, e) => ({ modification: { ground: e.ground, on: eventDate(e), termRestated: false } })),
  openRenewalWindow: (_ctx, e) => ({ renewalWindowOpenedOn: eventDate(e) }),
  renew: on('RENEW', (_ctx, e) => ({ renewal: compact({ requestedOn: eventDate(e), title: e.title, side: side(e) }) })),
  warn: on('DEADLINE_ELAPSED', (ctx, e) => ({ warnings: [...ctx.warnings, { ruleId: e.ruleId, on: eventDate(e) }] })),
} satisfies Record<string, Update>;

/** Entry into force (approved, or deemed by CCP Art 47): the signed text becomes the contract. */
export function enterInForce(ctx: Ctx, event: CollectiveMachineEvent, approval: Contract['approval']): Partial<Ctx> {
  const signed = ctx.signedContract!;
  // Deemed approval takes effect the day after the review period's last day (CCP Art 47), even
  // when the DEADLINE_ELAPSED is recorded later (a filing recorded after the period ran out).
  const inForceOn = approval === 'deemed' && ctx.filing?.reviewDueOn ? addDays(ctx.filing.reviewDueOn, 1) : eventDate(event);
  const contract: Contract = { ...signed, termStart: signed.termStart ?? inForceOn, inForceOn, approval };
  const superseded = ctx.modification && ctx.contract
    ? [...ctx.previousContracts, { ...ctx.contract, supersededOn: inForceOn, ground: ctx.modification.ground }]
    : ctx.previousContracts;
  return { contract, previousContracts: superseded, modification: null };
}

/** Entering `closed`: the only place an outcome is set. */
export function close(_ctx: Ctx, event: CollectiveMachineEvent, outcome: Outcome): Partial<Ctx> {
  const detail = compact({
    reason: 'reason' in event && typeof event.reason === 'string' ? event.reason : undefined,
    ground: event.type === 'RESCIND' ? event.ground : undefined,
  });
  return { outcome, closedOn: eventDate(event), closeDetail: Object.keys(detail).length ? detail : null };
}

/** Representatives and recorder in place for consultation (COORDINATION_CONCLUDED's branch). */
export function readyToConsult(ctx: Ctx): boolean {
  const { union, employer } = ctx.representatives;
  return (
    union !== null && employer !== null && union.members.length === employer.members.length &&
    ctx.recorder !== null && !ctx.vacancies.some((v) => v.filledOn === undefined) &&
    ![...union.members, ...employer.members].some((m) => sameName(m.name, ctx.recorder!.name))
  );
}
