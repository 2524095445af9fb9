import type { Knex } from 'knex';
import type { Deadline } from '../rules/deadline';
import { elapseInstant } from '../rules/deadline';
import type { CalendarOverride } from '../rules/calendar';

const fromRow = (r: any): Deadline => ({
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
  return (await db('deadlines').where({ case_id: caseId }).orderBy([{ column: 'due_on' }, { column: 'rule_id' }])).map(fromRow);
}

/** One row per (case, rule): rescheduling a rule replaces its row. */
export async function upsertDeadlines(trx: Knex, caseId: string, rows: Deadline[], now: Date): Promise<void> {
  for (const d of rows) {
    await trx('deadlines')
      .insert({
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
      })
      .onConflict(['case_id', 'rule_id'])
      .merge();
  }
}

/** The earliest pending, not suspended deadline of the case elapsed at or before `at`. */
export async function nextElapsedDeadline(trx: Knex, caseId: string, at: Date): Promise<{ ruleId: string; citation: string; elapsesAt: Date } | undefined> {
  const row = await trx('deadlines')
    .where({ case_id: caseId, status: 'pending' })
    .where('elapses_at', '<=', at)
    .whereRaw(`coalesce(memo->>'suspendedOn', '') = ''`)
    .orderBy([{ column: 'elapses_at' }, { column: 'rule_id' }])
    .first('rule_id', 'citation', 'elapses_at');
  return row ? { ruleId: row.rule_id, citation: row.citation, elapsesAt: new Date(row.elapses_at) } : undefined;
}

export async function closeDeadline(trx: Knex, caseId: string, ruleId: string, note: string, now: Date): Promise<void> {
  await trx('deadlines')
    .where({ case_id: caseId, rule_id: ruleId })
    .update({ status: 'cancelled', explanation: trx.raw(`explanation || ?`, [` — closed without firing: ${note}`]), updated_at: now });
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

/** Adds the clock's new notes to the case's, each once, in the order they were first made. */
export async function addDeadlineNotes(trx: Knex, caseId: string, notes: string[]): Promise<void> {
  const row = await trx('cases').where({ id: caseId }).first('deadline_notes');
  const merged = [...new Set([...(row?.deadline_notes ?? []), ...notes])];
  await trx('cases').where({ id: caseId }).update({ deadline_notes: JSON.stringify(merged) });
}

export async function calendarOverrides(db: Knex): Promise<CalendarOverride[]> {
  return (await db('calendar_overrides').orderBy('date')).map((r) => ({ date: r.date, kind: r.kind, name: r.name }));
}

export async function upsertCalendarOverride(db: Knex, o: CalendarOverride): Promise<void> {
  await db('calendar_overrides').insert({ date: o.date, kind: o.kind, name: o.name }).onConflict('date').merge();
}
