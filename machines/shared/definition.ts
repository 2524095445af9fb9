import type { AnyStateMachine } from 'xstate';
import type { ZodType } from 'zod';
import type { Actor } from './case-event';
import type { RuleBook } from './legal-rule';
import type { EventOrganizationFields } from './organizations';

export type CaseKind = 'dispute' | 'collective';

/**
 * Everything the engine needs to know about one kind of case. Each machine folder exports one
 * of these; `machines/registry.ts` maps the kind to it.
 */
export interface CaseMachineDefinition {
  kind: CaseKind;
  /** Bumped whenever the machine's behaviour changes; stored with each case. */
  version: string;
  machine: AnyStateMachine;
  /** Every legal rule a guard of this machine enforces, by id. */
  rules: RuleBook;
  /**
   * Creation body (without `kind` and `occurredAt`), validated; its output is the machine's
   * input together with `openedAt` (ISO instant).
   */
  openSchema: ZodType;
  /** Discriminated union (on `type`) of the events a client may send. */
  eventSchema: ZodType;
  /** Every event type the machine knows, client and system (for the machine description). */
  eventTypes: readonly string[];
  /** Per event type, the payload fields naming organizations and their kinds (audit.md O1, O2). */
  organizationFields: EventOrganizationFields;
  /**
   * §5 permissions, pure: may this actor send this event in this case? The service has already
   * checked that the actor's organization takes part in the case, and checks apart that it does
   * so in the role's own party field (audit.md O3).
   */
  maySend(actor: Actor, event: { type: string; [k: string]: unknown }, context: any): boolean;
  /** May a user of this role open a case of this kind with this body? */
  mayOpen(actor: Actor, body: any): boolean;
  /** Organizations taking part in a case, from its context (visibility, §5). */
  participants(context: any): string[];
  /** Searchable party names / title of a case, from its context. */
  partyNames(context: any): string[];
  /**
   * Work the service must do in the same transaction after an accepted event, derived purely
   * from the event and the contexts before and after (e.g. RENEW opens a linked new case).
   */
  followUps?(event: { type: string; [k: string]: unknown }, before: any, after: any): FollowUp[];
}

export type FollowUp = { type: 'OPEN_LINKED_CASE'; kind: CaseKind; body: Record<string, unknown> };
