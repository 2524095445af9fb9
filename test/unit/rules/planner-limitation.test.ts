import { elapseInstant, isElapsed, NATIONAL_PACK, withOverrides } from '../../../src/rules';
import { DISPUTE_STATES } from '../../../src/rules/dispute-deadlines';
import { CaseSim } from './planner-harness';

const L = 'dispute.limitation';
const dismissal = { type: 'dismissal', description: 'd' };
const wages = { type: 'unpaid_wages', amount: '5000.00', description: 'w' };

function open(body: Record<string, unknown>, sim = new CaseSim('dispute')) {
  sim.open({ route: 'consultation', channel: 'walk_in', receivedOn: '2026-09-21', ...body }, 'consultation.awaitingResponse', String(body.receivedOn ?? '2026-09-21'));
  return sim;
}

describe('limitation at opening (LDMAL Art 27)', () => {
  it('1 year, restarted at receivedOn by the consultation request', () => {
    const sim = open({ claims: [dismissal], knewOn: '2026-06-01' });
    expect(sim.row(L)).toMatchObject({
      triggerOn: '2026-09-21', dueOn: '2027-09-21', period: 1, unit: 'years', status: 'pending', provisional: true,
      citation: '劳动争议调解仲裁法 第二十七条 / LDMAL Art 27',
    });
    expect(sim.row(L).owningStates).toEqual(DISPUTE_STATES.filter((s) => s !== 'closed'));
    expect(sim.row(L).explanation).toContain('knew or should have known of the infringement on 2026-06-01');
    expect(sim.row(L).explanation).toContain('Interrupted by the consultation request received on 2026-09-21');
  });

  it('already run out before the request: keeps the past due date, nothing to interrupt', () => {
    const sim = open({ claims: [dismissal], knewOn: '2025-01-10', receivedOn: '2026-03-02' });
    // 2026-01-10 is a Saturday: rolled to Monday 2026-01-12.
    expect(sim.row(L)).toMatchObject({ triggerOn: '2025-01-10', dueOn: '2026-01-12', status: 'pending', provisional: false });
    expect(sim.row(L).explanation).toContain('time-barred already');
  });

  it('without knewOn: no deadline, and the case says so', () => {
    const sim = open({ claims: [dismissal] });
    expect(sim.rows.has(L)).toBe(false);
    expect(sim.last.notes.join(' ')).toContain('knewOn');
  });

  it('unpaid wages while the employment continues: no deadline, and the case says so', () => {
    const sim = open({ claims: [wages], knewOn: '2026-06-01' });
    expect(sim.rows.has(L)).toBe(false);
    expect(sim.last.notes.join(' ')).toContain('not time-barred');
  });

  it('unpaid wages after the employment ended: 1 year from the end, restarted by the request', () => {
    const sim = open({ claims: [wages], employmentEndedOn: '2026-05-31' });
    expect(sim.row(L)).toMatchObject({ triggerOn: '2026-09-21', dueOn: '2027-09-21' });
    expect(sim.row(L).explanation).toContain('the employment ended on 2026-05-31');
  });

  it('mixed claims, employment continuing: the other claims run, the wages note is given', () => {
    const sim = open({ claims: [dismissal, wages], knewOn: '2026-06-01' });
    expect(sim.row(L).dueOn).toBe('2027-09-21');
    expect(sim.last.notes.join(' ')).toContain('unpaid-wage claims');
  });

  it('mixed claims with different bars: the earlier due date is shown, the other in a note', () => {
    const sim = open({ claims: [dismissal, wages], knewOn: '2025-08-01', employmentEndedOn: '2026-05-31' });
    // Other claims: 2026-08-01 (Sat) -> 2026-08-03, before the request: barred. Wages: from the request.
    expect(sim.row(L).dueOn).toBe('2026-08-03');
    expect(sim.last.notes.join(' ')).toContain('2027-09-21');
  });
});

describe('limitation interruptions', () => {
  it('a refused consultation restarts it from that day (Order17 Art 31)', () => {
    const sim = open({ claims: [dismissal], knewOn: '2026-06-01' });
    sim.apply({ type: 'CONSULTATION_REFUSED' }, '2026-09-24', 'consultation.consultationFailed');
    expect(sim.row(L)).toMatchObject({ triggerOn: '2026-09-24', dueOn: '2027-09-24', status: 'pending' });
    expect(sim.row(L).explanation).toContain('the other party refused to consult (Order17 Art 31)');
  });

  it('a deemed refusal restarts it from the day after the response due date', () => {
    const sim = open({ claims: [dismissal], knewOn: '2026-06-01' });
    sim.fire('dispute.consultation.response', 'consultation.consultationFailed');
    // Response due 2026-09-28 (rolled over Mid-Autumn); it elapses at 24:00, i.e. 2026-09-29.
    expect(sim.row(L)).toMatchObject({ triggerOn: '2026-09-29', dueOn: '2027-09-29' });
    expect(sim.row(L).explanation).toContain('deemed refusal');
  });

  it('with the Order17 switch off only the statutory interruptions count', () => {
    const pack = withOverrides(NATIONAL_PACK, { id: 'strict', version: 'strict-1', switches: { limitationOrder17Interruptions: false } });
    const sim = open({ claims: [dismissal], knewOn: '2026-06-01' }, new CaseSim('dispute', { pack }));
    sim.apply({ type: 'CONSULTATION_REFUSED' }, '2026-09-24', 'consultation.consultationFailed');
    expect(sim.row(L).triggerOn).toBe('2026-09-21');
    sim.apply({ type: 'APPLY_MEDIATION' }, '2026-10-09', 'mediation.awaitingAcceptance');
    expect(sim.row(L)).toMatchObject({ triggerOn: '2026-10-09' });
    expect(sim.row(L).explanation).toContain('applied for mediation');
  });

  it('a settlement (the employer agrees to perform) interrupts; not with that switch off', () => {
    const on = open({ claims: [dismissal], knewOn: '2026-06-01' });
    on.apply({ type: 'CONSULTATION_AGREED', until: '2026-10-30' }, '2026-09-24', 'consultation.consulting');
    expect(on.row(L).triggerOn).toBe('2026-09-21');
    on.apply({ type: 'SETTLEMENT_REACHED', performanceDue: '2026-11-30' }, '2026-10-12', 'settled');
    expect(on.row(L).triggerOn).toBe('2026-10-12');
    expect(on.row(L).explanation).toContain('对方当事人同意履行义务');

    const pack = withOverrides(NATIONAL_PACK, { version: '2026.1-x', switches: { limitationAgreementToPerformInterrupts: false } });
    const off = open({ claims: [dismissal], knewOn: '2026-06-01' }, new CaseSim('dispute', { pack }));
    off.apply({ type: 'CONSULTATION_AGREED', until: '2026-10-30' }, '2026-09-24', 'consultation.consulting');
    off.apply({ type: 'SETTLEMENT_REACHED', performanceDue: '2026-11-30' }, '2026-10-12', 'settled');
    expect(off.row(L).triggerOn).toBe('2026-09-21');
    // Non-performance is on the Order17 list.
    off.apply({ type: 'NOT_PERFORMED' }, '2026-12-01', 'consultation.consultationFailed');
    expect(off.row(L).triggerOn).toBe('2026-12-01');
  });

  it('a fired limitation is not revived by a later interruption', () => {
    const sim = open({ claims: [dismissal], knewOn: '2025-01-10', receivedOn: '2026-03-02' });
    sim.fire(L);
    expect(sim.status(L)).toBe('fired');
    sim.apply({ type: 'CONSULTATION_REFUSED' }, '2026-03-05', 'consultation.consultationFailed');
    expect(sim.status(L)).toBe('fired');
    expect(sim.row(L).dueOn).toBe('2026-01-12');
    expect(sim.changed()).not.toContain(L);
  });

  it('is never met; cancelled when the case closes', () => {
    const sim = open({ claims: [dismissal], knewOn: '2026-06-01' });
    sim.apply({ type: 'CONSULTATION_REFUSED' }, '2026-09-24', 'consultation.consultationFailed');
    sim.apply({ type: 'CLOSE_UNRESOLVED' }, '2026-09-25', 'closed');
    expect(sim.status(L)).toBe('cancelled');
  });
});

describe('limitation suspension', () => {
  it('stops the clock; on resumption the suspended days are added and explained', () => {
    const sim = open({ claims: [dismissal], knewOn: '2026-06-01' });
    sim.apply({ type: 'LIMITATION_SUSPENDED', reason: 'flood' }, '2026-10-12');
    expect(sim.row(L)).toMatchObject({ dueOn: '2027-09-21', status: 'pending', memo: { suspendedOn: '2026-10-12' } });
    expect(sim.row(L).explanation).toContain('Suspended on 2026-10-12');
    expect(isElapsed(sim.row(L), '2030-01-01T00:00:00Z')).toBe(false);

    sim.apply({ type: 'LIMITATION_RESUMED' }, '2026-11-11');
    // 30 days: 2027-09-21 + 30 = 2027-10-21.
    expect(sim.row(L)).toMatchObject({ triggerOn: '2026-09-21', dueOn: '2027-10-21', status: 'pending', memo: { suspendedOn: null, suspendedDays: 30 } });
    expect(sim.row(L).explanation).toContain('suspended from 2026-10-12 to 2026-11-11 (30 days)');
    expect(isElapsed(sim.row(L), '2027-10-21T16:00:00Z')).toBe(true);

    sim.apply({ type: 'LIMITATION_SUSPENDED' }, '2026-12-01');
    sim.apply({ type: 'LIMITATION_RESUMED' }, '2026-12-11');
    // 40 days: 2027-10-31 is a Sunday, rolled to Monday 2027-11-01.
    expect(sim.row(L)).toMatchObject({ dueOn: '2027-11-01', memo: { suspendedDays: 40 } });
    expect(sim.row(L).explanation).toContain('after 30 days of earlier suspension');
    expect(sim.row(L).explanation).toContain('rolled to 2027-11-01');
  });

  it('a resumption without a suspension changes nothing and says so', () => {
    const sim = open({ claims: [dismissal], knewOn: '2026-06-01' });
    sim.apply({ type: 'LIMITATION_RESUMED' }, '2026-10-12');
    expect(sim.changed()).toEqual([]);
    expect(sim.last.notes.join(' ')).toContain('without a recorded suspension');
  });

  it('an interruption during a suspension restarts the year, which runs once the suspension ends', () => {
    const sim = open({ claims: [dismissal], knewOn: '2026-06-01' });
    sim.apply({ type: 'LIMITATION_SUSPENDED' }, '2026-09-22');
    sim.apply({ type: 'CONSULTATION_REFUSED' }, '2026-09-24', 'consultation.consultationFailed');
    expect(sim.row(L)).toMatchObject({ triggerOn: '2026-09-24', memo: { suspendedOn: '2026-09-24', suspendedDays: 0 } });
    expect(sim.row(L).explanation).toContain('still suspended');
    sim.apply({ type: 'LIMITATION_RESUMED' }, '2026-10-24');
    // 30 days: 2027-09-24 + 30 = 2027-10-24 (Sunday) -> Monday 2027-10-25.
    expect(sim.row(L)).toMatchObject({ dueOn: '2027-10-25', memo: { suspendedOn: null, suspendedDays: 30 } });
  });
});

describe('elapse instant', () => {
  it('is 24:00 Asia/Shanghai of the due date', () => {
    expect(elapseInstant('2026-10-08')).toBe('2026-10-08T16:00:00.000Z');
  });
  it('isElapsed compares instants, pending rows only', () => {
    const d = { dueOn: '2026-10-08', status: 'pending' as const };
    expect(isElapsed(d, '2026-10-08T23:59:59+08:00')).toBe(false);
    expect(isElapsed(d, '2026-10-09T00:00:00+08:00')).toBe(true);
    expect(isElapsed(d, '2026-10-08T16:00:00Z')).toBe(true);
    expect(isElapsed({ ...d, status: 'fired' }, '2027-01-01T00:00:00Z')).toBe(false);
    expect(() => isElapsed(d, 'yesterday')).toThrow(RangeError);
  });
});
