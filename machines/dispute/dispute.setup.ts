/**
 * The typed `setup()` of the dispute machine: its guards and its shared actions. The chart itself
 * is in dispute.machine.ts. Legal guards are all the single `legal` guard with rule ids (the
 * engine reads them back to cite a refusal); the other guards only pick a branch, and when all
 * of them fail the engine answers 409, not 422.
 */
import { assertEvent, assign, setup } from 'xstate';
import { deadlineGuard } from '../shared/case-event';
import { legalGuard } from '../shared/legal-rule';
import { agreementComplete, need, type DisputeContext } from './dispute.context';
import type { DisputeMachineEvent } from './dispute.events';
import type { DisputeInput } from './dispute.open';
import { disputeRules } from './dispute.rules';
import * as up from './dispute.updates';

/** Each signatory signs once: a repeated SIGN is not accepted (409) and the first record stays. */
const unsigned = (context: DisputeContext, event: DisputeMachineEvent) =>
  event.type === 'SIGN' && !context.agreement?.signatures[event.signatory];

/** The seal is affixed once, likewise. */
const unsealed = (context: DisputeContext) => context.agreement !== undefined && context.agreement.sealedOn === undefined;

export const disputeSetup = setup({
  types: {} as { context: DisputeContext; events: DisputeMachineEvent; input: DisputeInput },
  guards: {
    legal: legalGuard(disputeRules),
    deadline: deadlineGuard,
    mediationRoute: ({ context }) => context.route === 'mediation',
    /** Rule-pack switches (U sources): an elapsed term is a deemed failure unless the pack turns it off. */
    consultationTermDeemedFailure: ({ context }) => context.settings?.consultationTermDeemedFailure !== false,
    mediationTermDeemedFailure: ({ context }) => context.settings?.mediationTermDeemedFailure !== false,
    // A second suspension (or a resumption of a running limitation) is not a new fact: 409.
    limitationRunning: ({ context }) => !context.limitation.suspended,
    limitationSuspended: ({ context }) => context.limitation.suspended,
    unsigned: ({ context, event }) => unsigned(context, event),
    unsealed: ({ context }) => unsealed(context),
    /** This SIGN is the last of the three signatures and the seal (LDMAL Art 14). */
    signCompletes: ({ context, event }) =>
      event.type === 'SIGN' &&
      unsigned(context, event) &&
      agreementComplete(need(up.sign(context, event).agreement, 'agreement')),
    /** This SEAL comes after all three signatures. */
    sealCompletes: ({ context, event }) =>
      event.type === 'SEAL' && unsealed(context) && agreementComplete(need(up.seal(context, event).agreement, 'agreement')),
  },
  actions: {
    warn: assign(({ context, event }, params: { ruleId: string }) => up.warn(context, event, params.ruleId)),
    suspendLimitation: assign(({ context, event }) => {
      assertEvent(event, 'LIMITATION_SUSPENDED');
      return up.suspendLimitation(context, event);
    }),
    resumeLimitation: assign(({ context, event }) => {
      assertEvent(event, 'LIMITATION_RESUMED');
      return up.resumeLimitation(context, event);
    }),
    // Named (not inline) so that machine version 1, which recorded no breach day, is this chart
    // with these two actions provided differently (versions/v1.ts).
    recordSettlementBreach: assign(({ context, event }) => {
      assertEvent(event, 'NOT_PERFORMED');
      return up.settlementNotPerformed(context, event);
    }),
    recordAgreementBreach: assign(({ context, event }) => {
      assertEvent(event, 'NOT_PERFORMED');
      return up.agreementBreached(context, event);
    }),
    withdraw: assign(({ event }) => {
      assertEvent(event, 'WITHDRAWN');
      return up.close(event, 'withdrawn', { withdrawal: up.compactReason(event) });
    }),
    refer: assign(({ event }) => {
      assertEvent(event, 'REFER_TO_ARBITRATION');
      return up.close(event, 'referredToArbitration', { referral: up.referral(event) });
    }),
    closeUnresolved: assign(({ event }) => {
      assertEvent(event, 'CLOSE_UNRESOLVED');
      return up.close(event, 'unresolved', { closure: up.compactReason(event) });
    }),
  },
});
