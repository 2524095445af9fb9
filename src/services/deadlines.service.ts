import type { Knex } from 'knex';
import type { CaseKind } from '../../machines/shared/definition';
import { createCalendar, type Calendar } from '../rules/calendar';
import { planDeadlines, ruleDueDate, type MediationType } from '../rules/deadline-planner';
import { NATIONAL_PACK, shippedPack } from '../rules/national-pack';
import type { RulePack } from '../rules/rule-pack';
import { findOrganization } from '../repositories/people.repository';
import {
  calendarOverrides, caseDeadlines, closeDeadline, nextElapsedDeadline, addDeadlineNotes, upsertDeadlines,
} from '../repositories/deadlines.repository';
import type { CaseRow } from '../repositories/cases.repository';
import type { MachineEvent } from '../../machines/engine';
import type { AcceptedEvent, DeadlinePort, DeadlineView } from './deadline-port';
import type { ServiceDeps } from './deps';

export interface DeadlineService extends DeadlinePort {
  /** Re-reads the administrator's calendar overrides (at start and after each new override). */
  loadCalendar(db: Knex): Promise<Calendar>;
  calendar(): Calendar;
  packOf(row: Pick<CaseRow, 'rulePack'>): RulePack;
}

/** The statutory clock inside the command loop: plans deadlines as rows, finds elapsed ones. */
export function createDeadlineService(deps: ServiceDeps): DeadlineService {
  let calendar = createCalendar([]);
  const packOf = (row: Pick<CaseRow, 'rulePack'>) => shippedPack(row.rulePack.id, row.rulePack.version) ?? NATIONAL_PACK;

  return {
    async loadCalendar(db) {
      calendar = createCalendar(await calendarOverrides(db));
      return calendar;
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

    async afterEvent(trx, accepted: AcceptedEvent) {
      const { row, event, decision } = accepted;
      const existing = await caseDeadlines(trx, row.id);
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
        committeeType: row.kind === 'dispute' ? await committeeType(trx, decision.persisted.context) : null,
      });
      await upsertDeadlines(trx, row.id, plan.upserts, deps.clock());
      if (plan.notes.length) await addDeadlineNotes(trx, row.id, plan.notes);
    },

    nextElapsed: (trx, caseId, at) => nextElapsedDeadline(trx, caseId, at),
    abandon: (trx, caseId, ruleId, reason) => closeDeadline(trx, caseId, ruleId, reason, deps.clock()),

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

async function committeeType(db: Knex, context: { mediationCommitteeId?: string }): Promise<MediationType | null> {
  if (!context?.mediationCommitteeId) return null;
  const org = await findOrganization(db, context.mediationCommitteeId);
  return (org?.mediationType as MediationType | null) ?? null;
}
