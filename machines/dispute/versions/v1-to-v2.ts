/**
 * Dispute machine 1 -> 2: a case whose settlement or mediation agreement was reported not
 * performed learns its breach day, the day after the agreed performance date (LDMAL Art 27,
 * domain.md `dispute.limitation.breachDay`). State and everything else stay as they were.
 */
import type { MachineMigration } from '../../shared/migration';
import type { DisputeContext } from '../dispute.context';
import { breachDay } from '../dispute.updates';

export const disputeV1toV2: MachineMigration = {
  kind: 'dispute',
  from: '1',
  to: '2',
  description: 'NOT_PERFORMED records the breach day, the day after the agreed performance date (LDMAL Art 27).',
  migrate(persisted) {
    const context = persisted.context as DisputeContext;
    const changes: string[] = [];
    let next = context;
    const notPerformed = context.settlement?.notPerformed;
    if (context.settlement && notPerformed && !notPerformed.breachedOn) {
      const breachedOn = breachDay(context.settlement.performanceDue);
      next = { ...next, settlement: { ...context.settlement, notPerformed: { ...notPerformed, breachedOn } } };
      changes.push(`settlement.notPerformed.breachedOn: ${breachedOn} (the day after performanceDue ${context.settlement.performanceDue})`);
    }
    const breach = context.agreement?.breach;
    if (context.agreement && breach && !breach.breachedOn) {
      const breachedOn = breachDay(context.agreement.performanceDue);
      next = { ...next, agreement: { ...context.agreement, breach: { ...breach, breachedOn } } };
      changes.push(`agreement.breach.breachedOn: ${breachedOn} (the day after performanceDue ${context.agreement.performanceDue})`);
    }
    return { persisted: { value: persisted.value, context: next }, changes };
  },
};
