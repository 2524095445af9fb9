import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import type { CaseMachineDefinition } from './shared/definition';
import { firstBroken, type LegalGuardParams } from './shared/legal-rule';
import type { Actor } from './shared/case-event';

/** The part of a snapshot that is stored with the case and restored with `resolveState`. */
export interface PersistedCase {
  value: unknown;
  context: any;
}

export interface MachineEvent {
  type: string;
  occurredAt: string;
  actor: Actor;
  [field: string]: unknown;
}

export type Refusal =
  | { kind: 'not_allowed'; state: string; accepted: string[] }
  | { kind: 'rule'; rule: string; citation: string; description: string };

export type Decision =
  | { ok: true; persisted: PersistedCase; state: string; closed: boolean; outcome: string | null }
  | { ok: false; refusal: Refusal };

/** The case as it is right after opening. */
export function open(def: CaseMachineDefinition, input: unknown): Decision & { ok: true } {
  const [snapshot] = initialTransition(def.machine, input);
  return accepted(snapshot);
}

export function restore(def: CaseMachineDefinition, persisted: PersistedCase): AnyMachineSnapshot {
  return def.machine.resolveState({ value: persisted.value as any, context: persisted.context });
}

/**
 * Applies one event: accepted (new snapshot), not accepted in this state (409), or refused by a
 * legal rule (422, with the first broken rule of the candidate transitions).
 */
export function decide(def: CaseMachineDefinition, persisted: PersistedCase, event: MachineEvent): Decision {
  const snapshot = restore(def, persisted);
  const candidates = candidateTransitions(snapshot, event.type);
  if (candidates.length === 0) {
    return { ok: false, refusal: { kind: 'not_allowed', state: stateString(snapshot.value), accepted: acceptedEvents(snapshot) } };
  }
  const [next] = transition(def.machine, snapshot, event as any);
  if (next !== snapshot) return accepted(next);
  for (const candidate of candidates) {
    const broken = brokenLegalRule(def, candidate.guard, snapshot.context, event);
    if (broken) return { ok: false, refusal: { kind: 'rule', rule: broken.id, citation: broken.citation, description: broken.description } };
  }
  // Candidates exist but only non-legal guards (e.g. which deadline) refused: not for this state.
  return { ok: false, refusal: { kind: 'not_allowed', state: stateString(snapshot.value), accepted: acceptedEvents(snapshot) } };
}

/** The decision for a snapshot the machine holds (also a migrated one). */
export function accepted(snapshot: AnyMachineSnapshot): Decision & { ok: true } {
  const closed = snapshot.status === 'done';
  return {
    ok: true,
    persisted: { value: snapshot.value, context: snapshot.context },
    state: stateString(snapshot.value),
    closed,
    outcome: closed ? (snapshot.context?.outcome ?? null) : null,
  };
}

/** `{mediation: 'inProgress'}` -> `mediation.inProgress`. */
export function stateString(value: unknown): string {
  if (typeof value === 'string') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length !== 1) throw new Error('parallel states are not used by case machines');
  const [key, child] = entries[0];
  return `${key}.${stateString(child)}`;
}

/** Event types the active states handle (guards not evaluated). */
export function acceptedEvents(snapshot: AnyMachineSnapshot): string[] {
  const types = new Set<string>();
  for (const node of activeNodes(snapshot)) for (const type of node.transitions.keys()) if (type && !type.startsWith('xstate.')) types.add(type);
  return [...types].sort();
}

function activeNodes(snapshot: AnyMachineSnapshot): any[] {
  return (snapshot as any)._nodes as any[];
}

/** Transitions for `type` on the active nodes, deepest first (the order XState tries them). */
function candidateTransitions(snapshot: AnyMachineSnapshot, type: string): any[] {
  return [...activeNodes(snapshot)].reverse().flatMap((node) => node.transitions.get(type) ?? []);
}

/**
 * The legal rule that kept this transition from being taken: its `legal(...)` guard, or the legal
 * part of an `and([...])` whose other (non-legal) conditions hold, so that a branch that does not
 * apply (e.g. "vote passed") never reports a rule.
 */
function brokenLegalRule(def: CaseMachineDefinition, guard: any, context: unknown, event: MachineEvent) {
  if (!guard) return undefined;
  if (isLegal(guard)) return firstBroken(def.rules, guard.params.rules, context, event);
  if (typeof guard === 'function' && guard.name === 'and' && Array.isArray(guard.guards)) {
    const parts: any[] = guard.guards;
    const conditionsHold = parts.filter((g) => !isLegal(g)).every((g) => evaluateCondition(def, g, context, event));
    if (!conditionsHold) return undefined;
    return firstBroken(def.rules, parts.filter(isLegal).flatMap((g) => (g.params as LegalGuardParams).rules), context, event);
  }
  return undefined;
}

function isLegal(guard: any): boolean {
  return !!guard && typeof guard === 'object' && guard.type === 'legal';
}

/** Evaluates a named, non-legal guard with the machine's own implementation (false if unknown). */
function evaluateCondition(def: CaseMachineDefinition, guard: any, context: unknown, event: MachineEvent): boolean {
  const type = typeof guard === 'string' ? guard : guard?.type;
  const impl = (def.machine.implementations.guards as Record<string, any>)[type];
  if (typeof impl !== 'function') return false;
  return !!impl({ context, event }, typeof guard === 'object' ? guard.params : undefined);
}

/** Every legal rule id a guard names, directly or inside `and([...])` (for the machine description). */
export function legalRuleIds(guard: any): string[] {
  if (isLegal(guard)) return guard.params.rules;
  if (typeof guard === 'function' && Array.isArray(guard.guards)) return guard.guards.flatMap(legalRuleIds);
  return [];
}
