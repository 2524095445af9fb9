/** Opening, recorded data, outcomes and the limitation record across the whole case. */
import { decide, open } from '../../../../machines/engine';
import { drive, def, kindOf, opened, reach, SAMPLE, send, STATES, at, MEDIATOR } from './dispute.fixtures';

describe('opening', () => {
  it('the consultation route starts in consultation.awaitingResponse with the body as data', () => {
    const start = opened();
    expect(start).toMatchObject({ state: 'consultation.awaitingResponse', closed: false, outcome: null });
    const ctx = start.persisted.context;
    expect(ctx).toMatchObject({
      route: 'consultation',
      channel: 'walk_in',
      receivedOn: '2026-03-02',
      openedAt: '2026-03-01T16:00:00.000Z',
      applicant: { name: '张三' },
      respondent: { name: '某某科技有限公司' },
      knewOn: '2026-02-15',
      flags: ['wageArrears'],
      consultation: { extensions: [] },
      arbitrationRightOpen: false,
      arbitralReviewClosed: false,
      judicialConfirmationClosed: false,
      warnings: [],
      limitation: { suspended: false, periods: [] },
    });
    expect(ctx.mediation).toBeUndefined();
    expect('outcome' in ctx).toBe(false);
  });

  it('the mediation route starts in mediation.awaitingAcceptance, applied on receivedOn', () => {
    const start = opened({ route: 'mediation', flags: undefined });
    expect(start.state).toBe('mediation.awaitingAcceptance');
    expect(start.persisted.context.mediation).toEqual({
      appliedOn: '2026-03-02',
      committeeId: '0b9f2d4e-6a55-4c1e-9d3b-2f6e8a1c7d10',
      mediatorIds: [],
      sessions: [],
      extensionDays: 0,
      extensions: [],
    });
    expect(start.persisted.context.flags).toEqual([]);
    expect(start.persisted.context.consultation).toBeUndefined();
  });

  it('copies only the known body fields', () => {
    const start = open(def, { ...(opened().persisted.context as object), kind: 'dispute', extra: 1, openedAt: at('2026-03-02') });
    expect(start.persisted.context).not.toHaveProperty('kind');
    expect(start.persisted.context).not.toHaveProperty('extra');
  });
});

describe('consultation data', () => {
  it('records agreement, extensions and settlement', () => {
    const result = drive(reach('consultation.consulting'), [
      ['CONSULTATION_EXTENDED', { until: '2026-03-31', writtenConsent: true }, '2026-03-18'],
      ['CONSULTATION_EXTENDED', { until: '2026-04-10', writtenConsent: true }, '2026-03-30'],
      ['SETTLEMENT_REACHED', SAMPLE.SETTLEMENT_REACHED, '2026-04-01'],
    ]);
    expect(result.state).toBe('settled');
    expect(result.persisted.context.consultation).toEqual({
      agreedOn: '2026-03-04',
      until: '2026-04-10',
      extensions: [
        { until: '2026-03-31', on: '2026-03-18' },
        { until: '2026-04-10', on: '2026-03-30' },
      ],
    });
    expect(result.persisted.context.settlement).toEqual({ terms: SAMPLE.SETTLEMENT_REACHED.terms, performanceDue: '2026-04-10', reachedOn: '2026-04-01' });
  });

  it('a settlement not performed leads back to consultationFailed, then to mediation', () => {
    const result = drive(reach('settled'), [
      ['NOT_PERFORMED', {}, '2026-04-11'],
      ['APPLY_MEDIATION', { mediationCommitteeId: '9a9f2d4e-6a55-4c1e-9d3b-2f6e8a1c7d99' }, '2026-04-12'],
    ]);
    expect(result.state).toBe('mediation.awaitingAcceptance');
    expect(result.persisted.context.mediationCommitteeId).toBe('9a9f2d4e-6a55-4c1e-9d3b-2f6e8a1c7d99');
    expect(result.persisted.context.mediation).toMatchObject({ appliedOn: '2026-04-12', committeeId: '9a9f2d4e-6a55-4c1e-9d3b-2f6e8a1c7d99' });
    expect(result.persisted.context.settlement.notPerformed).toEqual({ on: '2026-04-11', breachedOn: '2026-04-11' });
  });

  it('APPLY_MEDIATION without a committee keeps the case committee', () => {
    const result = drive(reach('consultation.consultationFailed'), [['APPLY_MEDIATION', {}, '2026-03-12']]);
    expect(result.persisted.context.mediation.committeeId).toBe('0b9f2d4e-6a55-4c1e-9d3b-2f6e8a1c7d10');
  });
});

describe('mediation data', () => {
  it('numbers sessions from 1', () => {
    const result = drive(reach('mediation.inProgress'), [
      ['RECORD_SESSION', { heldOn: '2026-03-05', place: '调解室', attendees: ['张三'], summary: '第一次', proposals: ['付8000'] }, '2026-03-05'],
      ['RECORD_SESSION', { heldOn: '2026-03-06', attendees: ['张三', '李四'], summary: '第二次' }, '2026-03-06'],
    ]);
    expect(result.persisted.context.mediation.sessions).toEqual([
      { no: 1, heldOn: '2026-03-05', place: '调解室', attendees: ['张三'], summary: '第一次', proposals: ['付8000'] },
      { no: 2, heldOn: '2026-03-06', attendees: ['张三', '李四'], summary: '第二次', proposals: [] },
    ]);
  });

  it.each([
    ['MEDIATION_FAILED', { reason: '差距大' }, { kind: 'failed', reason: '差距大', on: '2026-03-06' }],
    ['PARTY_REFUSED', { party: 'applicant' }, { kind: 'partyRefused', party: 'applicant', on: '2026-03-06' }],
  ])('%s records the failure', (type, payload, failure) => {
    const result = drive(reach('mediation.inProgress'), [[type, payload, '2026-03-06']]);
    expect(result.persisted.context.mediation.failure).toEqual(failure);
  });

  it('DECLINE closes as notAccepted with the reason', () => {
    const result = drive(reach('mediation.awaitingAcceptance'), [['DECLINE', { reason: 'respondent_refuses' }, '2026-03-03']]);
    expect(result).toMatchObject({ state: 'closed', closed: true, outcome: 'notAccepted' });
    expect(result.persisted.context.mediation.decline).toEqual({ reason: 'respondent_refuses', on: '2026-03-03' });
    expect(result.persisted.context.closedOn).toBe('2026-03-03');
  });
});

describe('outcomes', () => {
  it('no open state has an outcome or closedOn', () => {
    for (const state of STATES.filter((s) => s !== 'closed')) {
      const { persisted, outcome } = reach(state);
      expect(outcome).toBeNull();
      expect(persisted.context).not.toHaveProperty('outcome');
      expect(persisted.context).not.toHaveProperty('closedOn');
    }
  });

  it.each([
    ['settled', 'PERFORMED', {}, 'resolved', 'settlement.performedOn'],
    ['agreement.inForce', 'PERFORMED', {}, 'resolved', 'agreement.performedOn'],
    ['consultation.awaitingResponse', 'WITHDRAWN', { by: 'applicant', reason: '和好' }, 'withdrawn', 'withdrawal.on'],
    ['mediation.inProgress', 'WITHDRAWN', { by: 'applicant' }, 'withdrawn', 'withdrawal.on'],
    ['agreement.awaitingSignatures', 'WITHDRAWN', { by: 'applicant' }, 'withdrawn', 'withdrawal.on'],
    ['consultation.consultationFailed', 'REFER_TO_ARBITRATION', {}, 'referredToArbitration', 'referral.on'],
    ['agreement.breached', 'REFER_TO_ARBITRATION', {}, 'referredToArbitration', 'referral.on'],
    ['consultation.consultationFailed', 'CLOSE_UNRESOLVED', { reason: '无果' }, 'unresolved', 'closure.on'],
    ['mediation.mediationFailed', 'CLOSE_UNRESOLVED', {}, 'unresolved', 'closure.on'],
    ['agreement.breached', 'CLOSE_UNRESOLVED', {}, 'unresolved', 'closure.on'],
  ])('%s %s -> closed(%s)', (state, type, payload, outcome, recordPath) => {
    const result = send(reach(state).persisted, type, payload, '2026-06-01');
    expect(result).toMatchObject({ ok: true, state: 'closed', closed: true, outcome });
    if (!result.ok) return;
    expect(result.persisted.context).toMatchObject({ outcome, closedOn: '2026-06-01' });
    const [key, field] = recordPath.split('.');
    expect(result.persisted.context[key][field]).toBe('2026-06-01');
  });

  it('a closed case accepts nothing, not even a deadline', () => {
    const closed = reach('closed').persisted;
    expect(kindOf(send(closed, 'DEADLINE_ELAPSED', { ruleId: 'dispute.limitation' }, '2027-01-01'))).toBe('not_allowed');
    expect(decide(def, closed, { type: 'LIMITATION_SUSPENDED', occurredAt: at('2027-01-01'), actor: MEDIATOR })).toMatchObject({
      ok: false,
      refusal: { kind: 'not_allowed', state: 'closed', accepted: [] },
    });
  });
});

describe('limitation suspension (LDMAL Art 27)', () => {
  it.each(STATES.filter((s) => s !== 'closed'))('%s: suspend, resume and suspend again', (state) => {
    const result = drive(reach(state), [
      ['LIMITATION_SUSPENDED', { reason: '疫情封控' }, '2026-06-01'],
      ['LIMITATION_RESUMED', { reason: '解除封控' }, '2026-06-20'],
      ['LIMITATION_SUSPENDED', {}, '2026-07-01'],
    ]);
    expect(result.state).toBe(state);
    expect(result.persisted.context.limitation).toEqual({
      suspended: true,
      periods: [
        { suspendedOn: '2026-06-01', resumedOn: '2026-06-20', reason: '疫情封控', resumeReason: '解除封控' },
        { suspendedOn: '2026-07-01' },
      ],
    });
  });

  it('suspending twice or resuming a running limitation is not accepted (409)', () => {
    const fresh = reach('mediation.inProgress');
    expect(kindOf(send(fresh.persisted, 'LIMITATION_RESUMED', {}, '2026-06-01'))).toBe('not_allowed');
    const suspended = drive(fresh, [['LIMITATION_SUSPENDED', {}, '2026-06-01']]);
    expect(kindOf(send(suspended.persisted, 'LIMITATION_SUSPENDED', {}, '2026-06-02'))).toBe('not_allowed');
  });
});
