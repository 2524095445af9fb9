import type { Knex } from 'knex';
import type { CaseKind } from '../../machines/shared/definition';
import { createCalendar, type Calendar, type CalendarOverride } from '../rules/calendar';
import { planDeadlines, ruleDueDate, type MediationType } from '../rules/deadline-planner';
import { NATIONAL_PACK, shippedPack } from '../rules/national-pack';
import type { RulePack } from '../rules/rule-pack';
import { findOrganization } from '../repositories/people.repository';
import { calendarOverrides, caseDeadlines, upsertCalendarOverride } from '../repositories/deadlines.repository';
import type { CaseRow } from '../repositories/cases.repository';
import type { MachineEvent } from '../../machines/engine';
import type { AcceptedEvent, DeadlinePort, DeadlineView } from './deadline-port';
import type { ServiceDeps } from './deps';

export interface DeadlineService extends DeadlinePort {
  /** Re-reads the administrator's calendar overrides (at start and after each new override). */
  loadCalendar(db: Knex): Promise<Calendar>;
  /** An administrator's holiday or swapped working day, in force from now on. */
  addCalendarOverride(db: Knex, override: CalendarOverride): Promise<void>;
  calendar(): Calendar;
  packOf(row: Pick<CaseRow, 'rulePack'>): RulePack;
}

/** The statutory clock inside the command loop: plans deadlines as rows, finds elapsed ones. */
export function createDeadlineService(_deps: ServiceDeps): DeadlineService {
  let calendar = createCalendar([]);
  const committeeTypes = committeeTypeCache();
  const packOf = (row: Pick<CaseRow, 'rulePack'>) => shippedPack(row.rulePack.id, row.rulePack.version) ?? NATIONAL_PACK;

  return {
    async loadCalendar(db) {
      calendar = createCalendar(await calendarOverrides(db));
      return calendar;
    },
    async addCalendarOverride(db, override) {
      await upsertCalendarOverride(db, override);
      calendar = createCalendar(await calendarOverrides(db));
    },
    calendar: () => calendar,
    packOf,
    packFor: (_kind: CaseKind) => ({ id: NATIONAL_PACK.id, version: NATIONAL_PACK.version }),
    machineSettings(kind: CaseKind) {
      const { switches } = NATIONAL_PACK;
      return kind === 'dispute'
        ? { consultationTermDeemedFailure: switches.consultationTermDeemedFailure, mediationTermDeemedFailure: switches.mediationTermDeemedFailure }
        : { approval: switches.congressStrictMajority ? 'more_than_half' : 'at_least_half' };
    },

    async plan(db, accepted: AcceptedEvent, existing) {
      const { row, event, decision } = accepted;
      const plan = planDeadlines({
        pack: packOf(row),
        calendar,
        kind: row.kind,
        event: event as MachineEvent,
        stateBefore: accepted.stateBefore,
        stateAfter: decision.state,
        contextBefore: accepted.contextBefore,
        contextAfter: decision.persisted.context,
        existing,
        committeeType: row.kind === 'dispute' ? await committeeTypes(db, decision.persisted.context) : null,
      });
      return { upserts: plan.upserts, notes: plan.notes };
    },

    /** SUBMIT_FOR_FILING carries the review due date, so the objection guard can cite it (CCP Art 45). */
    async enrich(_trx, row, event) {
      if (row.kind !== 'collective' || event.type !== 'SUBMIT_FOR_FILING' || typeof event.receivedOn !== 'string') return event;
      const due = ruleDueDate(packOf(row), calendar, 'collective.review', event.receivedOn);
      return { ...event, reviewDueOn: due.dueOn };
    },

    async list(db, caseId): Promise<DeadlineView[]> {
      return (await caseDeadlines(db, caseId)).map((d) => ({
        ruleId: d.ruleId, citation: d.citation, triggerOn: d.triggerOn, dueOn: d.dueOn,
        status: d.status, explanation: d.explanation, provisional: d.provisional,
      }));
    },
  };
}

/**
 * A committee's mediation type, remembered per process: organizations are never edited, so the
 * command loop asks the database once per committee instead of once per event.
 */
function committeeTypeCache() {
  const known = new Map<string, MediationType | null>();
  return async (db: Knex, context: { mediationCommitteeId?: string }): Promise<MediationType | null> => {
    const id = context?.mediationCommitteeId;
    if (!id) return null;
    if (!known.has(id)) {
      const org = await findOrganization(db, id);
      if (!org) return null; // not remembered: an unknown id may yet name an organization
      known.set(id, (org.mediationType as MediationType | null) ?? null);
    }
    return known.get(id)!;
  };
}
