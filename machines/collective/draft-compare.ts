import type { Clause } from './collective.context';

/**
 * Clause-by-clause comparison of two draft versions (domain.md §3, Drafting). A clause is
 * identified by its topic and its position among the clauses of that topic: the second `pay`
 * clause of one version is compared with the second `pay` clause of the other, wherever the two
 * sit in the whole list. So inserting a `training` clause does not make every later clause
 * "changed", while a third `pay` clause is "added".
 */
export interface ClauseChange {
  topic: Clause['topic'];
  /** Position (from 0) among the clauses of this topic. */
  index: number;
  from: Clause;
  to: Clause;
}

export interface DraftComparison {
  added: Clause[];
  removed: Clause[];
  changed: ClauseChange[];
}

type Clauses = readonly Clause[] | { clauses: readonly Clause[] };

export function compareDrafts(a: Clauses, b: Clauses): DraftComparison {
  const before = keyed(clausesOf(a));
  const after = keyed(clausesOf(b));
  const beforeByKey = new Map(before.map((k) => [k.key, k]));
  const afterKeys = new Set(after.map((k) => k.key));

  const added: Clause[] = [];
  const changed: ClauseChange[] = [];
  // Added and changed follow the newer version's order; removed the older one's.
  for (const { key, index, clause } of after) {
    const old = beforeByKey.get(key);
    if (!old) added.push(clause);
    else if (!sameClause(old.clause, clause)) changed.push({ topic: clause.topic, index, from: old.clause, to: clause });
  }
  const removed = before.filter((k) => !afterKeys.has(k.key)).map((k) => k.clause);
  return { added, removed, changed };
}

function clausesOf(draft: Clauses): readonly Clause[] {
  return Array.isArray(draft) ? draft : (draft as { clauses: readonly Clause[] }).clauses;
}

/** Each clause with its identity `topic#n`, n counting that topic's clauses from 0. */
function keyed(clauses: readonly Clause[]) {
  const seen = new Map<string, number>();
  return clauses.map((clause) => {
    const index = seen.get(clause.topic) ?? 0;
    seen.set(clause.topic, index + 1);
    return { key: `${clause.topic}#${index}`, index, clause };
  });
}

/** Every recorded field counts: a clause whose status moves from proposed to agreed has changed. */
function sameClause(x: Clause, y: Clause): boolean {
  return x.text === y.text && x.status === y.status && x.proposedBy === y.proposedBy;
}
