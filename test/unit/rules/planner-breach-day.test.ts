/**
 * dispute.limitation.breachDay (LDMAL Art 27): an unperformed agreement interrupts the limitation
 * on the day after its performanceDue, whenever the breach is reported. Machine version 2 records
 * that day; version 1 recorded only the report, and MACHINE_MIGRATED moves its year back.
 */
import { CaseSim } from './planner-harness';

const L = 'dispute.limitation';

/** A consultation case settled on 2026-10-09 to be performed by 2026-10-20, reported unperformed on 2026-11-25. */
function settledCase() {
  const sim = new CaseSim('dispute');
  sim.open({ route: 'consultation', channel: 'walk_in', receivedOn: '2026-09-21', claims: [{ type: 'dismissal', description: 'd' }], knewOn: '2026-06-01' }, 'consultation.awaitingResponse', '2026-09-21');
  sim.apply({ type: 'CONSULTATION_AGREED', until: '2026-10-30' }, '2026-09-22', 'consultation.consulting');
  sim.apply({ type: 'SETTLEMENT_REACHED', performanceDue: '2026-10-20' }, '2026-10-09', 'settled', { settlement: { performanceDue: '2026-10-20', reachedOn: '2026-10-09' } });
  return sim;
}

const reported = { performanceDue: '2026-10-20', reachedOn: '2026-10-09' };

describe('the breach day interrupts the limitation', () => {
  it('version 2: from the day after performanceDue, not from the report', () => {
    const sim = settledCase();
    sim.apply({ type: 'NOT_PERFORMED' }, '2026-11-25', 'consultation.consultationFailed', { settlement: { ...reported, notPerformed: { on: '2026-11-25', breachedOn: '2026-10-21' } } });
    expect(sim.row(L)).toMatchObject({ triggerOn: '2026-10-21', dueOn: '2027-10-21', status: 'pending' });
  });

  it('version 1 (no breach day recorded): from the report, as before', () => {
    const sim = settledCase();
    sim.apply({ type: 'NOT_PERFORMED' }, '2026-11-25', 'consultation.consultationFailed', { settlement: { ...reported, notPerformed: { on: '2026-11-25' } } });
    expect(sim.row(L)).toMatchObject({ triggerOn: '2026-11-25', dueOn: '2027-11-25' });
  });

  it('MACHINE_MIGRATED 1 -> 2 moves the year back to the breach day', () => {
    const sim = settledCase();
    sim.apply({ type: 'NOT_PERFORMED' }, '2026-11-25', 'consultation.consultationFailed', { settlement: { ...reported, notPerformed: { on: '2026-11-25' } } });
    sim.apply({ type: 'MACHINE_MIGRATED', from: '1', to: '2' }, '2026-12-01', 'consultation.consultationFailed', { settlement: { ...reported, notPerformed: { on: '2026-11-25', breachedOn: '2026-10-21' } } });
    expect(sim.changed()).toEqual([L]);
    expect(sim.row(L)).toMatchObject({ triggerOn: '2026-10-21', dueOn: '2027-10-21', status: 'pending' });
    expect(sim.row(L).explanation).toContain('machine version 2');
  });

  it('leaves a limitation interrupted again after the report alone', () => {
    const sim = settledCase();
    sim.apply({ type: 'NOT_PERFORMED' }, '2026-11-25', 'consultation.consultationFailed', { settlement: { ...reported, notPerformed: { on: '2026-11-25' } } });
    sim.apply({ type: 'APPLY_MEDIATION' }, '2026-11-27', 'mediation.awaitingAcceptance');
    sim.apply({ type: 'MACHINE_MIGRATED', from: '1', to: '2' }, '2026-12-01', 'mediation.awaitingAcceptance', { settlement: { ...reported, notPerformed: { on: '2026-11-25', breachedOn: '2026-10-21' } } });
    expect(sim.changed()).toEqual([]);
    expect(sim.row(L)).toMatchObject({ triggerOn: '2026-11-27' });
  });
});
