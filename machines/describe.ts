import type { CaseMachineDefinition } from './shared/definition';
import { legalRuleIds } from './engine';

/**
 * The machine as JSON for GET /api/v1/machines/:kind: every state (dotted path), every
 * transition with its target and the legal rules (id, citation) that guard it.
 */
export function describeMachine(def: CaseMachineDefinition) {
  const states: { state: string; final: boolean; transitions: TransitionInfo[] }[] = [];
  walk(def.machine.root, [], states, def);
  const rules = Object.values(def.rules).map(({ id, citation, description }) => ({ id, citation, description }));
  return { kind: def.kind, version: def.version, initialStates: initialOf(def.machine.root), events: [...def.eventTypes], states, rules };
}

interface TransitionInfo {
  event: string;
  target: string | null;
  rules: { id: string; citation: string }[];
  condition?: string;
}

function walk(node: any, path: string[], out: { state: string; final: boolean; transitions: TransitionInfo[] }[], def: CaseMachineDefinition) {
  const children = Object.entries(node.states ?? {}) as [string, any][];
  // A pass-through state (no events, only `always` transitions: choosing the route) is never stored.
  const passThrough = (node.always?.length ?? 0) > 0 && node.transitions.size === 0;
  if (path.length > 0 && !passThrough) {
    const transitions: TransitionInfo[] = [];
    for (const [event, list] of node.transitions as Map<string, any[]>) {
      for (const t of list) transitions.push(describeTransition(event, t, def));
    }
    for (const t of node.always ?? []) transitions.push(describeTransition('(immediately)', t, def));
    out.push({ state: path.join('.'), final: node.type === 'final', transitions });
  }
  for (const [key, child] of children) walk(child, [...path, key], out, def);
}

function describeTransition(event: string, t: any, def: CaseMachineDefinition): TransitionInfo {
  const target = t.target?.[0] ? pathOf(t.target[0]) : null;
  const ruleIds = legalRuleIds(t.guard);
  const info: TransitionInfo = { event, target, rules: ruleIds.map((id) => ({ id, citation: def.rules[id]?.citation ?? '' })) };
  const condition = conditionOf(t.guard);
  if (condition) info.condition = condition;
  return info;
}

/** The non-legal part of a guard in words: `deadline <ruleId>`, a guard's name, or their `and`. */
function conditionOf(guard: any): string | undefined {
  if (!guard) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    if (Array.isArray(guard.guards)) {
      const parts = guard.guards.map(conditionOf).filter(Boolean);
      return parts.length ? parts.join(guard.name === 'or' ? ' or ' : ' and ') : undefined;
    }
    return guard.name || 'condition';
  }
  if (guard.type === 'legal') return undefined;
  if (guard.type === 'deadline') return `deadline ${guard.params.ruleId}`;
  return String(guard.type);
}

function pathOf(node: any): string {
  return (node.path as string[]).join('.');
}

/** The initial state, or the states a pass-through initial state may choose between. */
function initialOf(root: any): string[] {
  let node = root;
  while (node.initial?.target?.[0]) node = node.initial.target[0];
  if (node.always?.length) return node.always.map((t: any) => leafOf(t.target[0]));
  return [pathOf(node)];
}

function leafOf(node: any): string {
  while (node.initial?.target?.[0]) node = node.initial.target[0];
  return pathOf(node);
}
