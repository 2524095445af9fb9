/** The dispute kind as the engine and the service see it (machines/shared/definition.ts). */
import type { CaseMachineDefinition } from '../shared/definition';
import { disputeEventSchema, disputeEventTypes } from './dispute.events';
import { disputeMachine } from './dispute.machine';
import { disputeOrganizationFields } from './dispute.organizations';
import { openSchema } from './dispute.open';
import { mayOpen, maySend, participants, partyNames } from './dispute.permissions';
import { disputeRules } from './dispute.rules';

export const disputeDefinition: CaseMachineDefinition = {
  kind: 'dispute',
  // 2: NOT_PERFORMED records the breach day (LDMAL Art 27); version 1 lives on in versions/v1.ts.
  version: '2',
  machine: disputeMachine,
  rules: disputeRules,
  openSchema,
  eventSchema: disputeEventSchema,
  eventTypes: disputeEventTypes,
  organizationFields: disputeOrganizationFields,
  maySend,
  mayOpen,
  participants,
  partyNames,
};

export { disputeMachine } from './dispute.machine';
export { disputeRules } from './dispute.rules';
export { openSchema, MONETARY_CLAIM_TYPES, CLAIM_TYPES } from './dispute.open';
export type { DisputeInput, DisputeOpenBody, Claim, ClaimType } from './dispute.open';
export { disputeEventSchema, disputeEventTypes } from './dispute.events';
export type { DisputeEvent, DisputeEventType, DisputeMachineEvent } from './dispute.events';
export type { DisputeContext, Outcome } from './dispute.context';
