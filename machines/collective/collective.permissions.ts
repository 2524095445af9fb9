import type { Actor } from '../shared/case-event';
import { sideOfRole, type CollectiveContext } from './collective.context';
import type { Side } from './collective.events';

/**
 * Domain.md §5, collective column. Pure: the service has already checked that the actor's
 * organization takes part in the case; this decides what the role may send.
 */

/** Events either side may send: they record joint acts of the two delegations. */
export const JOINT_EVENTS: ReadonlySet<string> = new Set([
  'APPOINT_RECORDER', 'START_CONSULTATION', 'RECORD_MEETING', 'EDIT_DRAFT', 'SUSPEND', 'RESUME',
  'REQUEST_COORDINATION', 'REPORT_VACANCY', 'DRAFT_AGREED', 'RECORD_VOTE', 'SIGN_CONTRACT', 'PUBLISHED',
  'MODIFY', 'RESCIND', 'RENEW', 'ESCALATE_TO_LABOR_BUREAU', 'ABANDON', 'WITHDRAWN',
]);

/** The labour bureau's acts: receipt and review of the filing (Arts 42-47), coordination (Arts 49-54). */
export const LABOR_OFFICER_EVENTS: ReadonlySet<string> = new Set([
  'SUBMIT_FOR_FILING', 'REVIEW_OBJECTION', 'REVIEW_APPROVED', 'ACCEPT_COORDINATION', 'EXTEND_COORDINATION',
  'COORDINATION_CONCLUDED',
]);

type EventLike = { type: string; [field: string]: unknown };

export function maySend(actor: Actor, event: EventLike, context: Pick<CollectiveContext, 'requester'>): boolean {
  if (event.type === 'DEADLINE_ELAPSED' || actor.role === 'system') {
    return event.type === 'DEADLINE_ELAPSED' && actor.role === 'system';
  }
  if (actor.role === 'labor_officer') return LABOR_OFFICER_EVENTS.has(event.type);
  const side = sideOfRole(actor.role);
  if (side === null) return false; // mediator, auditor, admin: no collective events
  return mayRepresentativeSend(side, event, context.requester);
}

function mayRepresentativeSend(side: Side, event: EventLike, requester: Side): boolean {
  switch (event.type) {
    case 'SEND_REQUEST':
      return side === requester;
    case 'RESPONSE':
      return side !== requester;
    case 'NAME_REPRESENTATIVES':
      // A bare { type } (the case's nextEvents) asks whether some form of the event is allowed.
      return event.side === undefined || event.side === side;
    case 'SUBMIT_FOR_FILING':
      // CCP Art 42: the employer side sends the text to the labour department.
      return side === 'employer';
    default:
      return JOINT_EVENTS.has(event.type);
  }
}

/** A case is opened by a representative of the requesting side. */
export function mayOpen(actor: Actor, body: { requester?: unknown }): boolean {
  const side = sideOfRole(actor.role);
  return side !== null && body?.requester === side;
}

/** Organizations that see the case: both parties, and the labour bureau once named. */
export function participants(context: Pick<CollectiveContext, 'unionOrganizationId' | 'employerOrganizationId' | 'laborBureauId'>): string[] {
  return [context.unionOrganizationId, context.employerOrganizationId, context.laborBureauId].filter(
    (id): id is string => typeof id === 'string' && id.length > 0,
  );
}

/** Only the title is searchable: the parties are organizations, known by id, not by name here. */
export function partyNames(context: Pick<CollectiveContext, 'title'>): string[] {
  return [context.title];
}
