/**
 * DEADLINE_ELAPSED (domain.md §1 table): each owning state accepts its rules' deadlines, with the
 * effect the table gives; a state does not accept a rule it does not own (409).
 */
import { drive, kindOf, reach, send, STATES, SYSTEM } from './dispute.fixtures';

const DISPUTE_RULES = [
  'dispute.consultation.response',
  'dispute.consultation.term',
  'dispute.settlement.performance',
  'dispute.mediation.acceptance',
  'dispute.mediation.arbitrationRight',
  'dispute.mediation.term',
  'dispute.agreement.arbitralReview',
  'dispute.agreement.judicialConfirmation',
  'dispute.agreement.performance',
  'dispute.limitation',
];

/** Owning states, from the §1 table ("every open state" for the limitation). */
const OWNS: Record<string, string[]> = {
  'consultation.awaitingResponse': ['dispute.consultation.response', 'dispute.limitation'],
  'consultation.consulting': ['dispute.consultation.term', 'dispute.limitation'],
  'consultation.consultationFailed': ['dispute.limitation'],
  settled: ['dispute.settlement.performance', 'dispute.limitation'],
  'mediation.awaitingAcceptance': ['dispute.mediation.acceptance', 'dispute.mediation.arbitrationRight', 'dispute.limitation'],
  'mediation.inProgress': ['dispute.mediation.arbitrationRight', 'dispute.mediation.term', 'dispute.limitation'],
  'mediation.mediationFailed': ['dispute.mediation.arbitrationRight', 'dispute.limitation'],
  'agreement.awaitingSignatures': ['dispute.limitation'],
  'agreement.inForce': [
    'dispute.agreement.arbitralReview',
    'dispute.agreement.judicialConfirmation',
    'dispute.agreement.performance',
    'dispute.limitation',
  ],
  'agreement.breached': ['dispute.limitation'],
  closed: [],
};

/** The elapse instant: 24:00 Asia/Shanghai, i.e. 00:00 of the next day. */
const ELAPSED = '2026-06-01T00:00:00+08:00';
const fire = (state: string, ruleId: string) => send(reach(state).persisted, 'DEADLINE_ELAPSED', { ruleId }, ELAPSED);

describe('DEADLINE_ELAPSED ownership', () => {
  const cells = STATES.flatMap((state) => [...DISPUTE_RULES, 'collective.filing'].map((rule) => [state, rule] as const));
  it.each(cells)('%s × %s', (state, ruleId) => {
    expect(kindOf(fire(state, ruleId))).toBe(OWNS[state].includes(ruleId) ? 'ok' : 'not_allowed');
  });
});

describe('DEADLINE_ELAPSED effects', () => {
  it('response: deemed refusal -> consultationFailed', () => {
    const result = fire('consultation.awaitingResponse', 'dispute.consultation.response');
    expect(result).toMatchObject({ ok: true, state: 'consultation.consultationFailed', outcome: null });
    if (result.ok) expect(result.persisted.context.consultation.refusal).toEqual({ on: '2026-06-01', deemed: true });
  });

  it('an explicit refusal is not deemed', () => {
    const result = send(reach('consultation.awaitingResponse').persisted, 'CONSULTATION_REFUSED', { reason: '不愿' }, '2026-03-03');
    if (!result.ok) throw new Error('refused');
    expect(result.persisted.context.consultation.refusal).toEqual({ reason: '不愿', on: '2026-03-03', deemed: false });
  });

  it('term: consulting -> consultationFailed, failure deemed', () => {
    const result = fire('consultation.consulting', 'dispute.consultation.term');
    expect(result).toMatchObject({ ok: true, state: 'consultation.consultationFailed' });
    if (result.ok) expect(result.persisted.context.consultation.failure).toEqual({ on: '2026-06-01', deemed: true });
  });

  it('mediation term: inProgress -> mediationFailed, failure kind deemed', () => {
    const result = fire('mediation.inProgress', 'dispute.mediation.term');
    expect(result).toMatchObject({ ok: true, state: 'mediation.mediationFailed' });
    if (result.ok) expect(result.persisted.context.mediation.failure).toEqual({ kind: 'deemed', on: '2026-06-01' });
  });

  it.each([
    ['settled', 'dispute.settlement.performance'],
    ['mediation.awaitingAcceptance', 'dispute.mediation.acceptance'],
    ['agreement.inForce', 'dispute.agreement.performance'],
    ...STATES.filter((s) => s !== 'closed').map((s) => [s, 'dispute.limitation']),
  ])('%s: %s is a warning, the state stays', (state, ruleId) => {
    const before = reach(state).persisted.context;
    const result = fire(state, ruleId);
    expect(result).toMatchObject({ ok: true, state });
    if (!result.ok) return;
    expect(result.persisted.context.warnings).toEqual([...before.warnings, { ruleId, on: '2026-06-01' }]);
    expect({ ...result.persisted.context, warnings: before.warnings }).toEqual(before);
  });

  it.each([
    ['mediation.awaitingAcceptance', 'dispute.mediation.arbitrationRight', 'arbitrationRightOpen'],
    ['mediation.inProgress', 'dispute.mediation.arbitrationRight', 'arbitrationRightOpen'],
    ['mediation.mediationFailed', 'dispute.mediation.arbitrationRight', 'arbitrationRightOpen'],
    ['agreement.inForce', 'dispute.agreement.arbitralReview', 'arbitralReviewClosed'],
    ['agreement.inForce', 'dispute.agreement.judicialConfirmation', 'judicialConfirmationClosed'],
  ])('%s: %s sets the flag %s and nothing else', (state, ruleId, flag) => {
    const before = reach(state).persisted.context;
    expect(before[flag]).toBe(false);
    const result = fire(state, ruleId);
    expect(result).toMatchObject({ ok: true, state });
    if (result.ok) expect(result.persisted.context).toEqual({ ...before, [flag]: true });
  });

  it('warnings accumulate in firing order', () => {
    const result = drive(reach('agreement.inForce'), [
      ['DEADLINE_ELAPSED', { ruleId: 'dispute.agreement.performance' }, '2026-05-16T00:00:00+08:00'],
      ['DEADLINE_ELAPSED', { ruleId: 'dispute.limitation' }, '2027-03-03T00:00:00+08:00'],
    ]);
    expect(result.persisted.context.warnings).toEqual([
      { ruleId: 'dispute.agreement.performance', on: '2026-05-16' },
      { ruleId: 'dispute.limitation', on: '2027-03-03' },
    ]);
  });

  it('the arbitration-right flag survives into the agreement', () => {
    const result = drive(reach('mediation.inProgress'), [
      ['DEADLINE_ELAPSED', { ruleId: 'dispute.mediation.arbitrationRight' }, '2026-03-18T00:00:00+08:00'],
      ['AGREEMENT_DRAFTED', { terms: [{ description: 'x' }], performanceDue: '2026-05-01', performanceManner: '现金' }, '2026-04-20'],
    ]);
    expect(result.state).toBe('agreement.awaitingSignatures');
    expect(result.persisted.context.arbitrationRightOpen).toBe(true);
  });
});

describe('rule-pack switches for the deemed failures (U sources)', () => {
  it('with the switch off, an elapsed mediation term is a warning and the mediation goes on', () => {
    const inProgress = reach('mediation.inProgress', { settings: { mediationTermDeemedFailure: false } });
    const fired = send(inProgress.persisted, 'DEADLINE_ELAPSED', { ruleId: 'dispute.mediation.term' }, '2026-12-01', SYSTEM);
    expect(fired).toMatchObject({ ok: true, state: 'mediation.inProgress' });
    if (fired.ok) expect(fired.persisted.context.warnings).toEqual([{ ruleId: 'dispute.mediation.term', on: '2026-12-01' }]);
    const byDefault = send(reach('mediation.inProgress').persisted, 'DEADLINE_ELAPSED', { ruleId: 'dispute.mediation.term' }, '2026-12-01', SYSTEM);
    expect(byDefault).toMatchObject({ ok: true, state: 'mediation.mediationFailed' });
  });

  it('with the switch off, an elapsed consultation term is a warning and the consultation goes on', () => {
    const consulting = reach('consultation.consulting', { settings: { consultationTermDeemedFailure: false } });
    const fired = send(consulting.persisted, 'DEADLINE_ELAPSED', { ruleId: 'dispute.consultation.term' }, '2026-12-01', SYSTEM);
    expect(fired).toMatchObject({ ok: true, state: 'consultation.consulting' });
  });
});
