import type { Knex } from 'knex';
import type { Deadline } from '../rules/deadline';
import { elapseInstant } from '../rules/deadline';
import type { CalendarOverride } from '../rules/calendar';

/** A row of `deadlines` (also as `json_agg` gives it inside the case's locking read). */
export const deadlineFromRow = (r: any): Deadline => ({
  ruleId: r.rule_id,
  citation: r.citation,
  triggerOn: r.trigger_on,
  dueOn: r.due_on,
  period: r.period ?? null,
  unit: r.unit,
  status: r.status,
  explanation: r.explanation,
  provisional: r.provisional,
  owningStates: r.owning_states ?? [],
  memo: r.memo ?? null,
});

export async function caseDeadlines(db: Knex, caseId: string): Promise<Deadline[]> {
  return (await db('deadlines').where({ case_id: caseId }).orderBy([{ column: 'due_on' }, { column: 'rule_id' }])).map(deadlineFromRow);
}

/** One row per (case, rule): rescheduling a rule replaces its row. One statement for all of them. */
export async function upsertDeadlines(trx: Knex, caseId: string, rows: Deadline[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await trx('deadlines')
    .insert(
      rows.map((d) => ({
        case_id: caseId,
        rule_id: d.ruleId,
        citation: d.citation,
        owning_states: d.owningStates,
        trigger_on: d.triggerOn,
        due_on: d.dueOn,
        elapses_at: elapseInstant(d.dueOn),
        period: d.period,
        unit: d.unit,
        status: d.status,
        explanation: d.explanation,
        provisional: d.provisional,
        memo: d.memo ? JSON.stringify(d.memo) : null,
        updated_at: now,
      })),
    )
    .onConflict(['case_id', 'rule_id'])
    .merge();
}

/** Case ids with a pending deadline elapsed by `at`, oldest first (the sweeper's candidates). */
export async function casesWithElapsedDeadlines(db: Knex, at: Date, limit: number): Promise<string[]> {
  const rows = await db('deadlines')
    .where('status', 'pending')
    .where('elapses_at', '<=', at)
    .whereRaw(`coalesce(memo->>'suspendedOn', '') = ''`)
    .groupBy('case_id')
    .orderByRaw('min(elapses_at)')
    .limit(limit)
    .select('case_id');
  return rows.map((r) => r.case_id);
}

export async function calendarOverrides(db: Knex): Promise<CalendarOverride[]> {
  return (await db('calendar_overrides').orderBy('date')).map((r) => ({ date: r.date, kind: r.kind, name: r.name }));
}

export async function upsertCalendarOverride(db: Knex, o: CalendarOverride): Promise<void> {
  await db('calendar_overrides').insert({ date: o.date, kind: o.kind, name: o.name }).onConflict('date').merge();
}
