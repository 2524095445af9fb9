/**
 * Who may send which dispute event (domain.md §5). Pure: the service has already checked that
 * the actor's organization takes part in the case; this decides by role, event and case data.
 * A `false` here is a 403, checked before the state (409) and the rules (422).
 */
import type { Actor } from '../shared/case-event';
import type { DisputeContext } from './dispute.context';
import { disputeEventTypes, type DisputeEventType } from './dispute.events';
import type { DisputeOpenBody } from './dispute.open';

type EventLike = { type: string; [field: string]: unknown };

/**
 * What a union representative may send for the applicant in a case the union assists.
 * PERFORMED / NOT_PERFORMED are for the settlement only (§5): see SETTLEMENT_ONLY.
 */
const UNION_EVENTS: ReadonlySet<string> = new Set<DisputeEventType>([
  'CONSULTATION_EXTENDED',
  'SETTLEMENT_REACHED',
  'CONSULTATION_FAILED',
  'APPLY_MEDIATION',
  'PERFORMED',
  'NOT_PERFORMED',
  'WITHDRAWN',
]);

/** Performance a union representative reports only of a settlement, never of a mediation agreement. */
const SETTLEMENT_ONLY: ReadonlySet<string> = new Set(['PERFORMED', 'NOT_PERFORMED']);

/** The respondent's own acts; SIGN only as the respondent. */
const EMPLOYER_EVENTS: ReadonlySet<string> = new Set<DisputeEventType>([
  'CONSULTATION_AGREED',
  'CONSULTATION_REFUSED',
  'SIGN',
  'PERFORMED',
  'NOT_PERFORMED',
]);

const KNOWN_EVENTS: ReadonlySet<string> = new Set<string>(disputeEventTypes);

export function maySend(actor: Actor, event: EventLike, context: DisputeContext): boolean {
  if (!KNOWN_EVENTS.has(event.type)) return false;
  // Deadlines are the system's alone, and the system sends nothing else.
  if (event.type === 'DEADLINE_ELAPSED' || actor.role === 'system') {
    return event.type === 'DEADLINE_ELAPSED' && actor.role === 'system';
  }
  switch (actor.role) {
    case 'mediator':
      // The mediator records the parties' signatures, consents, reports and withdrawals.
      return true;
    case 'union_rep':
      // A mediation agreement exists only once the case is past AGREEMENT_DRAFTED: its performance is the committee's to record.
      if (SETTLEMENT_ONLY.has(event.type) && context?.agreement) return false;
      return Boolean(context?.unionOrganizationId) && UNION_EVENTS.has(event.type);
    case 'employer_rep':
      // A bare { type } (the case's nextEvents) asks whether some form of the event is allowed.
      if (event.type === 'SIGN') return event.signatory === undefined || event.signatory === 'respondent';
      return EMPLOYER_EVENTS.has(event.type);
    default:
      // labor_officer, auditor, admin: no dispute events.
      return false;
  }
}

/**
 * Mediators open on either route; a union representative opens a consultation it assists, so
 * the body must name the union (otherwise the case would be invisible to that union).
 */
export function mayOpen(actor: Actor, body: Partial<DisputeOpenBody> | undefined): boolean {
  if (actor.role === 'mediator') return true;
  if (actor.role === 'union_rep') return body?.route === 'consultation' && Boolean(body.unionOrganizationId);
  return false;
}

/** Organizations taking part in the case (visibility, §5). */
export function participants(context: DisputeContext): string[] {
  return [context.mediationCommitteeId, context.employerOrganizationId, context.unionOrganizationId].filter(
    (id): id is string => typeof id === 'string' && id.length > 0,
  );
}

/** Searchable party names. */
export function partyNames(context: DisputeContext): string[] {
  return [context.applicant?.name, context.respondent?.name].filter((name): name is string => Boolean(name));
}
