/**
 * Dispute event payloads (domain.md §6), one zod object per event. Required fields are required,
 * dates must exist on the calendar, amounts are decimal strings. Unknown keys (such as the
 * `occurredAt` the service reads separately) are stripped, not refused: §6 lets clients send more.
 */
import { z } from 'zod';
import { AmountSchema, CalendarDateSchema, DeadlineElapsedSchema, type Envelope } from '../shared/case-event';

const Text = z.string().trim().min(1);

/** A term of a settlement or mediation agreement: agreement terms carry no claim type. */
export const TermSchema = z.object({ description: Text, amount: AmountSchema.optional() });
export type Term = z.infer<typeof TermSchema>;

export const SIGNATORIES = ['applicant', 'respondent', 'mediator'] as const;
export const SIGN_METHODS = ['signature', 'seal', 'thumbprint'] as const;

const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape });

export const ConsultationAgreedSchema = event('CONSULTATION_AGREED', { until: CalendarDateSchema });
export const ConsultationRefusedSchema = event('CONSULTATION_REFUSED', { reason: Text.optional() });
/** Extension needs the parties' written agreement (Order17 Art 10): enforced here, as a literal. */
export const ConsultationExtendedSchema = event('CONSULTATION_EXTENDED', {
  until: CalendarDateSchema,
  writtenConsent: z.literal(true),
});
export const SettlementReachedSchema = event('SETTLEMENT_REACHED', {
  terms: z.array(TermSchema).min(1),
  performanceDue: CalendarDateSchema,
});
export const ConsultationFailedSchema = event('CONSULTATION_FAILED', { reason: Text });
export const ApplyMediationSchema = event('APPLY_MEDIATION', { mediationCommitteeId: z.uuid().optional() });
export const AcceptSchema = event('ACCEPT', {
  respondentConsent: z.boolean(),
  mediatorIds: z.array(z.uuid()).optional(),
});
export const DeclineSchema = event('DECLINE', {
  reason: z.enum(['out_of_scope', 'respondent_refuses']),
  detail: Text.optional(),
});
export const RecordSessionSchema = event('RECORD_SESSION', {
  heldOn: CalendarDateSchema,
  place: Text.optional(),
  attendees: z.array(Text).min(1),
  summary: Text,
  proposals: z.array(Text).optional(),
});
/** `days` 1-30 is a product limit, not a legal one (domain.md §2). */
export const ExtendMediationSchema = event('EXTEND_MEDIATION', {
  days: z.number().int().min(1).max(30),
  applicantConsent: z.boolean(),
  respondentConsent: z.boolean(),
});
export const AgreementDraftedSchema = event('AGREEMENT_DRAFTED', {
  terms: z.array(TermSchema).min(1),
  performanceDue: CalendarDateSchema,
  performanceManner: Text,
});
export const SignSchema = event('SIGN', {
  signatory: z.enum(SIGNATORIES),
  method: z.enum(SIGN_METHODS).optional(),
});
export const SealSchema = event('SEAL', {});
export const AgreementAbandonedSchema = event('AGREEMENT_ABANDONED', { reason: Text });
export const MediationFailedSchema = event('MEDIATION_FAILED', { reason: Text });
export const PartyRefusedSchema = event('PARTY_REFUSED', { party: z.enum(['applicant', 'respondent']) });
/** Arbitral review is a joint application of both parties (Order17 Art 27). */
export const ArbitralReviewRequestedSchema = event('ARBITRAL_REVIEW_REQUESTED', { joint: z.literal(true) });
export const PerformedSchema = event('PERFORMED', {});
export const NotPerformedSchema = event('NOT_PERFORMED', { detail: Text.optional() });
/** `commissionId` must name an arbitration commission (audit.md O1, checked by the service). */
export const ReferToArbitrationSchema = event('REFER_TO_ARBITRATION', { commission: Text.optional(), commissionId: z.uuid().optional() });
export const PaymentOrderAppliedSchema = event('PAYMENT_ORDER_APPLIED', { court: Text.optional() });
export const CloseUnresolvedSchema = event('CLOSE_UNRESOLVED', { reason: Text.optional() });
export const WithdrawnSchema = event('WITHDRAWN', { by: z.literal('applicant'), reason: Text.optional() });
export const LimitationSuspendedSchema = event('LIMITATION_SUSPENDED', { reason: Text.optional() });
export const LimitationResumedSchema = event('LIMITATION_RESUMED', { reason: Text.optional() });

/**
 * Every dispute event, DEADLINE_ELAPSED included: a user who sends it must get the 403 of §5,
 * which needs the body to pass the schema (400) first.
 */
export const disputeEventSchema = z.discriminatedUnion('type', [
  ConsultationAgreedSchema,
  ConsultationRefusedSchema,
  ConsultationExtendedSchema,
  SettlementReachedSchema,
  ConsultationFailedSchema,
  ApplyMediationSchema,
  AcceptSchema,
  DeclineSchema,
  RecordSessionSchema,
  ExtendMediationSchema,
  AgreementDraftedSchema,
  SignSchema,
  SealSchema,
  AgreementAbandonedSchema,
  MediationFailedSchema,
  PartyRefusedSchema,
  ArbitralReviewRequestedSchema,
  PerformedSchema,
  NotPerformedSchema,
  ReferToArbitrationSchema,
  PaymentOrderAppliedSchema,
  CloseUnresolvedSchema,
  WithdrawnSchema,
  LimitationSuspendedSchema,
  LimitationResumedSchema,
  DeadlineElapsedSchema,
]);
export type DisputeEvent = z.infer<typeof disputeEventSchema>;
export type DisputeEventType = DisputeEvent['type'];

/** Every event type the machine knows, client and system. */
export const disputeEventTypes = disputeEventSchema.options.map((o) => o.shape.type.value) as readonly DisputeEventType[];

/** What the machine receives: payload + `occurredAt` + `actor`. */
export type DisputeMachineEvent = Envelope<DisputeEvent>;
export type EventOf<T extends DisputeEventType> = Envelope<Extract<DisputeEvent, { type: T }>>;
