/**
 * The arbitration limitation of a dispute case (LDMAL Art 27; domain.md §1 "Limitation"):
 * rule `dispute.limitation`, 1 year, every open state, never met, cancelled when the case closes.
 *
 * - Start: `knewOn` for the claims other than unpaid wages; for unpaid-wage claims the day the
 *   employment ended (`employmentEndedOn`); while it continues they are not time-barred
 *   (Art 27(4)) and no deadline exists for them (a note says so). With several starts, the row
 *   carries the earliest due date (the first claims to be barred) and a note gives the other.
 * - Opening interrupts: a consultation request or a mediation application asserts the right, so
 *   the year runs afresh from `receivedOn` - unless it had already run out by then (nothing left
 *   to interrupt: the row keeps the past due date and fires at the next sweep).
 * - Later interruptions restart it from the event's date: APPLY_MEDIATION (seeking help, Art 27);
 *   under switch `limitationOrder17Interruptions` (Order17 Art 31, U) a refused or failed
 *   consultation or mediation - CONSULTATION_REFUSED, CONSULTATION_FAILED, MEDIATION_FAILED,
 *   PARTY_REFUSED, AGREEMENT_ABANDONED, the deemed refusal/failures (DEADLINE_ELAPSED of the
 *   consultation response, consultation term, mediation term) - and NOT_PERFORMED; under switch
 *   `limitationAgreementToPerformInterrupts` the employer agreeing to perform (Art 27:
 *   对方当事人同意履行义务): SETTLEMENT_REACHED and the mediation agreement's entry into force.
 * - Suspension: LIMITATION_SUSPENDED stops the clock (memo.suspendedOn; the row stays pending
 *   and does not elapse meanwhile, see `isElapsed`); LIMITATION_RESUMED adds the days between the
 *   two events' dates to the period and recomputes the due date from the plain (unrolled) end.
 *   An interruption during a suspension restarts the year, which runs once the suspension ends.
 */
import { daysBetween } from './dates';
import { claimsOf, contextDate, pathValue, payloadDate, periodFrom, type Computed, type Ctx, type Wiring } from './planner-support';

const WAGES = 'unpaid_wages';

const ORDER17_EVENTS: Record<string, string> = {
  CONSULTATION_REFUSED: 'the other party refused to consult',
  CONSULTATION_FAILED: 'consultation failed',
  MEDIATION_FAILED: 'mediation failed',
  PARTY_REFUSED: 'a party refused to continue mediation',
  AGREEMENT_ABANDONED: 'the mediation agreement was abandoned (mediation failed)',
  NOT_PERFORMED: 'the agreement was not performed',
};

const DEEMED: Record<string, string> = {
  'dispute.consultation.response': 'no response to the consultation request in time (deemed refusal)',
  'dispute.consultation.term': 'the agreed consultation term ran out (deemed failure)',
  'dispute.mediation.term': 'the mediation term ran out (deemed failure)',
};

interface Interruption {
  date: string;
  why: string;
}

/**
 * Where the case records the breach its NOT_PERFORMED reported: the mediation agreement's in
 * `agreement.breached`, else the settlement's. `breachedOn` is absent under machine version 1.
 */
function breachOf(state: string, context: unknown): { on?: string; breachedOn?: string } | undefined {
  const path = state === 'agreement.breached' ? 'agreement.breach' : 'settlement.notPerformed';
  return pathValue(context, path) as { on?: string; breachedOn?: string } | undefined;
}

function interruptionOf(c: Ctx): Interruption | null {
  const t = c.event.type;
  const on = (why: string, date = c.eventDate) => ({ date, why });
  if (t === 'APPLY_MEDIATION') return on('the applicant applied for mediation (seeking help from a mediation organization)', payloadDate(c, 'receivedOn') ?? c.eventDate);
  if (c.switches.limitationOrder17Interruptions) {
    // dispute.limitation.breachDay: interrupted on the day of the breach, whenever it is reported.
    const breachedOn = t === 'NOT_PERFORMED' ? breachOf(c.input.stateAfter, c.input.contextAfter)?.breachedOn : undefined;
    if (breachedOn) return on(`${ORDER17_EVENTS[t]} (Order17 Art 31), breached on the day after the agreed performance date`, breachedOn);
    if (ORDER17_EVENTS[t]) return on(`${ORDER17_EVENTS[t]} (Order17 Art 31)`);
    if (t === 'DEADLINE_ELAPSED' && typeof c.event.ruleId === 'string' && DEEMED[c.event.ruleId]) {
      return on(`${DEEMED[c.event.ruleId]} (Order17 Art 31)`);
    }
  }
  if (c.switches.limitationAgreementToPerformInterrupts) {
    if (t === 'SETTLEMENT_REACHED') return on('the employer agreed to perform in a settlement agreement (对方当事人同意履行义务)');
    const entered = c.input.stateAfter === 'agreement.inForce' && c.input.stateBefore !== 'agreement.inForce';
    if (entered) return on('the employer agreed to perform in the mediation agreement now in force (对方当事人同意履行义务)', contextDate(c, 'agreement.inForceOn') ?? c.eventDate);
  }
  return null;
}

function openLimitation(c: Ctx): Computed | null {
  const claims = claimsOf(c);
  const knewOn = payloadDate(c, 'knewOn') ?? contextDate(c, 'knewOn');
  const ended = payloadDate(c, 'employmentEndedOn') ?? contextDate(c, 'employmentEndedOn');
  const received = payloadDate(c, 'receivedOn') ?? contextDate(c, 'receivedOn') ?? c.eventDate;
  const how = c.input.stateAfter.startsWith('mediation') ? 'mediation application' : 'consultation request';
  const wages = claims.filter((x) => x.type === WAGES).length;
  const others = claims.length - wages;
  const candidates: Computed[] = [];
  if (others > 0 || claims.length === 0) {
    if (knewOn) candidates.push(fromStart(c, knewOn, `the applicant knew or should have known of the infringement on ${knewOn}`, received, how));
    else c.note('No limitation deadline for the claims other than unpaid wages: knewOn (when the applicant knew or should have known of the infringement) was not given (LDMAL Art 27).');
  }
  if (wages > 0) {
    if (ended) candidates.push(fromStart(c, ended, `unpaid wages: the employment ended on ${ended}, and wage claims run 1 year from that day (Art 27(4))`, received, how));
    else c.note('No limitation deadline for the unpaid-wage claims: while the employment continues they are not time-barred (LDMAL Art 27(4)); none runs until employmentEndedOn is recorded.');
  }
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  if (candidates.length > 1 && candidates[1].dueOn !== candidates[0].dueOn) {
    c.note(`Limitation: the deadline shown is the earlier one (${candidates[0].dueOn}); the other claims are barred after ${candidates[1].dueOn}.`);
  }
  return candidates[0];
}

function fromStart(c: Ctx, start: string, basis: string, received: string, how: string): Computed {
  const lead = `Limitation: ${basis}.`;
  if (received < start) return periodFrom(c, start, lead);
  const plain = periodFrom(c, start, lead);
  if (received > plain.dueOn) {
    return { ...plain, explanation: `${plain.explanation} The ${how} was received on ${received}, after the period had run out: time-barred already, nothing left to interrupt.` };
  }
  return periodFrom(c, received, `${lead} Interrupted by the ${how} received on ${received} (asserting the right, LDMAL Art 27): the year runs afresh from that day.`);
}

function interrupt(c: Ctx): Computed | null {
  const row = c.row;
  const i = interruptionOf(c);
  if (!row || !i || i.date < row.triggerOn) return null;
  const computed = periodFrom(c, i.date, `Limitation interrupted on ${i.date}: ${i.why}; the year runs afresh from that day (LDMAL Art 27).`);
  const since = row.memo?.suspendedOn;
  if (!since) return { ...computed, memo: null };
  return {
    ...computed,
    explanation: `${computed.explanation} The limitation is still suspended (since ${since}): the year runs once the suspension ends.`,
    memo: { suspendedOn: i.date, suspendedDays: 0 },
  };
}

function suspend(c: Ctx): Computed | null {
  const row = c.row;
  if (!row) return null;
  if (row.memo?.suspendedOn) {
    c.note(`Limitation already suspended since ${row.memo.suspendedOn}; LIMITATION_SUSPENDED changes nothing.`);
    return null;
  }
  return {
    triggerOn: row.triggerOn, dueOn: row.dueOn, period: row.period, unit: row.unit, provisional: row.provisional,
    explanation: `${row.explanation} Suspended on ${c.eventDate} (force majeure or another justified reason, LDMAL Art 27): the period stops running and does not elapse meanwhile; when it runs on, the days of suspension are added to the due date.`,
    memo: { ...(row.memo ?? {}), suspendedOn: c.eventDate },
  };
}

function resume(c: Ctx): Computed | null {
  const row = c.row;
  const since = row?.memo?.suspendedOn;
  if (!row || !since) {
    c.note('LIMITATION_RESUMED without a recorded suspension: the limitation due date is unchanged.');
    return null;
  }
  const days = Math.max(0, daysBetween(since, c.eventDate));
  const earlier = row.memo?.suspendedDays ?? 0;
  const total = earlier + days;
  const extra = earlier ? `, after ${earlier} days of earlier suspension` : '';
  const computed = periodFrom(c, row.triggerOn,
    `Limitation running from ${row.triggerOn}; suspended from ${since} to ${c.eventDate} (${days} days${extra}), it runs on from the day the cause ended (LDMAL Art 27).`, total);
  return { ...computed, memo: { suspendedOn: null, suspendedDays: total } };
}

/**
 * MACHINE_MIGRATED from dispute version 1, which interrupted the limitation on the day the
 * breach was reported: when the migration has just recorded the breach day and the running year
 * still counts from that report, it counts from the breach day instead (LDMAL Art 27).
 */
function migratedBreachDay(c: Ctx): string | null {
  if (!c.switches.limitationOrder17Interruptions || !c.row) return null;
  const before = breachOf(c.input.stateAfter, c.input.contextBefore);
  const after = breachOf(c.input.stateAfter, c.input.contextAfter);
  if (!after?.breachedOn || before?.breachedOn || after.on !== c.row.triggerOn) return null;
  return after.breachedOn;
}

function moveToBreachDay(c: Ctx): Computed | null {
  const breachedOn = migratedBreachDay(c);
  if (!breachedOn || !c.row) return null;
  const computed = periodFrom(c, breachedOn, `Limitation interrupted on ${breachedOn}: the agreement was not performed, breached on the day after the agreed performance date (Order17 Art 31; recorded from the report of ${c.row.triggerOn} when the case moved to machine version 2); the year runs afresh from that day (LDMAL Art 27).`);
  // A suspension running since the report keeps running; its start is not moved.
  return { ...computed, memo: c.row.memo ?? null };
}

export const LIMITATION_WIRING: Wiring = {
  ruleId: 'dispute.limitation',
  owningStates: 'open',
  schedule: [{ events: ['CASE_OPENED'], compute: openLimitation }],
  move: [
    {
      events: ['APPLY_MEDIATION', 'SETTLEMENT_REACHED', 'DEADLINE_ELAPSED', ...Object.keys(ORDER17_EVENTS)],
      when: (c) => interruptionOf(c) !== null,
      compute: interrupt,
    },
    { enters: 'agreement.inForce', when: (c) => interruptionOf(c) !== null, compute: interrupt },
    { events: ['MACHINE_MIGRATED'], when: (c) => migratedBreachDay(c) !== null, compute: moveToBreachDay },
    { events: ['LIMITATION_SUSPENDED'], compute: suspend },
    { events: ['LIMITATION_RESUMED'], compute: resume },
  ],
};
