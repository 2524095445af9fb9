import type { CaseKind, CaseMachineDefinition } from './shared/definition';
import { disputeDefinition } from './dispute';
import { collectiveDefinition } from './collective';

/** kind -> { machine, version, schemas, rules, permissions } */
export const registry: Record<CaseKind, CaseMachineDefinition> = {
  dispute: disputeDefinition,
  collective: collectiveDefinition,
};

export const caseKinds = Object.keys(registry) as CaseKind[];

export function definitionOf(kind: CaseKind): CaseMachineDefinition {
  const def = registry[kind];
  if (!def) throw new Error(`unknown case kind ${kind}`);
  return def;
}
