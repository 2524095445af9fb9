/**
 * The registry keeps every pinned machine version and the pure migrations between them
 * (architecture.md "Machine versions"); dispute 1 -> 2 records the breach day (LDMAL Art 27).
 */
import { decide, type Decision, type PersistedCase } from '../../../machines/engine';
import { migrateSnapshot } from '../../../machines/migrate';
import { definitionAt, definitionOf, knownVersions, latestVersion, migrationFrom, migrationPath } from '../../../machines/registry';
import { canonicalJson } from '../../../machines/shared/canonical';
import { at, MEDIATOR, opened, PATHS, type Step } from './dispute/dispute.fixtures';

/** Drives `steps` through the machine of one version (the fixtures' `drive` uses the latest). */
function driveAt(version: string, steps: Step[]): Decision & { ok: true } {
  const def = definitionAt('dispute', version);
  // Every path here but the settlement's runs through mediation.
  let current: Decision & { ok: true } = opened({ route: steps === settlementBreachedLate ? 'consultation' : 'mediation' });
  for (const [type, payload, on] of steps) {
    const next = decide(def, current.persisted, { ...payload, type, occurredAt: at(on), actor: MEDIATOR });
    if (!next.ok) throw new Error(`${type} refused under version ${version}`);
    current = { ...next, persisted: JSON.parse(JSON.stringify(next.persisted)) };
  }
  return current;
}

// The agreement's performanceDue is 2026-05-15; the breach is reported a month later.
const breachedLate: Step[] = [...PATHS['agreement.inForce'].steps, ['NOT_PERFORMED', { detail: '分文未付' }, '2026-06-15']];
// The settlement's performanceDue is 2026-04-10; its breach is reported on 2026-04-20.
const settlementBreachedLate: Step[] = [...PATHS.settled.steps, ['NOT_PERFORMED', {}, '2026-04-20']];

const json = (p: PersistedCase) => canonicalJson(JSON.parse(JSON.stringify(p)));

describe('registry', () => {
  it('keeps dispute version 1 for the cases pinning it, and opens new cases under 2', () => {
    expect(knownVersions('dispute')).toEqual(['1', '2']);
    expect(latestVersion('dispute')).toBe('2');
    expect(definitionOf('dispute').version).toBe('2');
    expect(definitionAt('dispute', '1').version).toBe('1');
    expect(definitionAt('dispute', '1').machine).not.toBe(definitionAt('dispute', '2').machine);
    expect(latestVersion('collective')).toBe('1');
  });

  it('refuses a version it does not know rather than guessing', () => {
    expect(() => definitionAt('dispute', '3')).toThrow(/no version 3/);
    expect(() => definitionAt('collective', '2')).toThrow();
  });

  it('chains the migrations from a pinned version to the latest', () => {
    expect(migrationFrom('dispute', '1')).toMatchObject({ from: '1', to: '2' });
    expect(migrationFrom('dispute', '2')).toBeUndefined();
    expect(migrationPath('dispute', '1').map((m) => m.to)).toEqual(['2']);
    expect(migrationPath('dispute', '2')).toEqual([]);
    expect(migrationPath('collective', '1')).toEqual([]);
  });
});

describe('dispute 1 -> 2: the breach day (LDMAL Art 27)', () => {
  it('version 1 records only the report; version 2 also the day after performanceDue', () => {
    expect(driveAt('1', breachedLate).persisted.context.agreement.breach).toEqual({ detail: '分文未付', on: '2026-06-15' });
    expect(driveAt('2', breachedLate).persisted.context.agreement.breach).toEqual({ detail: '分文未付', on: '2026-06-15', breachedOn: '2026-05-16' });
    expect(driveAt('1', settlementBreachedLate).persisted.context.settlement.notPerformed).toEqual({ on: '2026-04-20' });
    expect(driveAt('2', settlementBreachedLate).persisted.context.settlement.notPerformed).toEqual({ on: '2026-04-20', breachedOn: '2026-04-11' });
  });

  it('a version-1 history replayed through version 2 gives another snapshot: replay must use the pinned version', () => {
    expect(json(driveAt('1', breachedLate).persisted)).not.toBe(json(driveAt('2', breachedLate).persisted));
  });

  it.each([
    ['agreement breach', breachedLate, 'agreement.breached', 'agreement.breach.breachedOn: 2026-05-16'],
    ['settlement breach', settlementBreachedLate, 'consultation.consultationFailed', 'settlement.notPerformed.breachedOn: 2026-04-11'],
  ])('migrates a %s to exactly what version 2 would hold, state unchanged', (_name, steps, state, change) => {
    const v1 = driveAt('1', steps);
    const before = json(v1.persisted);
    const step = migrateSnapshot('dispute', '1', v1.persisted)!;
    expect(step).toMatchObject({ from: '1', to: '2' });
    expect(step.changes).toEqual([expect.stringContaining(change)]);
    expect(step.decision.state).toBe(state);
    expect(json(step.decision.persisted)).toBe(json(driveAt('2', steps).persisted));
    // Pure: the snapshot it was given is untouched.
    expect(json(v1.persisted)).toBe(before);
  });

  it('leaves a case without a breach as it was, and migrates nothing from the latest version', () => {
    const v1 = driveAt('1', PATHS['agreement.inForce'].steps);
    const step = migrateSnapshot('dispute', '1', v1.persisted)!;
    expect(step.changes).toEqual([]);
    expect(json(step.decision.persisted)).toBe(json(v1.persisted));
    expect(migrateSnapshot('dispute', '2', v1.persisted)).toBeUndefined();
  });
});
