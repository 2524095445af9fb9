/**
 * Deadline wiring of the dispute case (domain.md §1 table, §2).
 *
 * Dates come from the event payload where the event carries them (`receivedOn`, `until`,
 * `performanceDue`, `days`), else the Asia/Shanghai date of `occurredAt`. Context fields relied
 * on (after the event, else before):
 *   - `receivedOn`                 fallback when the opening payload lacks it
 *   - `claims[].type`              judicial confirmation (all monetary), limitation (wages)
 *   - `knewOn`, `employmentEndedOn` fallbacks for the opening payload (limitation)
 *   - `consultation.until`          fallback when CONSULTATION_AGREED lacks `until`
 *   - `agreement.performanceDue`    the agreement's performance date at entry into force
 *   - `agreement.inForceOn`         entry-into-force date; else the date of the last SIGN/SEAL
 * The committee type comes from the planner input (`committeeType`), not the context.
 */
import { LIMITATION_WIRING } from './dispute-limitation';
import {
  agreedDate, claimsOf, contextDate, extendPeriod, payloadDate, periodFrom,
  type Ctx, type Wiring,
} from './planner-support';

export const DISPUTE_STATES = [
  'consultation.awaitingResponse', 'consultation.consulting', 'consultation.consultationFailed', 'settled',
  'mediation.awaitingAcceptance', 'mediation.inProgress', 'mediation.mediationFailed',
  'agreement.awaitingSignatures', 'agreement.inForce', 'agreement.breached', 'closed',
] as const;
export const DISPUTE_OPEN_STATES: string[] = DISPUTE_STATES.filter((s) => s !== 'closed');

/** Monetary claims (LDMAL Art 16). */
export const MONETARY_CLAIMS: ReadonlySet<string> = new Set([
  'unpaid_wages', 'overtime_pay', 'work_injury_medical', 'economic_compensation', 'damages',
]);

const receivedOn = (c: Ctx) => payloadDate(c, 'receivedOn') ?? contextDate(c, 'receivedOn') ?? c.eventDate;

/** The day the committee received the application: the opening's `receivedOn`, or APPLY_MEDIATION's date. */
const appliedOn = (c: Ctx) =>
  c.event.type === 'CASE_OPENED' ? receivedOn(c) : payloadDate(c, 'receivedOn') ?? payloadDate(c, 'appliedOn') ?? c.eventDate;

const agreementInForceOn = (c: Ctx) => contextDate(c, 'agreement.inForceOn') ?? c.eventDate;

const INTO_FORCE = 'agreement.inForce';

export const DISPUTE_WIRING: Wiring[] = [
  {
    ruleId: 'dispute.consultation.response',
    owningStates: ['consultation.awaitingResponse'],
    schedule: [{ events: ['CASE_OPENED'], compute: (c) => periodFrom(c, receivedOn(c), `Consultation request received on ${receivedOn(c)}.`) }],
    metBy: ['CONSULTATION_AGREED', 'CONSULTATION_REFUSED'],
  },
  {
    ruleId: 'dispute.consultation.term',
    owningStates: ['consultation.consulting'],
    schedule: [{
      events: ['CONSULTATION_AGREED'],
      compute: (c) => {
        const until = payloadDate(c, 'until') ?? contextDate(c, 'consultation.until');
        if (!until) return missing(c, 'until');
        return agreedDate(c, c.eventDate, until, `Consultation agreed on ${c.eventDate} for a term agreed in writing.`);
      },
    }],
    move: [{
      events: ['CONSULTATION_EXTENDED'],
      compute: (c) => {
        const until = payloadDate(c, 'until');
        if (!until || !c.row) return missing(c, 'until');
        return agreedDate(c, c.row.triggerOn, until, `Consultation agreed on ${c.row.triggerOn}; the term was extended in writing on ${c.eventDate}.`);
      },
    }],
    metBy: ['SETTLEMENT_REACHED', 'CONSULTATION_FAILED'],
  },
  {
    ruleId: 'dispute.settlement.performance',
    owningStates: ['settled'],
    schedule: [{
      events: ['SETTLEMENT_REACHED'],
      compute: (c) => {
        const due = payloadDate(c, 'performanceDue');
        if (!due) return missing(c, 'performanceDue');
        return agreedDate(c, c.eventDate, due, `Settlement agreement reached on ${c.eventDate}; it binds both parties, who shall perform it.`);
      },
    }],
    metBy: ['PERFORMED'],
  },
  {
    ruleId: 'dispute.mediation.acceptance',
    owningStates: ['mediation.awaitingAcceptance'],
    schedule: [{ events: ['CASE_OPENED', 'APPLY_MEDIATION'], compute: (c) => periodFrom(c, appliedOn(c), `Mediation application received on ${appliedOn(c)}.`) }],
    metBy: ['ACCEPT', 'DECLINE'],
  },
  {
    ruleId: 'dispute.mediation.arbitrationRight',
    owningStates: ['mediation.*'],
    schedule: [{
      events: ['CASE_OPENED', 'APPLY_MEDIATION'],
      compute: (c) => periodFrom(c, appliedOn(c), `Mediation application received on ${appliedOn(c)}; without an agreement in 15 days a party may apply for arbitration.`),
    }],
    metBy: ['AGREEMENT_DRAFTED'],
  },
  {
    ruleId: 'dispute.mediation.term',
    owningStates: ['mediation.inProgress'],
    schedule: [{ events: ['ACCEPT'], compute: (c) => periodFrom(c, c.eventDate, `Mediation application accepted on ${c.eventDate}.`) }],
    move: [{
      events: ['EXTEND_MEDIATION'],
      compute: (c) => extendPeriod(c, (from, total) =>
        `Mediation application accepted on ${from}; ${c.rule.period} days plus ${total} days of extension agreed by both parties (the latest on ${c.eventDate}).`),
    }],
    metBy: ['AGREEMENT_DRAFTED'],
  },
  {
    ruleId: 'dispute.agreement.arbitralReview',
    owningStates: [INTO_FORCE],
    schedule: [{ enters: INTO_FORCE, compute: (c) => periodFrom(c, agreementInForceOn(c), `Mediation agreement in force on ${agreementInForceOn(c)}; the parties may jointly apply for arbitral review.`) }],
    metBy: ['ARBITRAL_REVIEW_REQUESTED'],
  },
  {
    ruleId: 'dispute.agreement.judicialConfirmation',
    owningStates: [INTO_FORCE],
    schedule: [{
      enters: INTO_FORCE,
      compute: (c) => {
        if (c.input.committeeType !== 'peoples_mediation') {
          c.note(`No judicial-confirmation deadline: only a people's mediation committee's agreement qualifies (SPC1 Art 52); committee type: ${c.input.committeeType ?? 'unknown'}.`);
          return null;
        }
        const claims = claimsOf(c);
        const other = claims.filter((x) => !MONETARY_CLAIMS.has(x.type)).map((x) => x.type);
        if (claims.length === 0 || other.length > 0) {
          c.note(`No judicial-confirmation deadline: the agreement must concern payment obligations only (SPC1 Art 52); non-monetary claims: ${other.join(', ') || 'no claims recorded'}.`);
          return null;
        }
        const d = agreementInForceOn(c);
        return periodFrom(c, d, `People's mediation agreement on monetary claims only, in force on ${d}; the parties may jointly apply for judicial confirmation.`);
      },
    }],
  },
  {
    ruleId: 'dispute.agreement.performance',
    owningStates: [INTO_FORCE],
    schedule: [{
      enters: INTO_FORCE,
      compute: (c) => {
        const due = contextDate(c, 'agreement.performanceDue', 'performanceDue');
        if (!due) return missing(c, 'agreement.performanceDue');
        return agreedDate(c, agreementInForceOn(c), due, `Mediation agreement in force on ${agreementInForceOn(c)}; it binds both parties, who shall perform it.`);
      },
    }],
    metBy: ['PERFORMED'],
  },
  LIMITATION_WIRING,
];

function missing(c: Ctx, field: string): null {
  c.note(`${c.event.type} gave no valid ${field}: ${c.ruleId} not scheduled or moved.`);
  return null;
}
