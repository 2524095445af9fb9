import type { PersistedCase } from '../engine';
import type { CaseKind } from './definition';

/**
 * A pure step from one machine version to the next (architecture.md "Machine versions"): the
 * stored snapshot in, the snapshot the next version would hold out, with what changed.
 *
 * It reads the snapshot only, never the case's deadlines: verify replays a migration from the
 * history alone. Deadlines that move because the snapshot changed are the statutory clock's
 * business (src/rules), which plans them after the MACHINE_MIGRATED event like after any event,
 * with the calendar the machines do not have.
 */
export interface MachineMigration {
  kind: CaseKind;
  from: string;
  to: string;
  /** One sentence for people: what the new version does differently. */
  description: string;
  migrate(persisted: PersistedCase): { persisted: PersistedCase; changes: string[] };
}
