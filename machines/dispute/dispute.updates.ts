/**
 * Pure context updates, one per transition effect: `(context, event) => partial context`.
 * Kept out of the chart so that dispute.machine.ts reads as the §2 table.
 */
import {
  compact,
  dateOf,
  need,
  newMediation,
  type DisputeContext,
  type MediationRecord,
  type Outcome,
} from './dispute.context';
import type { DisputeMachineEvent, EventOf } from './dispute.events';
import { addDays } from '../shared/time';

type Patch = Partial<DisputeContext>;

function consultation(ctx: DisputeContext, patch: Partial<NonNullable<DisputeContext['consultation']>>): Patch {
  return { consultation: compact({ ...(ctx.consultation ?? { extensions: [] }), ...patch }) };
}

function mediation(ctx: DisputeContext, patch: Partial<MediationRecord>): Patch {
  return { mediation: compact({ ...need(ctx.mediation, 'mediation record'), ...patch }) };
}

function agreement(ctx: DisputeContext, patch: Partial<NonNullable<DisputeContext['agreement']>>): Patch {
  return { agreement: compact({ ...need(ctx.agreement, 'agreement'), ...patch }) };
}

/** Entering `closed`: the only place an outcome is set. */
export function close(event: DisputeMachineEvent, outcome: Outcome, patch: Patch = {}): Patch {
  return { ...patch, outcome, closedOn: dateOf(event) };
}

// --- consultation -------------------------------------------------------------------------

export const consultationAgreed = (ctx: DisputeContext, e: EventOf<'CONSULTATION_AGREED'>) =>
  consultation(ctx, { agreedOn: dateOf(e), until: e.until });

export const consultationRefused = (ctx: DisputeContext, e: EventOf<'CONSULTATION_REFUSED'>) =>
  consultation(ctx, { refusal: compact({ reason: e.reason, on: dateOf(e), deemed: false }) });

/** Order17 Art 10: no response within 5 days is deemed an unwillingness to consult. */
export const consultationDeemedRefused = (ctx: DisputeContext, e: DisputeMachineEvent) =>
  consultation(ctx, { refusal: { on: dateOf(e), deemed: true } });

export const consultationExtended = (ctx: DisputeContext, e: EventOf<'CONSULTATION_EXTENDED'>) =>
  consultation(ctx, {
    until: e.until,
    extensions: [...(ctx.consultation?.extensions ?? []), { until: e.until, on: dateOf(e) }],
  });

export const consultationFailed = (ctx: DisputeContext, e: EventOf<'CONSULTATION_FAILED'>) =>
  consultation(ctx, { failure: { reason: e.reason, on: dateOf(e), deemed: false } });

/** The agreed consultation term ran out without a settlement. */
export const consultationDeemedFailed = (ctx: DisputeContext, e: DisputeMachineEvent) =>
  consultation(ctx, { failure: { on: dateOf(e), deemed: true } });

// --- settlement ---------------------------------------------------------------------------

export const settlementReached = (_ctx: DisputeContext, e: EventOf<'SETTLEMENT_REACHED'>): Patch => ({
  settlement: { terms: e.terms, performanceDue: e.performanceDue, reachedOn: dateOf(e) },
});

export const settlementPerformed = (ctx: DisputeContext, e: EventOf<'PERFORMED'>) =>
  close(e, 'resolved', { settlement: { ...need(ctx.settlement, 'settlement'), performedOn: dateOf(e) } });

/**
 * LDMAL Art 27 (domain.md `dispute.limitation.breachDay`): the right is infringed on the day
 * after the agreed performance date, whenever the breach is reported; the limitation is
 * interrupted on that day, so the machine records it beside the report's date.
 */
export const breachDay = (performanceDue: string) => addDays(performanceDue, 1);

export const settlementNotPerformed = (ctx: DisputeContext, e: EventOf<'NOT_PERFORMED'>): Patch => {
  const settlement = need(ctx.settlement, 'settlement');
  return {
    settlement: { ...settlement, notPerformed: compact({ detail: e.detail, on: dateOf(e), breachedOn: breachDay(settlement.performanceDue) }) },
  };
};

// --- mediation ----------------------------------------------------------------------------

/** A named committee replaces the case's committee; otherwise the case's one (if any) is used. */
export const applyMediation = (ctx: DisputeContext, e: EventOf<'APPLY_MEDIATION'>): Patch => {
  const committeeId = e.mediationCommitteeId ?? ctx.mediationCommitteeId;
  return compact({ mediationCommitteeId: committeeId, mediation: newMediation(dateOf(e), committeeId) });
};

export const accept = (ctx: DisputeContext, e: EventOf<'ACCEPT'>) =>
  mediation(ctx, { acceptedOn: dateOf(e), respondentConsent: e.respondentConsent, mediatorIds: e.mediatorIds ?? [] });

export const decline = (ctx: DisputeContext, e: EventOf<'DECLINE'>) =>
  close(e, 'notAccepted', mediation(ctx, { decline: compact({ reason: e.reason, detail: e.detail, on: dateOf(e) }) }));

export const recordSession = (ctx: DisputeContext, e: EventOf<'RECORD_SESSION'>) => {
  const sessions = need(ctx.mediation, 'mediation record').sessions;
  const session = compact({
    no: sessions.length + 1,
    heldOn: e.heldOn,
    place: e.place,
    attendees: e.attendees,
    summary: e.summary,
    proposals: e.proposals ?? [],
  });
  return mediation(ctx, { sessions: [...sessions, session] });
};

export const extendMediation = (ctx: DisputeContext, e: EventOf<'EXTEND_MEDIATION'>) => {
  const record = need(ctx.mediation, 'mediation record');
  return mediation(ctx, {
    extensionDays: record.extensionDays + e.days,
    extensions: [...record.extensions, { days: e.days, on: dateOf(e) }],
  });
};

type Failure = NonNullable<MediationRecord['failure']>;
export const mediationFailed = (ctx: DisputeContext, e: DisputeMachineEvent, failure: Omit<Failure, 'on'>) =>
  mediation(ctx, { failure: compact({ ...failure, on: dateOf(e) }) });

// --- agreement ----------------------------------------------------------------------------

export const agreementDrafted = (_ctx: DisputeContext, e: EventOf<'AGREEMENT_DRAFTED'>): Patch => ({
  agreement: {
    terms: e.terms,
    performanceDue: e.performanceDue,
    performanceManner: e.performanceManner,
    draftedOn: dateOf(e),
    signatures: {},
  },
});

/** A signature without a stated method is an ordinary handwritten signature. */
export const sign = (ctx: DisputeContext, e: EventOf<'SIGN'>) => {
  const { signatures } = need(ctx.agreement, 'agreement');
  return agreement(ctx, { signatures: { ...signatures, [e.signatory]: { method: e.method ?? 'signature', on: dateOf(e) } } });
};

export const seal = (ctx: DisputeContext, e: EventOf<'SEAL'>) => agreement(ctx, { sealedOn: dateOf(e) });

/** Entry into `agreement.inForce`: the day the last signature or the seal was added. */
export const inForce = (ctx: DisputeContext, e: DisputeMachineEvent) => agreement(ctx, { inForceOn: dateOf(e) });

/** A repeated joint request keeps the first date: the window is met once. */
export const arbitralReviewRequested = (ctx: DisputeContext, e: EventOf<'ARBITRAL_REVIEW_REQUESTED'>) =>
  agreement(ctx, { arbitralReviewRequestedOn: ctx.agreement?.arbitralReviewRequestedOn ?? dateOf(e) });

export const agreementPerformed = (ctx: DisputeContext, e: EventOf<'PERFORMED'>) =>
  close(e, 'resolved', agreement(ctx, { performedOn: dateOf(e) }));

export const agreementBreached = (ctx: DisputeContext, e: EventOf<'NOT_PERFORMED'>) =>
  agreement(ctx, { breach: compact({ detail: e.detail, on: dateOf(e), breachedOn: breachDay(need(ctx.agreement, 'agreement').performanceDue) }) });

// --- any open state -----------------------------------------------------------------------

export const warn = (ctx: DisputeContext, e: DisputeMachineEvent, ruleId: string): Patch => ({
  warnings: [...ctx.warnings, { ruleId, on: dateOf(e) }],
});

export const suspendLimitation = (ctx: DisputeContext, e: EventOf<'LIMITATION_SUSPENDED'>): Patch => ({
  limitation: {
    suspended: true,
    periods: [...ctx.limitation.periods, compact({ suspendedOn: dateOf(e), reason: e.reason })],
  },
});

export const resumeLimitation = (ctx: DisputeContext, e: EventOf<'LIMITATION_RESUMED'>): Patch => {
  const periods = [...ctx.limitation.periods];
  const open = need(periods.pop(), 'suspension period');
  return {
    limitation: { suspended: false, periods: [...periods, compact({ ...open, resumedOn: dateOf(e), resumeReason: e.reason })] },
  };
};

// --- leaving for `closed` -----------------------------------------------------------------

/** `{reason?, on}` of a withdrawal or an unresolved closure. */
export const compactReason = (e: EventOf<'WITHDRAWN'> | EventOf<'CLOSE_UNRESOLVED'>) =>
  compact({ reason: e.reason, on: dateOf(e) });

export const referral = (e: EventOf<'REFER_TO_ARBITRATION'>) => compact({ commissionId: e.commissionId, commission: e.commission, on: dateOf(e) });

export const paymentOrder = (e: EventOf<'PAYMENT_ORDER_APPLIED'>) => compact({ court: e.court, on: dateOf(e) });
