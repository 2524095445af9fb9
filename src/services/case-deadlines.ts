import { elapseInstant, type Deadline } from '../rules/deadline';
import type { DeadlineView } from './deadline-port';

/**
 * A case's deadline rows as the writer holds them under the case lock: read once with the lock,
 * changed in memory by the planner and by firings, and written back in one upsert of the rows
 * that changed. The command then answers with them without reading the table again.
 */
export class CaseDeadlines {
  private readonly rows: Map<string, Deadline>;
  private readonly changed = new Set<string>();

  constructor(rows: Deadline[]) {
    this.rows = new Map(rows.map((d) => [d.ruleId, d]));
  }

  all(): Deadline[] {
    return [...this.rows.values()];
  }

  /** The earliest pending, not suspended deadline elapsed at or before `at` (ties by rule id). */
  nextElapsed(at: Date): { ruleId: string; citation: string; elapsesAt: Date } | undefined {
    const due = this.all()
      .filter((d) => d.status === 'pending' && !d.memo?.suspendedOn)
      .map((d) => ({ d, elapsesAt: new Date(elapseInstant(d.dueOn)) }))
      .filter((x) => x.elapsesAt.getTime() <= at.getTime())
      .sort((a, b) => a.elapsesAt.getTime() - b.elapsesAt.getTime() || (a.d.ruleId < b.d.ruleId ? -1 : a.d.ruleId > b.d.ruleId ? 1 : 0));
    const first = due[0];
    return first ? { ruleId: first.d.ruleId, citation: first.d.citation, elapsesAt: first.elapsesAt } : undefined;
  }

  /** A DEADLINE_ELAPSED the machine refused: closed, so that it never fires again. */
  abandon(ruleId: string, reason: string): void {
    const row = this.rows.get(ruleId);
    if (!row) return;
    this.put({ ...row, status: 'cancelled', explanation: `${row.explanation} — closed without firing: ${reason}` });
  }

  /** The planner's rows replace the case's rows of the same rule. */
  put(...rows: Deadline[]): void {
    for (const d of rows) {
      this.rows.set(d.ruleId, d);
      this.changed.add(d.ruleId);
    }
  }

  /** The rows to write back (none when nothing changed: no statement is sent). */
  changedRows(): Deadline[] {
    return [...this.changed].map((id) => this.rows.get(id)!);
  }

  /** As clients see them (api.md), in the order the deadlines list uses: due date, then rule. */
  views(): DeadlineView[] {
    return this.all()
      .sort((a, b) => (a.dueOn === b.dueOn ? cmp(a.ruleId, b.ruleId) : cmp(a.dueOn, b.dueOn)))
      .map(deadlineView);
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function deadlineView(d: Deadline): DeadlineView {
  return { ruleId: d.ruleId, citation: d.citation, triggerOn: d.triggerOn, dueOn: d.dueOn, status: d.status, explanation: d.explanation, provisional: d.provisional };
}
