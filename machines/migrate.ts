import { accepted, restore, type Decision, type PersistedCase } from './engine';
import { definitionAt, migrationFrom } from './registry';
import type { CaseKind } from './shared/definition';

export interface MigrationStep {
  from: string;
  to: string;
  /** The case as the new version holds it. */
  decision: Decision & { ok: true };
  changes: string[];
}

/**
 * Applies the migration from `version` to a snapshot and restores it in the new version's
 * machine, so the state, status and outcome are what that machine makes of it. Undefined when
 * no migration leaves `version`. Pure: the writer and verify both call it.
 */
export function migrateSnapshot(kind: CaseKind, version: string, persisted: PersistedCase): MigrationStep | undefined {
  const migration = migrationFrom(kind, version);
  if (!migration) return undefined;
  const out = migration.migrate(persisted);
  const decision = accepted(restore(definitionAt(kind, migration.to), out.persisted));
  return { from: migration.from, to: migration.to, decision, changes: out.changes };
}
