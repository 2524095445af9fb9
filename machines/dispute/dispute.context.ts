/**
 * The dispute machine's context, which is also the case's public `data` (stored as JSON; the
 * service, documents and other engineers read these names). Optional keys are left out rather
 * than set to `undefined`, so a snapshot round-trips through JSON unchanged.
 */
import { shanghaiDate } from '../shared/time';
import type { Applicant, Claim, Respondent, DisputeInput } from './dispute.open';
import type { Term } from './dispute.events';

export type Outcome = 'resolved' | 'withdrawn' | 'notAccepted' | 'referredToArbitration' | 'paymentOrder' | 'unresolved';
export type Signatory = 'applicant' | 'respondent' | 'mediator';
export type SignMethod = 'signature' | 'seal' | 'thumbprint';

export interface Signature {
  method: SignMethod;
  on: string;
}

export interface MediationSession {
  no: number;
  heldOn: string;
  place?: string;
  attendees: string[];
  summary: string;
  proposals: string[];
}

export interface ConsultationRecord {
  agreedOn?: string;
  until?: string;
  extensions: { until: string; on: string }[];
  /** `deemed`: no response within 5 days (Order17 Art 10). */
  refusal?: { reason?: string; on: string; deemed: boolean };
  /** `deemed`: the agreed term ran out without a settlement. */
  failure?: { reason?: string; on: string; deemed: boolean };
}

export interface SettlementRecord {
  terms: Term[];
  performanceDue: string;
  reachedOn: string;
  performedOn?: string;
  /** `on`: reported; `breachedOn`: the day after `performanceDue` (LDMAL Art 27; absent before machine version 2). */
  notPerformed?: { detail?: string; on: string; breachedOn?: string };
}

export interface MediationRecord {
  appliedOn: string;
  committeeId?: string;
  acceptedOn?: string;
  mediatorIds: string[];
  respondentConsent?: boolean;
  sessions: MediationSession[];
  /** Sum of the agreed extensions of the 15-day committee term (Order17 Art 29). */
  extensionDays: number;
  extensions: { days: number; on: string }[];
  failure?: {
    kind: 'failed' | 'partyRefused' | 'deemed' | 'agreementAbandoned';
    reason?: string;
    party?: 'applicant' | 'respondent';
    on: string;
  };
  decline?: { reason: 'out_of_scope' | 'respondent_refuses'; detail?: string; on: string };
}

export interface AgreementRecord {
  terms: Term[];
  performanceDue: string;
  performanceManner: string;
  draftedOn: string;
  signatures: Partial<Record<Signatory, Signature>>;
  sealedOn?: string;
  inForceOn?: string;
  arbitralReviewRequestedOn?: string;
  /** `on`: reported; `breachedOn`: the day after `performanceDue` (LDMAL Art 27; absent before machine version 2). */
  breach?: { detail?: string; on: string; breachedOn?: string };
  performedOn?: string;
}

export interface LimitationPeriod {
  suspendedOn: string;
  resumedOn?: string;
  /** Why the limitation was suspended (force majeure or another justified reason). */
  reason?: string;
  /** Why it runs on, when the resumption gave one. */
  resumeReason?: string;
}

export interface DisputeContext {
  route: DisputeInput['route'];
  channel: DisputeInput['channel'];
  receivedOn: string;
  openedAt: string;
  applicant: Applicant;
  respondent: Respondent;
  claims: Claim[];
  facts: string;
  knewOn?: string;
  employmentEndedOn?: string;
  flags: string[];
  mediationCommitteeId?: string;
  employerOrganizationId?: string;
  unionOrganizationId?: string;
  /** The pinned rule pack's switches this machine obeys (see dispute.open.ts). */
  settings?: { consultationTermDeemedFailure?: boolean; mediationTermDeemedFailure?: boolean };
  consultation?: ConsultationRecord;
  settlement?: SettlementRecord;
  mediation?: MediationRecord;
  agreement?: AgreementRecord;
  /** LDMAL Art 14: 15 days after the application without an agreement. */
  arbitrationRightOpen: boolean;
  /** Order17 Art 27: the 15-day joint arbitral review window has closed. */
  arbitralReviewClosed: boolean;
  /** CPL Art 205: the 30-day judicial confirmation window has closed. */
  judicialConfirmationClosed: boolean;
  warnings: { ruleId: string; on: string }[];
  limitation: { suspended: boolean; periods: LimitationPeriod[] };
  referral?: { commissionId?: string; commission?: string; on: string };
  paymentOrder?: { court?: string; on: string };
  withdrawal?: { reason?: string; on: string };
  closure?: { reason?: string; on: string };
  closedOn?: string;
  /** Set exactly when the case enters `closed`. */
  outcome?: Outcome;
}

/** The Asia/Shanghai date of an event: the day it happened, for every `...On` field. */
export function dateOf(event: { occurredAt: string }): string {
  return shanghaiDate(event.occurredAt);
}

/** A copy without `undefined` values (JSON drops them; the snapshot must survive a round trip). */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** An invariant of the state chart (e.g. a mediation state always has a mediation record). */
export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`dispute machine invariant broken: no ${what}`);
  return value;
}

export function newMediation(appliedOn: string, committeeId?: string): MediationRecord {
  return compact({ appliedOn, committeeId, mediatorIds: [], sessions: [], extensionDays: 0, extensions: [] });
}

/** LDMAL Art 14: both parties, the mediator and the organization's seal. */
export function agreementComplete(agreement: AgreementRecord): boolean {
  const { applicant, respondent, mediator } = agreement.signatures;
  return Boolean(applicant && respondent && mediator && agreement.sealedOn);
}

/** Context right after opening; only the body's known fields are copied. */
export function initialContext(input: DisputeInput): DisputeContext {
  const onMediationRoute = input.route === 'mediation';
  return compact({
    route: input.route,
    channel: input.channel,
    receivedOn: input.receivedOn,
    openedAt: input.openedAt,
    applicant: input.applicant,
    respondent: input.respondent,
    claims: input.claims,
    facts: input.facts,
    knewOn: input.knewOn,
    employmentEndedOn: input.employmentEndedOn,
    flags: [...(input.flags ?? [])],
    mediationCommitteeId: input.mediationCommitteeId,
    employerOrganizationId: input.employerOrganizationId,
    unionOrganizationId: input.unionOrganizationId,
    settings: input.settings,
    // The mediation application is the case: it was received on `receivedOn`.
    consultation: onMediationRoute ? undefined : { extensions: [] },
    mediation: onMediationRoute ? newMediation(input.receivedOn, input.mediationCommitteeId) : undefined,
    arbitrationRightOpen: false,
    arbitralReviewClosed: false,
    judicialConfirmationClosed: false,
    warnings: [],
    limitation: { suspended: false, periods: [] },
  });
}
