import type { CaseMachineDefinition, FollowUp } from '../shared/definition';
import type { CollectiveContext } from './collective.context';
import { CollectiveEventSchema, collectiveEventTypes } from './collective.events';
import { collectiveMachine } from './collective.machine';
import { CollectiveOpenSchema } from './collective.open';
import { collectiveOrganizationFields } from './collective.organizations';
import { mayOpen, maySend, participants, partyNames } from './collective.permissions';
import { collectiveRules } from './collective.rules';

/**
 * RENEW (CCP Art 38) opens a new collective case with the same parties, type, scope and topics,
 * requested by the side that asked for renewal; the old contract runs on until expiry. The
 * service opens it in the same transaction and adds `renewalOf`.
 */
function followUps(event: { type: string }, before: CollectiveContext, after: CollectiveContext): FollowUp[] {
  if (event.type !== 'RENEW' || after.renewal === null || before.renewal !== null) return [];
  const body: Record<string, unknown> = {
    requester: after.renewal.side ?? after.requester,
    contractType: after.contractType,
    scope: after.scope,
    title: after.renewal.title ?? after.title,
    unionOrganizationId: after.unionOrganizationId,
    employerOrganizationId: after.employerOrganizationId,
    topics: [...after.topics],
  };
  if (after.laborBureauId) body.laborBureauId = after.laborBureauId;
  if (after.settings.approval !== 'more_than_half') body.settings = { approval: after.settings.approval };
  return [{ type: 'OPEN_LINKED_CASE', kind: 'collective', body }];
}

export const collectiveDefinition: CaseMachineDefinition = {
  kind: 'collective',
  version: '1',
  machine: collectiveMachine,
  rules: collectiveRules,
  openSchema: CollectiveOpenSchema,
  eventSchema: CollectiveEventSchema,
  eventTypes: collectiveEventTypes,
  organizationFields: collectiveOrganizationFields,
  maySend,
  mayOpen,
  participants,
  partyNames,
  followUps,
};

export { collectiveMachine } from './collective.machine';
export { collectiveRules } from './collective.rules';
export { compareDrafts, type DraftComparison } from './draft-compare';
export type { CollectiveContext, Clause, Draft } from './collective.context';
export { CollectiveEventSchema, CLAUSE_TOPICS } from './collective.events';
export { CollectiveOpenSchema, type CollectiveInput } from './collective.open';
