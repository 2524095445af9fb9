/**
 * Deadline wiring of the collective-consultation case (domain.md §1 table, §3).
 *
 * Dates come from the event payload where the event carries them (`receivedOn`, `signedOn`,
 * `days`, `termMonths`, `termStart`), else the Asia/Shanghai date of `occurredAt`. Context
 * fields relied on (after the event, else before):
 *   - `inForceOn` or `contract.inForceOn`   the in-force date on entry into force; without it:
 *        REVIEW_APPROVED's date, or the day after the review due date for a deemed approval
 *   - `contract.termMonths` (or `termMonths`)  the term, at the first entry into force
 *   - `contract.termStart` (or `termStart`)    the term's first day; default the in-force date
 * The renewal window and the expiry belong to the contract, not to a state: scheduled at the
 * first entry into force, kept through a modification (MODIFY -> consulting ...), and
 * rescheduled only by a modification's SIGN_CONTRACT that restates the term (a `termMonths` or
 * `termStart` different from the expiry row's period and trigger date). A restated term without
 * `termStart` keeps the contract's original start. Cancelled only when the case closes.
 */
import { contractLastDay, monthsBefore } from './contract-dates';
import { isCalendarDate } from '../../machines/shared/time';
import { addDays } from '../../machines/shared/time';
import {
  contextDate, extendPeriod, pathValue, payloadDate, periodFrom,
  type Computed, type Ctx, type Wiring,
} from './planner-support';

export const COLLECTIVE_STATES = [
  'requestDraft', 'awaitingResponse', 'refused', 'preparing', 'consulting', 'suspended', 'coordination',
  'congressReview', 'signing', 'signed', 'underReview', 'inForce', 'renewalWindow', 'closed',
] as const;
export const COLLECTIVE_OPEN_STATES: string[] = COLLECTIVE_STATES.filter((s) => s !== 'closed');

const EXPIRY = 'collective.expiry';

function inForceOn(c: Ctx): string {
  // Only the context after the event: before a modification's re-entry it holds the old date.
  for (const path of ['inForceOn', 'contract.inForceOn']) {
    const v = pathValue(c.input.contextAfter, path);
    if (typeof v === 'string' && isCalendarDate(v)) return v;
  }
  if (c.event.type === 'DEADLINE_ELAPSED' && c.event.ruleId === 'collective.review') {
    const review = c.current('collective.review');
    if (review) return addDays(review.dueOn, 1); // deemed effective the day after (CCP Art 47)
  }
  return c.eventDate;
}

interface Term {
  termStart: string;
  termMonths: number;
  basis: string;
}

/** The term at the first entry into force. */
function termAtEntry(c: Ctx): Term | null {
  const months = [pathValue(c.input.contextAfter, 'contract.termMonths'), pathValue(c.input.contextAfter, 'termMonths'),
    pathValue(c.input.contextBefore, 'contract.termMonths')].find((v) => typeof v === 'number' && Number.isInteger(v) && v > 0);
  if (typeof months !== 'number') {
    c.note(`${c.ruleId} not scheduled: the contract's termMonths is not in the case context.`);
    return null;
  }
  const d = inForceOn(c);
  const start = contextDate(c, 'contract.termStart', 'termStart');
  return { termStart: start ?? d, termMonths: months, basis: `Contract in force on ${d}${start ? `; term agreed from ${start}` : ''}.` };
}

/** The restated term of a modification's SIGN_CONTRACT, or null when it restates nothing. */
function restatedTerm(c: Ctx): Term | null {
  const expiry = c.before(EXPIRY);
  if (expiry?.status !== 'pending' || expiry.period === null) return null;
  const v = c.event.termMonths;
  const months = typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null;
  const start = payloadDate(c, 'termStart');
  const changed = (months !== null && months !== expiry.period) || (start !== null && start !== expiry.triggerOn);
  if (!changed) return null;
  return {
    termStart: start ?? expiry.triggerOn,
    termMonths: months ?? expiry.period,
    basis: `Modification signed on ${payloadDate(c, 'signedOn') ?? c.eventDate} restates the term (previously ${expiry.period} months from ${expiry.triggerOn}).`,
  };
}

function expiryRow(term: Term): Computed {
  const { lastDay, explanation } = contractLastDay(term.termStart, term.termMonths);
  return { triggerOn: term.termStart, dueOn: lastDay, period: term.termMonths, unit: 'months', explanation: `${term.basis} ${explanation}`, provisional: false };
}

function renewalRow(c: Ctx, term: Term): Computed | null {
  const { lastDay } = contractLastDay(term.termStart, term.termMonths);
  const n = c.rule.period ?? 3;
  if (c.rule.unit === 'calendar_days') {
    const dueOn = addDays(lastDay, -n);
    return { triggerOn: lastDay, dueOn, period: n, unit: 'calendar_days', provisional: false,
      explanation: `${term.basis} The contract's last day is ${lastDay}; the renewal window of the last ${n} days opens at 24:00 on ${dueOn}, not rolled.` };
  }
  const window = monthsBefore(c.input.calendar, lastDay, n);
  return { triggerOn: lastDay, dueOn: window.dueOn, period: n, unit: 'months_before_expiry', provisional: false,
    explanation: `${term.basis} The contract's last day is ${lastDay}. ${window.explanation}` };
}

/** No contract in force yet (first entry into force): no pending expiry row. */
const firstEntry = (c: Ctx) => c.before(EXPIRY)?.status !== 'pending';

type Vacancy = { side: string; reportedOn: string };

function vacancyRow(c: Ctx, open: Vacancy[]): Computed {
  const each = open
    .map((v) => ({ v, row: periodFrom(c, v.reportedOn, `Vacancy on the ${v.side} side reported on ${v.reportedOn}; it is to be filled within ${c.rule.period} days.`) }))
    .sort((a, b) => (a.row.dueOn < b.row.dueOn ? -1 : a.row.dueOn > b.row.dueOn ? 1 : 0));
  const [first, ...others] = each;
  const also = others.map((o) => `Also open: the ${o.v.side} side, due ${o.row.dueOn}.`);
  return { ...first.row, explanation: [first.row.explanation, ...also].join(' '), memo: { vacancies: open } };
}

const side = (c: Ctx) => String(c.event.side ?? 'unknown');
const openVacancies = (c: Ctx): Vacancy[] => (c.row?.status === 'pending' ? [...(c.row.memo?.vacancies ?? [])] : []);

export const COLLECTIVE_WIRING: Wiring[] = [
  {
    ruleId: 'collective.request.response',
    owningStates: ['awaitingResponse'],
    schedule: [{ events: ['SEND_REQUEST'], compute: (c) => {
      const d = payloadDate(c, 'receivedOn') ?? c.eventDate;
      return periodFrom(c, d, `Written request for collective consultation received on ${d}.`);
    } }],
    metBy: ['RESPONSE'],
  },
  {
    ruleId: 'collective.representatives.vacancy',
    owningStates: ['preparing', 'consulting', 'suspended'],
    schedule: [{ events: ['REPORT_VACANCY'], compute: (c) => {
      const open = openVacancies(c);
      if (!open.some((v) => v.side === side(c))) open.push({ side: side(c), reportedOn: payloadDate(c, 'reportedOn') ?? c.eventDate });
      return vacancyRow(c, open);
    } }],
    move: [{
      events: ['NAME_REPRESENTATIVES'],
      when: (c) => openVacancies(c).some((v) => v.side === side(c)),
      compute: (c) => vacancyRow(c, openVacancies(c).filter((v) => v.side !== side(c))),
    }],
    // Met when the last open side is named again (without a memo: any naming meets it).
    metBy: [{ type: 'NAME_REPRESENTATIVES', when: (c) => openVacancies(c).every((v) => v.side === side(c)) }],
  },
  {
    ruleId: 'collective.coordination.term',
    owningStates: ['coordination'],
    schedule: [{ events: ['ACCEPT_COORDINATION'], keepPending: true, compute: (c) => periodFrom(c, c.eventDate, `Coordination application accepted by the labour department on ${c.eventDate}.`) }],
    move: [{ events: ['EXTEND_COORDINATION'], compute: (c) => extendPeriod(c, (from, total) =>
      `Coordination application accepted on ${from}; ${c.rule.period} days plus ${total} days of extension (at most ${c.rule.maxExtensionDays ?? 'unlimited'}).`) }],
    metBy: ['COORDINATION_CONCLUDED'],
  },
  {
    ruleId: 'collective.filing',
    owningStates: ['signed'],
    schedule: [{ events: ['SIGN_CONTRACT'], compute: (c) => {
      const d = payloadDate(c, 'signedOn') ?? c.eventDate;
      return periodFrom(c, d, `Contract signed by both chief representatives on ${d}; the employer files it with the labour department.`);
    } }],
    metBy: ['SUBMIT_FOR_FILING'],
  },
  {
    ruleId: 'collective.review',
    owningStates: ['underReview'],
    schedule: [{ events: ['SUBMIT_FOR_FILING'], compute: (c) => {
      const d = payloadDate(c, 'receivedOn') ?? c.eventDate;
      return periodFrom(c, d, `Contract text received by the labour department on ${d}; without an objection served in time it takes effect.`);
    } }],
    metBy: ['REVIEW_OBJECTION', 'REVIEW_APPROVED'],
  },
  {
    ruleId: 'collective.publication',
    owningStates: ['inForce'],
    schedule: [{ enters: 'inForce', compute: (c) => periodFrom(c, inForceOn(c), `Contract in force on ${inForceOn(c)}; the representatives publish it to their sides.`) }],
    metBy: ['PUBLISHED'],
  },
  {
    ruleId: 'collective.renewalWindow',
    owningStates: 'open',
    schedule: [
      { enters: 'inForce', when: firstEntry, compute: (c) => { const t = termAtEntry(c); return t && renewalRow(c, t); } },
      { events: ['SIGN_CONTRACT'], when: (c) => c.before('collective.renewalWindow')?.status !== 'met', compute: (c) => { const t = restatedTerm(c); return t && renewalRow(c, t); } },
    ],
    metBy: ['RENEW'],
  },
  {
    ruleId: EXPIRY,
    owningStates: 'open',
    schedule: [
      { enters: 'inForce', when: firstEntry, compute: (c) => { const t = termAtEntry(c); return t && expiryRow(t); } },
      { events: ['SIGN_CONTRACT'], compute: (c) => { const t = restatedTerm(c); return t && expiryRow(t); } },
    ],
  },
];
