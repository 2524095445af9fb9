import type { CaseKind, CaseMachineDefinition } from './shared/definition';
import type { MachineMigration } from './shared/migration';
import { disputeDefinition } from './dispute';
import { disputeDefinitionV1 } from './dispute/versions/v1';
import { disputeV1toV2 } from './dispute/versions/v1-to-v2';
import { collectiveDefinition } from './collective';

/**
 * Every machine version a stored case may pin, oldest first, and the migrations between
 * neighbours (architecture.md "Machine versions"). A version leaves this list only once no case
 * pins it and no history still replays through it.
 */
const versions: Record<CaseKind, { definitions: CaseMachineDefinition[]; migrations: MachineMigration[] }> = {
  dispute: { definitions: [disputeDefinitionV1, disputeDefinition], migrations: [disputeV1toV2] },
  collective: { definitions: [collectiveDefinition], migrations: [] },
};

/** kind -> the latest definition: what new cases open under and what the machine description shows. */
export const registry: Record<CaseKind, CaseMachineDefinition> = {
  dispute: disputeDefinition,
  collective: collectiveDefinition,
};

export const caseKinds = Object.keys(registry) as CaseKind[];

function versionsOf(kind: CaseKind) {
  const entry = versions[kind];
  if (!entry) throw new Error(`unknown case kind ${kind}`);
  return entry;
}

/** The latest definition of the kind (new cases; a stored case uses `definitionAt`). */
export function definitionOf(kind: CaseKind): CaseMachineDefinition {
  const def = registry[kind];
  if (!def) throw new Error(`unknown case kind ${kind}`);
  return def;
}

export function latestVersion(kind: CaseKind): string {
  return definitionOf(kind).version;
}

/** The definition a case pinned; unknown versions throw, for a case must never run on a guess. */
export function definitionAt(kind: CaseKind, version: string): CaseMachineDefinition {
  const def = versionsOf(kind).definitions.find((d) => d.version === version);
  if (!def) throw new Error(`machine ${kind} has no version ${version}`);
  return def;
}

export function knownVersions(kind: CaseKind): string[] {
  return versionsOf(kind).definitions.map((d) => d.version);
}

/** The migration from `version` to the next one, if any. */
export function migrationFrom(kind: CaseKind, version: string): MachineMigration | undefined {
  return versionsOf(kind).migrations.find((m) => m.from === version);
}

/** The migrations that take a case pinned at `version` to the latest, in order. */
export function migrationPath(kind: CaseKind, version: string): MachineMigration[] {
  const path: MachineMigration[] = [];
  for (let m = migrationFrom(kind, version); m; m = migrationFrom(kind, m.to)) path.push(m);
  return path;
}
