import { decide, open, type Decision, type PersistedCase } from '../../machines/engine';
import { migrateSnapshot } from '../../machines/migrate';
import { definitionAt, knownVersions } from '../../machines/registry';
import type { CaseKind, CaseMachineDefinition } from '../../machines/shared/definition';
import type { StoredEvent } from '../repositories/case-events.repository';

/**
 * Replays a case's history through the machine version in force for each stretch of it
 * (architecture.md "Machine versions", audit.md H2 `replay`): the opening version up to the first
 * MACHINE_MIGRATED, then each migration's `to`, applying the migration to the replayed snapshot
 * at that event. The opening version is the first migration's `from` (chained and hashed like
 * every payload), or the version the case still pins when it never migrated.
 */
export class VersionedReplay {
  version: string;
  def: CaseMachineDefinition | undefined;

  constructor(
    private readonly kind: CaseKind,
    pinned: string,
    events: readonly StoredEvent[],
  ) {
    const first = events.find((e) => e.type === 'MACHINE_MIGRATED');
    this.version = first ? String(first.payload.from) : pinned;
    this.def = knownVersions(kind).includes(this.version) ? definitionAt(kind, this.version) : undefined;
  }

  /** The event replayed on `snapshot` (the state before it), or undefined when the machine refuses it. */
  replay(snapshot: PersistedCase | undefined, e: StoredEvent): (Decision & { ok: true }) | undefined {
    if (!this.def) return undefined;
    if (e.seq === 1) {
      if (e.type !== 'CASE_OPENED') return undefined;
      const { kind: _k, ...body } = e.payload;
      return open(this.def, { ...body, openedAt: e.occurredAt });
    }
    if (!snapshot) return undefined;
    if (e.type === 'MACHINE_MIGRATED') return this.migrate(snapshot, e);
    const decision = decide(this.def, snapshot, { ...e.payload, type: e.type, occurredAt: e.occurredAt, actor: e.actor as any });
    return decision.ok ? decision : undefined;
  }

  /** Only the system migrates, only from the version in force, only to the registry's next one. */
  private migrate(snapshot: PersistedCase, e: StoredEvent) {
    if ((e.actor as { role?: string }).role !== 'system' || e.payload.from !== this.version) return undefined;
    const step = migrateSnapshot(this.kind, this.version, snapshot);
    if (!step || step.to !== e.payload.to) return undefined;
    this.version = step.to;
    this.def = definitionAt(this.kind, step.to);
    return step.decision;
  }
}
