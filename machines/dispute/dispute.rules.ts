/**
 * The legal guards of the dispute machine (domain.md §2). Each transition that enforces one says
 * `guard: legal('<id>')`; a refusal returns the id and citation to the caller (422).
 * Dates compare as `YYYY-MM-DD` strings, which order like the calendar.
 */
import { cite } from '../shared/citation';
import type { LegalRule, RuleBook } from '../shared/legal-rule';
import { dateOf, type DisputeContext } from './dispute.context';
import type { DisputeMachineEvent } from './dispute.events';
import { MONETARY_CLAIM_TYPES } from './dispute.open';

type DisputeRule = LegalRule<DisputeContext, DisputeMachineEvent>;

/** 劳动争议调解仲裁法 第五条 / LDMAL Art 5 */
const settlementAfterDue: DisputeRule = {
  id: 'dispute.settlement.afterDue',
  citation: cite('LDMAL', 5),
  description: 'A settlement can be reported as not performed only after its performance date has passed.',
  holds: (ctx, event) => ctx.settlement !== undefined && dateOf(event) > ctx.settlement.performanceDue,
};

/** 企业劳动争议协商调解规定 第二十二条 / Order17 Art 22 */
const acceptRespondentConsent: DisputeRule = {
  id: 'dispute.accept.respondentConsent',
  citation: cite('Order17', 22),
  description: 'The committee may accept a mediation application only when the respondent agrees to mediation.',
  holds: (_ctx, event) => event.type === 'ACCEPT' && event.respondentConsent === true,
};

/** 企业劳动争议协商调解规定 第二十九条 / Order17 Art 29 */
const extendBothConsent: DisputeRule = {
  id: 'dispute.extend.bothConsent',
  citation: cite('Order17', 29),
  description: 'The mediation period may be extended only when both parties agree.',
  holds: (_ctx, event) =>
    event.type === 'EXTEND_MEDIATION' && event.applicantConsent === true && event.respondentConsent === true,
};

/**
 * 劳动争议调解仲裁法 第十四条 / LDMAL Art 14
 * A mediation failure record exists only once the case is in `mediation.mediationFailed`, which
 * it never leaves for another mediation state, so "or the state is mediationFailed" reads it.
 */
const referArbitrationRight: DisputeRule = {
  id: 'dispute.refer.arbitrationRight',
  citation: cite('LDMAL', 14),
  description:
    'During mediation a party may apply for arbitration once 15 days have passed since the application without an agreement, or once mediation has failed.',
  holds: (ctx) => ctx.arbitrationRightOpen || ctx.mediation?.failure !== undefined,
};

/**
 * 企业劳动争议协商调解规定 第二十七条 / Order17 Art 27
 * The flag is set by the `dispute.agreement.arbitralReview` deadline, which the service always
 * fires before applying a later event.
 */
const reviewWindow: DisputeRule = {
  id: 'dispute.review.window',
  citation: cite('Order17', 27),
  description: 'Arbitral review must be requested jointly within 15 days of the agreement entering into force.',
  holds: (ctx) => !ctx.arbitralReviewClosed,
};

/** 劳动人事争议仲裁办案规则 第七十五条 / ArbRules Art 75 */
const reviewNotLaborRelationship: DisputeRule = {
  id: 'dispute.review.notLaborRelationship',
  citation: cite('ArbRules', 75),
  description: 'Arbitral review is not available for a dispute about confirming a labor relationship.',
  holds: (ctx) => !ctx.claims.some((claim) => claim.type === 'labor_relationship'),
};

/** 劳动争议调解仲裁法 第十五条 / LDMAL Art 15 */
const breachAfterDue: DisputeRule = {
  id: 'dispute.breach.afterDue',
  citation: cite('LDMAL', 15),
  description: 'A mediation agreement can be reported as not performed only after its performance date has passed.',
  holds: (ctx, event) => ctx.agreement !== undefined && dateOf(event) > ctx.agreement.performanceDue,
};

/** 劳动争议调解仲裁法 第十六条 / LDMAL Art 16 */
const paymentOrderMonetaryClaims: DisputeRule = {
  id: 'dispute.paymentOrder.monetaryClaims',
  citation: cite('LDMAL', 16),
  description:
    'A payment order may be sought only when every claim of the case is for wages, work-injury medical costs, economic compensation or damages.',
  holds: (ctx) => ctx.claims.every((claim) => MONETARY_CLAIM_TYPES.includes(claim.type)),
};

export const disputeRules: RuleBook<DisputeContext, DisputeMachineEvent> = Object.fromEntries(
  [
    settlementAfterDue,
    acceptRespondentConsent,
    extendBothConsent,
    referArbitrationRight,
    reviewWindow,
    reviewNotLaborRelationship,
    breachAfterDue,
    paymentOrderMonetaryClaims,
  ].map((rule) => [rule.id, rule]),
);
