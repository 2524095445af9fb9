/** A tiny stand-in for the service's command loop: keeps state, context and deadline rows. */
import {
  createCalendar, NATIONAL_PACK, planDeadlines,
  type CaseKind, type Deadline, type MediationType, type PlanOutput, type RulePack,
} from '../../../src/rules';

export const calendar = createCalendar();

/** 10:00 Asia/Shanghai on a date. */
export const at = (date: string) => `${date}T10:00:00+08:00`;

export class CaseSim {
  state: string | null = null;
  context: Record<string, any> = {};
  rows = new Map<string, Deadline>();
  last: PlanOutput = { upserts: [], notes: [] };

  constructor(
    readonly kind: CaseKind,
    readonly options: { pack?: RulePack; committeeType?: MediationType | null } = {},
  ) {}

  open(body: Record<string, unknown>, state: string, occurredOn: string): PlanOutput {
    return this.apply({ type: 'CASE_OPENED', ...body }, occurredOn, state, body);
  }

  /** Applies an accepted event: the state it lands in and what it adds to the context. */
  apply(event: Record<string, unknown> & { type: string }, occurredOn: string, stateAfter?: string, contextPatch: Record<string, unknown> = {}): PlanOutput {
    const contextBefore = this.state === null ? null : this.context;
    const contextAfter = { ...this.context, ...contextPatch };
    this.last = planDeadlines({
      pack: this.options.pack ?? NATIONAL_PACK,
      calendar,
      kind: this.kind,
      event: { occurredAt: at(occurredOn), ...event },
      stateBefore: this.state,
      stateAfter: stateAfter ?? this.state!,
      contextBefore,
      contextAfter,
      existing: [...this.rows.values()],
      committeeType: this.options.committeeType,
    });
    for (const row of this.last.upserts) this.rows.set(row.ruleId, row);
    this.state = stateAfter ?? this.state;
    this.context = contextAfter;
    return this.last;
  }

  /** Fires a rule the way the sweeper does: DEADLINE_ELAPSED at 24:00 of the due date. */
  fire(ruleId: string, stateAfter?: string): PlanOutput {
    const row = this.row(ruleId);
    const contextBefore = this.context;
    this.last = planDeadlines({
      pack: this.options.pack ?? NATIONAL_PACK,
      calendar,
      kind: this.kind,
      event: { type: 'DEADLINE_ELAPSED', ruleId, occurredAt: `${row.dueOn}T16:00:00.000Z` },
      stateBefore: this.state,
      stateAfter: stateAfter ?? this.state!,
      contextBefore,
      contextAfter: this.context,
      existing: [...this.rows.values()],
      committeeType: this.options.committeeType,
    });
    for (const r of this.last.upserts) this.rows.set(r.ruleId, r);
    this.state = stateAfter ?? this.state;
    return this.last;
  }

  row(ruleId: string): Deadline {
    const row = this.rows.get(ruleId);
    if (!row) throw new Error(`no deadline ${ruleId}; have ${[...this.rows.keys()].join(', ')}`);
    return row;
  }

  status(ruleId: string) {
    return this.rows.get(ruleId)?.status;
  }

  changed(): string[] {
    return this.last.upserts.map((u) => u.ruleId).sort();
  }
}
