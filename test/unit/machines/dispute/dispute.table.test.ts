/**
 * The §2 transition table, transcribed by hand: every event type in every state is either
 * handled by the state (accepted, or refused by a legal rule: 422) or not accepted (409).
 */
import { decide } from '../../../../machines/engine';
import { disputeEventSchema } from '../../../../machines/dispute';
import { def, kindOf, reach, SAMPLE, send, STATES, MEDIATOR, at } from './dispute.fixtures';

const OPEN = ['LIMITATION_SUSPENDED', 'LIMITATION_RESUMED'];
const WITHDRAWABLE = ['WITHDRAWN'];

/** Client events each state accepts (§2); anything else is 409. */
const ACCEPTS: Record<string, string[]> = {
  'consultation.awaitingResponse': ['CONSULTATION_AGREED', 'CONSULTATION_REFUSED', ...WITHDRAWABLE, ...OPEN],
  'consultation.consulting': ['CONSULTATION_EXTENDED', 'SETTLEMENT_REACHED', 'CONSULTATION_FAILED', ...WITHDRAWABLE, ...OPEN],
  'consultation.consultationFailed': ['APPLY_MEDIATION', 'REFER_TO_ARBITRATION', 'CLOSE_UNRESOLVED', ...WITHDRAWABLE, ...OPEN],
  settled: ['PERFORMED', 'NOT_PERFORMED', ...OPEN],
  'mediation.awaitingAcceptance': ['ACCEPT', 'DECLINE', 'REFER_TO_ARBITRATION', ...WITHDRAWABLE, ...OPEN],
  'mediation.inProgress': [
    'RECORD_SESSION',
    'EXTEND_MEDIATION',
    'AGREEMENT_DRAFTED',
    'MEDIATION_FAILED',
    'PARTY_REFUSED',
    'REFER_TO_ARBITRATION',
    ...WITHDRAWABLE,
    ...OPEN,
  ],
  'mediation.mediationFailed': ['CLOSE_UNRESOLVED', 'REFER_TO_ARBITRATION', ...WITHDRAWABLE, ...OPEN],
  'agreement.awaitingSignatures': ['SIGN', 'SEAL', 'AGREEMENT_ABANDONED', ...WITHDRAWABLE, ...OPEN],
  'agreement.inForce': ['ARBITRAL_REVIEW_REQUESTED', 'PERFORMED', 'NOT_PERFORMED', ...OPEN],
  'agreement.breached': ['REFER_TO_ARBITRATION', 'PAYMENT_ORDER_APPLIED', 'CLOSE_UNRESOLVED', ...OPEN],
  closed: [],
};

/** Accepted by the state but refused by a rule with the sample payload and a fresh case. */
const RULE_REFUSED: Record<string, Record<string, string>> = {
  // LDMAL Art 14: no right to arbitration during mediation until 15 days or a failure.
  'mediation.awaitingAcceptance': { REFER_TO_ARBITRATION: 'dispute.refer.arbitrationRight' },
  'mediation.inProgress': { REFER_TO_ARBITRATION: 'dispute.refer.arbitrationRight' },
};

/** Where an accepted event leads (self-transitions omitted) and the outcome when closing. */
const TARGET: Record<string, Record<string, string>> = {
  'consultation.awaitingResponse': { CONSULTATION_AGREED: 'consultation.consulting', CONSULTATION_REFUSED: 'consultation.consultationFailed', WITHDRAWN: 'closed:withdrawn' },
  'consultation.consulting': { SETTLEMENT_REACHED: 'settled', CONSULTATION_FAILED: 'consultation.consultationFailed', WITHDRAWN: 'closed:withdrawn' },
  'consultation.consultationFailed': {
    APPLY_MEDIATION: 'mediation.awaitingAcceptance',
    REFER_TO_ARBITRATION: 'closed:referredToArbitration',
    CLOSE_UNRESOLVED: 'closed:unresolved',
    WITHDRAWN: 'closed:withdrawn',
  },
  settled: { PERFORMED: 'closed:resolved', NOT_PERFORMED: 'consultation.consultationFailed' },
  'mediation.awaitingAcceptance': { ACCEPT: 'mediation.inProgress', DECLINE: 'closed:notAccepted', WITHDRAWN: 'closed:withdrawn' },
  'mediation.inProgress': {
    AGREEMENT_DRAFTED: 'agreement.awaitingSignatures',
    MEDIATION_FAILED: 'mediation.mediationFailed',
    PARTY_REFUSED: 'mediation.mediationFailed',
    WITHDRAWN: 'closed:withdrawn',
  },
  'mediation.mediationFailed': { CLOSE_UNRESOLVED: 'closed:unresolved', REFER_TO_ARBITRATION: 'closed:referredToArbitration', WITHDRAWN: 'closed:withdrawn' },
  'agreement.awaitingSignatures': { AGREEMENT_ABANDONED: 'mediation.mediationFailed', WITHDRAWN: 'closed:withdrawn' },
  'agreement.inForce': { PERFORMED: 'closed:resolved', NOT_PERFORMED: 'agreement.breached' },
  'agreement.breached': {
    REFER_TO_ARBITRATION: 'closed:referredToArbitration',
    PAYMENT_ORDER_APPLIED: 'closed:paymentOrder',
    CLOSE_UNRESOLVED: 'closed:unresolved',
  },
  closed: {},
};

const CLIENT_TYPES = Object.keys(SAMPLE);
/** Well after every sample's performance date, so "after due" rules hold. */
const LATER = '2026-06-01';

describe('dispute §2 transition table', () => {
  it('the samples cover every client event type of the schema, and all parse', () => {
    const schemaTypes = disputeEventSchema.options.map((o) => o.shape.type.value).filter((t) => t !== 'DEADLINE_ELAPSED');
    expect([...CLIENT_TYPES].sort()).toEqual([...schemaTypes].sort());
    for (const type of CLIENT_TYPES) expect(disputeEventSchema.safeParse({ type, ...SAMPLE[type] }).success).toBe(true);
  });

  it('the table covers every state of domain.md §2', () => {
    expect(Object.keys(ACCEPTS).sort()).toEqual([...STATES].sort());
  });

  it.each(STATES)('every state is reachable: %s', (state) => {
    const result = reach(state);
    expect(result.state).toBe(state);
    expect(result.closed).toBe(state === 'closed');
  });

  const cells = STATES.flatMap((state) => CLIENT_TYPES.map((type) => [state, type] as const));
  it.each(cells)('%s × %s', (state, type) => {
    let from = reach(state).persisted;
    if (type === 'LIMITATION_RESUMED' && ACCEPTS[state].includes(type)) {
      from = (send(from, 'LIMITATION_SUSPENDED', {}, LATER) as { persisted: typeof from }).persisted;
    }
    const decision = send(from, type, SAMPLE[type], LATER);
    const ruleId = RULE_REFUSED[state]?.[type];
    if (!ACCEPTS[state].includes(type)) {
      expect(kindOf(decision)).toBe('not_allowed');
      return;
    }
    if (ruleId) {
      expect(decision).toMatchObject({ ok: false, refusal: { kind: 'rule', rule: ruleId } });
      return;
    }
    if (!decision.ok) throw new Error(`${type} in ${state}: ${JSON.stringify(decision.refusal)}`);
    const target = TARGET[state][type] ?? state;
    const [targetState, outcome] = target.split(':');
    expect(decision.state).toBe(targetState);
    expect(decision.outcome).toBe(outcome ?? null);
    expect(decision.persisted.context.outcome).toBe(outcome);
  });

  it.each(STATES)('a 409 names the state and the events it accepts: %s', (state) => {
    const from = reach(state).persisted;
    const refusal = decide(def, from, { type: 'NO_SUCH_EVENT', occurredAt: at(LATER), actor: MEDIATOR });
    expect(refusal).toEqual({
      ok: false,
      refusal: {
        kind: 'not_allowed',
        state,
        accepted: state === 'closed' ? [] : [...ACCEPTS[state], 'DEADLINE_ELAPSED'].sort(),
      },
    });
  });
});
