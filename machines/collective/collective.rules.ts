import { cite } from '../shared/citation';
import type { LegalRule, RuleBook } from '../shared/legal-rule';
import { sameName, type CollectiveContext } from './collective.context';
import { RESCISSION_GROUNDS, type CollectiveMachineEvent, type EventOf, type Member, type Side } from './collective.events';

/**
 * The legal rules the collective machine's `legal(...)` guards enforce (domain.md §3). Each rule
 * only looks at the event type it is attached to; for any other type it holds, so a rule can
 * never refuse an event it was not written for.
 *
 * Topics note: EDIT_DRAFT accepts any CCP Art 8 topic (schema enum), not only the case's
 * `topics`. The case's topics are the agenda of the request; Art 8 lets the parties consult on
 * "one or more" contents, and every contract needs clauses such as `term` (Art 38) or
 * `liability` that a wages-only agenda would not list. So there is no rule restricting them.
 */
type Rule = LegalRule<CollectiveContext, CollectiveMachineEvent>;

function onEvent<T extends CollectiveMachineEvent['type']>(type: T, check: (ctx: CollectiveContext, event: EventOf<T>) => boolean) {
  return (ctx: CollectiveContext, event: CollectiveMachineEvent) => event.type !== type || check(ctx, event as EventOf<T>);
}

const otherSide = (side: Side): Side => (side === 'union' ? 'employer' : 'union');
const listOf = (ctx: CollectiveContext, side: Side): Member[] => ctx.representatives[side]?.members ?? [];
const isRepresentative = (ctx: CollectiveContext, name: string) =>
  [...listOf(ctx, 'union'), ...listOf(ctx, 'employer')].some((m) => sameName(m.name, name));

/** CCP Art 19: each side has at least 3 representatives and exactly one chief. */
const repsMinimum: Rule = {
  id: 'collective.reps.minimum',
  citation: cite('CCP', 19),
  description: 'Each side names at least 3 representatives, exactly one of whom is its chief representative.',
  holds: onEvent('NAME_REPRESENTATIVES', (_ctx, e) => e.members.length >= 3 && e.members.filter((m) => m.chief).length === 1),
};

/** CCP Art 23: outside professionals are at most one third of a side. */
const repsExternalShare: Rule = {
  id: 'collective.reps.externalShare',
  citation: cite('CCP', 23),
  description: 'Outside professionals may make up at most one third of a side’s representatives.',
  holds: onEvent('NAME_REPRESENTATIVES', (_ctx, e) => e.members.filter((m) => m.external).length * 3 <= e.members.length),
};

/** CCP Art 23: the chief representative may not be someone from outside the unit. */
const repsExternalChief: Rule = {
  id: 'collective.reps.externalChief',
  citation: cite('CCP', 23),
  description: 'The chief representative may not be an outsider.',
  holds: onEvent('NAME_REPRESENTATIVES', (_ctx, e) => !e.members.some((m) => m.chief && m.external)),
};

/** CCP Art 24: nobody represents both the employer and the workers. */
const repsBothSides: Rule = {
  id: 'collective.reps.bothSides',
  citation: cite('CCP', 24),
  description: 'No one may be a representative of both sides.',
  holds: onEvent('NAME_REPRESENTATIVES', (ctx, e) =>
    !e.members.some((m) => listOf(ctx, otherSide(e.side)).some((o) => sameName(o.name, m.name))),
  ),
};

/** CCP Art 19: consultation starts with both sides named in equal numbers. */
const repsEqual: Rule = {
  id: 'collective.reps.equal',
  citation: cite('CCP', 19),
  description: 'Both sides must have named their representatives, in equal numbers, before consultation starts.',
  holds: (ctx) =>
    ctx.representatives.union !== null &&
    ctx.representatives.employer !== null &&
    ctx.representatives.union.members.length === ctx.representatives.employer.members.length,
};

/** CCP Art 33: a recorder is jointly appointed before consultation. */
const recorderRequired: Rule = {
  id: 'collective.recorder.required',
  citation: cite('CCP', 33),
  description: 'The two sides must jointly appoint a recorder before consultation starts.',
  holds: (ctx) => ctx.recorder !== null,
};

/**
 * CCP Art 33: the recorder is not a representative. Also checked when a list is named after the
 * recorder was appointed, so the invariant cannot be broken from the other end.
 */
const recorderNotRepresentative: Rule = {
  id: 'collective.recorder.notRepresentative',
  citation: cite('CCP', 33),
  description: 'The recorder must not be one of the representatives.',
  holds: (ctx, e) => {
    if (e.type === 'APPOINT_RECORDER') return !isRepresentative(ctx, e.name);
    if (e.type === 'NAME_REPRESENTATIVES') return ctx.recorder === null || !e.members.some((m) => sameName(m.name, ctx.recorder!.name));
    return true;
  },
};

/** CCP Art 36: the vote's figures are coherent (domain.md §3: present <= total, yes + no + abstain <= present). */
const voteCounts: Rule = {
  id: 'collective.vote.counts',
  citation: cite('CCP', 36),
  description: 'Those present cannot exceed the total, and yes + no + abstain cannot exceed those present.',
  holds: onEvent('RECORD_VOTE', (_ctx, e) => e.present <= e.total && e.yes + e.no + e.abstain <= e.present),
};

/** CCP Art 45: an objection is served within 15 days of the bureau receiving the text. */
const objectionInTime: Rule = {
  id: 'collective.review.objectionInTime',
  citation: cite('CCP', 45),
  description: 'The review opinion must be served on or before the review due date; later, the contract is already in force.',
  holds: onEvent('REVIEW_OBJECTION', (ctx, e) => ctx.filing !== null && e.servedOn <= ctx.filing.reviewDueOn),
};

/** CCP Art 40: a contract is rescinded only on one of the statutory grounds. */
const rescindGround: Rule = {
  id: 'collective.rescind.ground',
  citation: cite('CCP', 40),
  description: `A collective contract may be rescinded only on a ground of Art 40: ${RESCISSION_GROUNDS.join(', ')}.`,
  holds: onEvent('RESCIND', (_ctx, e) => (RESCISSION_GROUNDS as readonly string[]).includes(e.ground)),
};

/** CCP Art 52: coordination may be extended by at most 15 days in total. */
const coordinationExtension: Rule = {
  id: 'collective.coordination.extension',
  citation: cite('CCP', 52),
  description: 'Coordination (30 days) may be extended by at most 15 days in total.',
  holds: onEvent('EXTEND_COORDINATION', (ctx, e) => {
    const current = ctx.coordinations[ctx.coordinations.length - 1];
    const used = current ? current.extensions.reduce((sum, x) => sum + x.days, 0) : 0;
    return used + e.days <= 15;
  }),
};

/** CCP Art 34: what goes to the congress is the draft the chiefs signed, so it must exist. */
const draftExists: Rule = {
  id: 'collective.draft.exists',
  citation: cite('CCP', 34),
  description: 'The agreed draft must be a version recorded in the case.',
  holds: onEvent('DRAFT_AGREED', (ctx, e) => ctx.drafts.some((d) => d.version === e.draftVersion)),
};

export const collectiveRules: RuleBook<CollectiveContext, CollectiveMachineEvent> = Object.fromEntries(
  [
    repsMinimum, repsExternalShare, repsExternalChief, repsBothSides, repsEqual, recorderRequired,
    recorderNotRepresentative, voteCounts, objectionInTime, rescindGround, coordinationExtension, draftExists,
  ].map((rule) => [rule.id, rule]),
);
