import { and, assign, setup } from 'xstate';
import { deadline, deadlineGuard } from '../shared/case-event';
import { legal, legalGuard } from '../shared/legal-rule';
import { close, enterInForce, readyToConsult, updates } from './collective.actions';
import { initialContext, voteResult, type CollectiveContext, type Outcome } from './collective.context';
import type { CollectiveMachineEvent } from './collective.events';
import type { CollectiveInput } from './collective.open';
import { collectiveRules } from './collective.rules';

/**
 * The collective-consultation case of domain.md §3: flat states, every transition of the diagram.
 * Legal guards are `legal(...)` so the engine can name the refused rule; branching that is not a
 * legal question (a vote's result, a modification in progress) uses ordinary named guards.
 */
const act = (name: keyof typeof updates) =>
  assign<CollectiveContext, CollectiveMachineEvent, undefined, CollectiveMachineEvent, never>(({ context, event }) => updates[name](context, event));

const REPS_RULES = [
  'collective.reps.minimum', 'collective.reps.externalShare', 'collective.reps.externalChief',
  'collective.reps.bothSides', 'collective.recorder.notRepresentative',
] as const;

export const collectiveMachine = setup({
  types: {} as { context: CollectiveContext; events: CollectiveMachineEvent; input: CollectiveInput },
  guards: {
    legal: legalGuard(collectiveRules),
    deadline: deadlineGuard,
    agrees: ({ event }) => event.type === 'RESPONSE' && event.agrees,
    votePassed: ({ context, event }) => event.type === 'RECORD_VOTE' && voteResult(context, event) === 'passed',
    voteRejected: ({ context, event }) => event.type === 'RECORD_VOTE' && voteResult(context, event) === 'rejected',
    readyToConsult: ({ context }) => readyToConsult(context),
    inModification: ({ context }) => context.modification !== null,
    noRenewalYet: ({ context }) => context.renewal === null,
    renewalWindowOpen: ({ context }) => context.renewalWindowOpenedOn !== null,
    /** The bureau has accepted the current coordination: only then does its term run and extend. */
    coordinationAccepted: ({ context }) => context.coordinations[context.coordinations.length - 1]?.acceptedOn !== undefined,
  },
  actions: {
    recordRequest: act('recordRequest'),
    recordResponse: act('recordResponse'),
    refuseNoReply: act('refuseNoReply'),
    escalate: act('escalate'),
    nameRepresentatives: act('nameRepresentatives'),
    appointRecorder: act('appointRecorder'),
    reportVacancy: act('reportVacancy'),
    recordMeeting: act('recordMeeting'),
    editDraft: act('editDraft'),
    suspend: act('suspend'),
    resume: act('resume'),
    requestCoordination: act('requestCoordination'),
    acceptCoordination: act('acceptCoordination'),
    extendCoordination: act('extendCoordination'),
    concludeCoordination: act('concludeCoordination'),
    agreeDraft: act('agreeDraft'),
    recordVote: act('recordVote'),
    signContract: act('signContract'),
    submitForFiling: act('submitForFiling'),
    recordObjection: act('recordObjection'),
    publish: act('publish'),
    modify: act('modify'),
    openRenewalWindow: act('openRenewalWindow'),
    renew: act('renew'),
    warn: act('warn'),
    close: assign(({ context, event }, params: { outcome: Outcome }) => close(context, event, params.outcome)),
    closeAtExpiry: assign(({ context, event }) => close(context, event, context.renewal ? 'renewed' : 'expired')),
    enterInForce: assign(({ context, event }, params: { approval: 'approved' | 'deemed' }) => enterInForce(context, event, params.approval)),
  },
}).createMachine({
  id: 'collective',
  initial: 'requestDraft',
  context: ({ input }) => initialContext(input),
  states: {
    requestDraft: {
      on: { SEND_REQUEST: { target: 'awaitingResponse', actions: 'recordRequest' }, WITHDRAWN: withdrawn() },
    },
    awaitingResponse: {
      on: {
        RESPONSE: [
          { guard: 'agrees', target: 'preparing', actions: 'recordResponse' },
          { target: 'refused', actions: 'recordResponse' },
        ],
        DEADLINE_ELAPSED: { guard: deadline('collective.request.response'), target: 'refused', actions: 'refuseNoReply' },
        WITHDRAWN: withdrawn(),
      },
    },
    refused: {
      on: {
        // LL Art 84: the labour department may organise coordination of a refused consultation.
        ESCALATE_TO_LABOR_BUREAU: { target: 'coordination', actions: 'escalate' },
        ABANDON: closeWith('abandoned'),
        WITHDRAWN: withdrawn(),
      },
    },
    preparing: {
      on: {
        NAME_REPRESENTATIVES: { guard: legal(...REPS_RULES), actions: 'nameRepresentatives' },
        APPOINT_RECORDER: { guard: legal('collective.recorder.notRepresentative'), actions: 'appointRecorder' },
        REPORT_VACANCY: { actions: 'reportVacancy' },
        START_CONSULTATION: { guard: legal('collective.reps.equal', 'collective.recorder.required'), target: 'consulting' },
        DEADLINE_ELAPSED: [vacancyWarning(), ...contractDeadlinesInModification()],
        WITHDRAWN: withdrawn(),
      },
    },
    consulting: {
      on: {
        RECORD_MEETING: { actions: 'recordMeeting' },
        EDIT_DRAFT: { actions: 'editDraft' },
        NAME_REPRESENTATIVES: { guard: legal(...REPS_RULES), actions: 'nameRepresentatives' },
        REPORT_VACANCY: { actions: 'reportVacancy' },
        SUSPEND: { target: 'suspended', actions: 'suspend' },
        REQUEST_COORDINATION: { target: 'coordination', actions: 'requestCoordination' },
        DRAFT_AGREED: { guard: legal('collective.draft.exists'), target: 'congressReview', actions: 'agreeDraft' },
        DEADLINE_ELAPSED: [vacancyWarning(), ...contractDeadlinesInModification()],
        WITHDRAWN: withdrawn(),
      },
    },
    suspended: {
      on: {
        RESUME: { target: 'consulting', actions: 'resume' },
        // The vacancy rule owns `suspended` and is met by naming the side, so both are accepted here.
        NAME_REPRESENTATIVES: { guard: legal(...REPS_RULES), actions: 'nameRepresentatives' },
        REPORT_VACANCY: { actions: 'reportVacancy' },
        DEADLINE_ELAPSED: [vacancyWarning(), ...contractDeadlinesInModification()],
        WITHDRAWN: withdrawn(),
      },
    },
    coordination: {
      on: {
        ACCEPT_COORDINATION: { actions: 'acceptCoordination' },
        EXTEND_COORDINATION: { guard: and(['coordinationAccepted', legal('collective.coordination.extension')]), actions: 'extendCoordination' },
        COORDINATION_CONCLUDED: [
          { guard: 'readyToConsult', target: 'consulting', actions: 'concludeCoordination' },
          { target: 'preparing', actions: 'concludeCoordination' },
        ],
        DEADLINE_ELAPSED: [{ guard: deadline('collective.coordination.term'), actions: 'warn' }, ...contractDeadlinesInModification()],
        WITHDRAWN: withdrawn(),
      },
    },
    congressReview: {
      on: {
        // The residual branch (coherent counts, no quorum) carries the bare legal guard, so the
        // engine finds collective.vote.counts when incoherent counts leave every branch closed.
        RECORD_VOTE: [
          { guard: and([legal('collective.vote.counts'), 'votePassed']), target: 'signing', actions: 'recordVote' },
          { guard: and([legal('collective.vote.counts'), 'voteRejected']), target: 'consulting', actions: 'recordVote' },
          { guard: legal('collective.vote.counts'), actions: 'recordVote' },
        ],
        DEADLINE_ELAPSED: contractDeadlinesInModification(),
        WITHDRAWN: withdrawn(),
      },
    },
    signing: {
      on: {
        SIGN_CONTRACT: { target: 'signed', actions: 'signContract' },
        DEADLINE_ELAPSED: contractDeadlinesInModification(),
        WITHDRAWN: withdrawn(),
      },
    },
    signed: {
      on: {
        SUBMIT_FOR_FILING: { target: 'underReview', actions: 'submitForFiling' },
        DEADLINE_ELAPSED: [{ guard: deadline('collective.filing'), actions: 'warn' }, ...contractDeadlinesInModification()],
      },
    },
    underReview: {
      on: {
        REVIEW_OBJECTION: { guard: legal('collective.review.objectionInTime'), target: 'consulting', actions: 'recordObjection' },
        REVIEW_APPROVED: { target: 'inForce', actions: { type: 'enterInForce', params: { approval: 'approved' } } },
        DEADLINE_ELAPSED: [
          // CCP Art 47: no objection within 15 days of receipt -> in force (deemed approval).
          { guard: deadline('collective.review'), target: 'inForce', actions: { type: 'enterInForce', params: { approval: 'deemed' } } },
          ...contractDeadlinesInModification(),
        ],
      },
    },
    inForce: {
      // A modification that ends after the renewal window of the unchanged term opened lands in
      // that window: its deadline has already fired, so nothing else would ever allow RENEW.
      always: { guard: 'renewalWindowOpen', target: 'renewalWindow' },
      on: {
        PUBLISHED: { actions: 'publish' },
        MODIFY: { target: 'consulting', actions: 'modify' },
        RESCIND: { guard: legal('collective.rescind.ground'), ...closeWith('rescinded') },
        DEADLINE_ELAPSED: [
          { guard: deadline('collective.publication'), actions: 'warn' },
          { guard: deadline('collective.renewalWindow'), target: 'renewalWindow', actions: 'openRenewalWindow' },
          expiry(),
        ],
      },
    },
    renewalWindow: {
      on: {
        // One renewal per contract: a second RENEW would open a second linked case.
        RENEW: { guard: 'noRenewalYet', actions: 'renew' },
        DEADLINE_ELAPSED: expiry(),
      },
    },
    closed: { type: 'final' },
  },
});

function closeWith(outcome: Outcome) {
  return { target: 'closed' as const, actions: { type: 'close' as const, params: { outcome } } };
}

function withdrawn() {
  return closeWith('withdrawn');
}

function vacancyWarning() {
  return { guard: deadline('collective.representatives.vacancy'), actions: 'warn' as const };
}

/** CCP Art 38: the contract ends at expiry (`renewed` when a renewal case was opened). */
function expiry() {
  return { guard: deadline('collective.expiry'), target: 'closed' as const, actions: 'closeAtExpiry' as const };
}

/**
 * The renewal and expiry deadlines belong to the contract, so they also fire while a modification
 * runs (domain.md §1): the window is only flagged, expiry still ends the contract.
 */
function contractDeadlinesInModification() {
  return [
    { guard: and([deadline('collective.renewalWindow'), 'inModification']), actions: 'openRenewalWindow' as const },
    { ...expiry(), guard: and([deadline('collective.expiry'), 'inModification']) },
  ];
}
