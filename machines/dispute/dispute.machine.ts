/**
 * The labor-dispute state chart of domain.md §2. Pure: time comes only from `event.occurredAt`;
 * deadlines are scheduled by the service and arrive here as DEADLINE_ELAPSED events.
 *
 * Every accepted transition assigns something: the engine reads "same snapshot" as "refused".
 */
import { and, assign } from 'xstate';
import { deadline } from '../shared/case-event';
import { legal } from '../shared/legal-rule';
import { initialContext } from './dispute.context';
import { disputeSetup } from './dispute.setup';
import * as up from './dispute.updates';

/** A warning-only deadline: the state stays, the warning is recorded (domain.md §1 "Firing"). */
const warnOn = (ruleId: string) => ({ guard: deadline(ruleId), actions: { type: 'warn' as const, params: { ruleId } } });

/** Accepted in every open top-level state (LDMAL Art 27); never in `closed`. */
const LIMITATION = {
  LIMITATION_SUSPENDED: { guard: 'limitationRunning', actions: 'suspendLimitation' },
  LIMITATION_RESUMED: { guard: 'limitationSuspended', actions: 'resumeLimitation' },
} as const;

export const disputeMachine = disputeSetup.createMachine({
  id: 'dispute',
  context: ({ input }) => initialContext(input),
  // Transient: the route of the creation body picks the first real state (never persisted).
  initial: 'routing',
  states: {
    routing: {
      always: [{ guard: 'mediationRoute', target: 'mediation' }, { target: 'consultation' }],
    },
    consultation: {
      initial: 'awaitingResponse',
      on: {
        ...LIMITATION,
        WITHDRAWN: { target: 'closed', actions: 'withdraw' },
        DEADLINE_ELAPSED: warnOn('dispute.limitation'),
      },
      states: {
        awaitingResponse: {
          on: {
            CONSULTATION_AGREED: {
              target: 'consulting',
              actions: assign(({ context, event }) => up.consultationAgreed(context, event)),
            },
            CONSULTATION_REFUSED: {
              target: 'consultationFailed',
              actions: assign(({ context, event }) => up.consultationRefused(context, event)),
            },
            DEADLINE_ELAPSED: {
              guard: deadline('dispute.consultation.response'),
              target: 'consultationFailed',
              actions: assign(({ context, event }) => up.consultationDeemedRefused(context, event)),
            },
          },
        },
        consulting: {
          on: {
            CONSULTATION_EXTENDED: { actions: assign(({ context, event }) => up.consultationExtended(context, event)) },
            SETTLEMENT_REACHED: {
              target: '#dispute.settled',
              actions: assign(({ context, event }) => up.settlementReached(context, event)),
            },
            CONSULTATION_FAILED: {
              target: 'consultationFailed',
              actions: assign(({ context, event }) => up.consultationFailed(context, event)),
            },
            DEADLINE_ELAPSED: [
              {
                guard: and([deadline('dispute.consultation.term'), 'consultationTermDeemedFailure']),
                target: 'consultationFailed',
                actions: assign(({ context, event }) => up.consultationDeemedFailed(context, event)),
              },
              // The pack turned the deemed failure (U) off: the elapsed term is a warning.
              { guard: deadline('dispute.consultation.term'), actions: { type: 'warn', params: { ruleId: 'dispute.consultation.term' } } },
            ],
          },
        },
        consultationFailed: {
          on: {
            APPLY_MEDIATION: {
              target: '#dispute.mediation',
              actions: assign(({ context, event }) => up.applyMediation(context, event)),
            },
            REFER_TO_ARBITRATION: { target: '#dispute.closed', actions: 'refer' },
            CLOSE_UNRESOLVED: { target: '#dispute.closed', actions: 'closeUnresolved' },
          },
        },
      },
    },
    settled: {
      on: {
        ...LIMITATION,
        PERFORMED: { target: 'closed', actions: assign(({ context, event }) => up.settlementPerformed(context, event)) },
        NOT_PERFORMED: {
          guard: legal('dispute.settlement.afterDue'),
          target: '#dispute.consultation.consultationFailed',
          actions: 'recordSettlementBreach',
        },
        DEADLINE_ELAPSED: [warnOn('dispute.settlement.performance'), warnOn('dispute.limitation')],
      },
    },
    mediation: {
      initial: 'awaitingAcceptance',
      on: {
        ...LIMITATION,
        WITHDRAWN: { target: 'closed', actions: 'withdraw' },
        REFER_TO_ARBITRATION: { guard: legal('dispute.refer.arbitrationRight'), target: 'closed', actions: 'refer' },
        DEADLINE_ELAPSED: [
          {
            guard: deadline('dispute.mediation.arbitrationRight'),
            actions: assign({ arbitrationRightOpen: true }),
          },
          warnOn('dispute.limitation'),
        ],
      },
      states: {
        awaitingAcceptance: {
          on: {
            ACCEPT: {
              guard: legal('dispute.accept.respondentConsent'),
              target: 'inProgress',
              actions: assign(({ context, event }) => up.accept(context, event)),
            },
            DECLINE: { target: '#dispute.closed', actions: assign(({ context, event }) => up.decline(context, event)) },
            DEADLINE_ELAPSED: warnOn('dispute.mediation.acceptance'),
          },
        },
        inProgress: {
          on: {
            RECORD_SESSION: { actions: assign(({ context, event }) => up.recordSession(context, event)) },
            EXTEND_MEDIATION: {
              guard: legal('dispute.extend.bothConsent'),
              actions: assign(({ context, event }) => up.extendMediation(context, event)),
            },
            AGREEMENT_DRAFTED: {
              target: '#dispute.agreement.awaitingSignatures',
              actions: assign(({ context, event }) => up.agreementDrafted(context, event)),
            },
            MEDIATION_FAILED: {
              target: 'mediationFailed',
              actions: assign(({ context, event }) => up.mediationFailed(context, event, { kind: 'failed', reason: event.reason })),
            },
            PARTY_REFUSED: {
              target: 'mediationFailed',
              actions: assign(({ context, event }) => up.mediationFailed(context, event, { kind: 'partyRefused', party: event.party })),
            },
            DEADLINE_ELAPSED: [
              {
                // Order17 Art 29: no agreement within the (extended) term is deemed a failure (U: a pack switch).
                guard: and([deadline('dispute.mediation.term'), 'mediationTermDeemedFailure']),
                target: 'mediationFailed',
                actions: assign(({ context, event }) => up.mediationFailed(context, event, { kind: 'deemed' })),
              },
              { guard: deadline('dispute.mediation.term'), actions: { type: 'warn', params: { ruleId: 'dispute.mediation.term' } } },
            ],
          },
        },
        mediationFailed: {
          on: { CLOSE_UNRESOLVED: { target: '#dispute.closed', actions: 'closeUnresolved' } },
        },
      },
    },
    agreement: {
      initial: 'awaitingSignatures',
      on: { ...LIMITATION, DEADLINE_ELAPSED: warnOn('dispute.limitation') },
      states: {
        awaitingSignatures: {
          on: {
            // LDMAL Art 14: in force once both parties and the mediator have signed and the seal
            // is affixed, whichever of these comes last.
            SIGN: [
              {
                guard: 'signCompletes',
                target: 'inForce',
                actions: assign(({ context, event }) => up.sign(context, event)),
              },
              { guard: 'unsigned', actions: assign(({ context, event }) => up.sign(context, event)) },
            ],
            SEAL: [
              {
                guard: 'sealCompletes',
                target: 'inForce',
                actions: assign(({ context, event }) => up.seal(context, event)),
              },
              { guard: 'unsealed', actions: assign(({ context, event }) => up.seal(context, event)) },
            ],
            AGREEMENT_ABANDONED: {
              target: '#dispute.mediation.mediationFailed',
              actions: assign(({ context, event }) =>
                up.mediationFailed(context, event, { kind: 'agreementAbandoned', reason: event.reason }),
              ),
            },
            WITHDRAWN: { target: '#dispute.closed', actions: 'withdraw' },
          },
        },
        inForce: {
          entry: assign(({ context, event }) => up.inForce(context, event)),
          on: {
            ARBITRAL_REVIEW_REQUESTED: {
              guard: legal('dispute.review.window', 'dispute.review.notLaborRelationship'),
              actions: assign(({ context, event }) => up.arbitralReviewRequested(context, event)),
            },
            PERFORMED: { target: '#dispute.closed', actions: assign(({ context, event }) => up.agreementPerformed(context, event)) },
            NOT_PERFORMED: {
              guard: legal('dispute.breach.afterDue'),
              target: 'breached',
              actions: 'recordAgreementBreach',
            },
            DEADLINE_ELAPSED: [
              { guard: deadline('dispute.agreement.arbitralReview'), actions: assign({ arbitralReviewClosed: true }) },
              {
                guard: deadline('dispute.agreement.judicialConfirmation'),
                actions: assign({ judicialConfirmationClosed: true }),
              },
              warnOn('dispute.agreement.performance'),
            ],
          },
        },
        breached: {
          on: {
            REFER_TO_ARBITRATION: { target: '#dispute.closed', actions: 'refer' },
            PAYMENT_ORDER_APPLIED: {
              guard: legal('dispute.paymentOrder.monetaryClaims'),
              target: '#dispute.closed',
              actions: assign(({ event }) => up.close(event, 'paymentOrder', { paymentOrder: up.paymentOrder(event) })),
            },
            CLOSE_UNRESOLVED: { target: '#dispute.closed', actions: 'closeUnresolved' },
          },
        },
      },
    },
    closed: { type: 'final' },
  },
});
