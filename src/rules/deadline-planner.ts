/**
 * The deadline planner (domain.md §1 "Scheduling"): a pure function the service calls in the
 * command loop after every accepted event, `CASE_OPENED` and `DEADLINE_ELAPSED` included.
 * One general mechanism, driven by a wiring table per kind (`dispute-deadlines.ts`,
 * `collective-deadlines.ts`). For each event, in this order:
 *   1. `DEADLINE_ELAPSED {ruleId}`: that rule's pending row becomes `fired`;
 *   2. met: a pending row whose rule lists the event (and the case was in an owning state);
 *   3. moves: a pending row whose rule lists the event is recomputed (extensions, limitation
 *      interruptions and suspensions);
 *   4. scheduling: a rule whose trigger matches, when the case lands in one of its owning
 *      states, gets a new row (replacing an old one, unless `keepPending` and it is pending);
 *   5. cancellation: a pending row whose owning states the case has just left.
 * A self-transition (same state before and after) enters and leaves nothing: it only touches
 * rules that name its event.
 */
import type { Deadline } from './deadline';
import { inOwningStates } from './deadline';
import { COLLECTIVE_WIRING, COLLECTIVE_OPEN_STATES } from './collective-deadlines';
import { DISPUTE_WIRING, DISPUTE_OPEN_STATES } from './dispute-deadlines';
import { eventDateOf, type Computed, type Ctx, type MetBy, type PlanInput, type PlanOutput, type Trigger, type Wiring } from './planner-support';
import { ruleOf, type RulePack } from './rule-pack';
import type { Calendar } from './calendar';
import { addPeriod, PERIOD_UNITS, type PeriodResult, type PeriodUnit } from './period';

export type { PlanInput, PlanOutput, PlannerEvent, MediationType, CaseKind } from './planner-support';

const TABLES = {
  dispute: { wiring: DISPUTE_WIRING, open: DISPUTE_OPEN_STATES },
  collective: { wiring: COLLECTIVE_WIRING, open: COLLECTIVE_OPEN_STATES },
} as const;

export function planDeadlines(input: PlanInput): PlanOutput {
  const table = TABLES[input.kind];
  if (!table) throw new RangeError(`unknown case kind ${input.kind}`);
  const { event, pack } = input;
  const stateBefore = input.stateBefore ?? null;
  const stateAfter = input.stateAfter;
  const original = new Map(input.existing.map((d) => [d.ruleId, d]));
  const rows = new Map(input.existing.map((d) => [d.ruleId, { ...d }]));
  const notes: string[] = [];
  const eventDate = eventDateOf(event);

  const owning = (w: Wiring) => (w.owningStates === 'open' ? table.open : w.owningStates);
  const ctxFor = (w: Wiring): Ctx => ({
    input,
    event,
    eventDate,
    ruleId: w.ruleId,
    rule: ruleOf(pack, w.ruleId),
    switches: pack.switches,
    row: rows.get(w.ruleId),
    before: (id) => original.get(id),
    current: (id) => rows.get(id),
    note: (text) => notes.push(text),
  });
  const put = (w: Wiring, computed: Computed, base?: Deadline) => {
    rows.set(w.ruleId, {
      ...(base ?? {}),
      ruleId: w.ruleId,
      citation: ruleOf(pack, w.ruleId).citation,
      owningStates: [...owning(w)],
      status: 'pending',
      ...computed,
      memo: computed.memo !== undefined ? computed.memo : (base?.memo ?? null),
    });
  };

  // 1. The elapsed rule fires.
  if (event.type === 'DEADLINE_ELAPSED' && typeof event.ruleId === 'string') {
    const row = rows.get(event.ruleId);
    if (row?.status === 'pending') row.status = 'fired';
  }

  // 2. Met.
  for (const w of table.wiring) {
    const row = rows.get(w.ruleId);
    if (row?.status !== 'pending' || !inOwningStates(stateBefore, owning(w))) continue;
    if ((w.metBy ?? []).some((m) => metMatches(m, ctxFor(w)))) row.status = 'met';
  }

  // 3. Moves of pending rows.
  for (const w of table.wiring) {
    const row = rows.get(w.ruleId);
    if (row?.status !== 'pending') continue;
    for (const t of w.move ?? []) {
      const c = ctxFor(w);
      if (!triggerMatches(t, c, stateBefore, stateAfter)) continue;
      const computed = t.compute(c);
      if (computed) put(w, computed, row);
    }
  }

  // 4. Scheduling.
  for (const w of table.wiring) {
    if (!ruleOf(pack, w.ruleId).enabled || !inOwningStates(stateAfter, owning(w))) continue;
    for (const t of w.schedule) {
      const c = ctxFor(w);
      if (!triggerMatches(t, c, stateBefore, stateAfter)) continue;
      if (t.keepPending && c.row?.status === 'pending') continue;
      const computed = t.compute(c);
      if (computed) put(w, computed);
    }
  }

  // 5. Cancellation on leaving every owning state.
  if (stateBefore !== stateAfter) {
    for (const w of table.wiring) {
      const row = rows.get(w.ruleId);
      if (row?.status === 'pending' && !inOwningStates(stateAfter, owning(w))) row.status = 'cancelled';
    }
  }

  const upserts = [...rows.values()].filter((row) => !sameRow(row, original.get(row.ruleId)));
  return { upserts, notes };
}

function metMatches(m: MetBy, c: Ctx): boolean {
  if (typeof m === 'string') return m === c.event.type;
  return m.type === c.event.type && m.when(c);
}

function triggerMatches(t: Trigger, c: Ctx, before: string | null, after: string): boolean {
  const byEvent = t.events?.includes(c.event.type) ?? false;
  const byEntry = t.enters !== undefined && after === t.enters && before !== t.enters;
  if (!byEvent && !byEntry) return false;
  return t.when ? t.when(c) : true;
}

const FIELDS: Array<keyof Deadline> = ['citation', 'triggerOn', 'dueOn', 'period', 'unit', 'status', 'explanation', 'provisional'];

function sameRow(a: Deadline, b: Deadline | undefined): boolean {
  if (!b) return false;
  if (FIELDS.some((f) => a[f] !== b[f])) return false;
  if (a.owningStates.join('|') !== b.owningStates.join('|')) return false;
  return JSON.stringify(a.memo ?? null) === JSON.stringify(b.memo ?? null);
}

/**
 * The due date a periodic rule of `pack` gives when counted from `from`, exactly as the planner
 * computes it (period, unit and the swapped-working-day switch of the pack). For callers that
 * need the date before the row exists, e.g. the review due date SUBMIT_FOR_FILING carries.
 */
export function ruleDueDate(pack: RulePack, calendar: Calendar, ruleId: string, from: string): PeriodResult {
  const rule = ruleOf(pack, ruleId);
  if (rule.period === undefined || !(PERIOD_UNITS as readonly string[]).includes(rule.unit)) {
    throw new RangeError(`${ruleId} is not a periodic rule (unit ${rule.unit})`);
  }
  return addPeriod(calendar, {
    from, period: rule.period, unit: rule.unit as PeriodUnit,
    swappedWorkdayIsWorkingDay: pack.switches.swappedWorkdayIsWorkingDay,
  });
}
