import type { Knex } from 'knex';
import { acceptedEvents, restore } from '../../machines/engine';
import { definitionAt } from '../../machines/registry';
import type { CaseKind } from '../../machines/shared/definition';
import { findCase, listCases as listCaseRows, type CaseRow } from '../repositories/cases.repository';
import { listEvents } from '../repositories/case-events.repository';
import type { User } from '../repositories/people.repository';
import { actorOf, mayAct, maySee, seesEverything } from './access';
import type { DeadlinePort, DeadlineView } from './deadline-port';
import { NotFound, ValidationError } from './errors';
import { InstantSchema, isUuid } from './event-input';

export interface QueryDeps {
  db: Knex;
  deadlines: Pick<DeadlinePort, 'list'>;
}

/** A case the user may see, or 404 (another organization's case is answered as not found). */
export async function visibleCase(db: Knex, user: User, id: string): Promise<CaseRow> {
  const row = isUuid(id) ? await findCase(db, id) : undefined;
  if (!row || !maySee(user, row)) throw new NotFound('case');
  return row;
}

/** What every view of a case starts with; an open case has no outcome. */
function identity(row: CaseRow) {
  return { id: row.id, number: row.number, kind: row.kind, state: row.state, status: row.status, ...(row.outcome ? { outcome: row.outcome } : {}) };
}

export function caseView(row: CaseRow, user: User, deadlines: DeadlineView[]) {
  // The case's pinned version: its snapshot belongs to that machine.
  const def = definitionAt(row.kind, row.machineVersion);
  const actor = actorOf(user);
  const snapshot = restore(def, row.snapshot);
  const context = row.snapshot.context;
  // Only the role's own party field acts (audit.md O3): anyone else sees every event as not theirs.
  const acts = mayAct(user, row);
  return {
    ...identity(row),
    version: row.version,
    data: context,
    deadlines,
    deadlineNotes: row.deadlineNotes,
    nextEvents: acceptedEvents(snapshot).map((type) => ({ type, allowed: acts && def.maySend(actor, { type }, context) })),
    renewalOf: row.renewalOf,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type CaseView = ReturnType<typeof caseView>;

export async function getCase(deps: QueryDeps, user: User, id: string): Promise<CaseView> {
  const row = await visibleCase(deps.db, user, id);
  return caseView(row, user, await deps.deadlines.list(deps.db, id));
}

export interface ListQuery {
  kind?: CaseKind;
  state?: string;
  status?: 'open' | 'closed';
  overdue?: boolean;
  dueBefore?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

export async function listCases(deps: QueryDeps, user: User, query: ListQuery, now: Date) {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await listCaseRows(deps.db, {
    visibleTo: seesEverything(user) ? null : (user.organizationId ?? '00000000-0000-0000-0000-000000000000'),
    kind: query.kind,
    state: query.state,
    status: query.status,
    q: query.q,
    overdueAt: query.overdue ? now : undefined,
    dueBefore: query.dueBefore,
    limit: query.limit + 1,
    after,
  });
  const page = rows.slice(0, query.limit);
  const items = await Promise.all(page.map(async (row) => summary(row, await deps.deadlines.list(deps.db, row.id))));
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

function summary(row: CaseRow, deadlines: DeadlineView[]) {
  const next = deadlines.filter((d) => d.status === 'pending').sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  return {
    ...identity(row),
    title: row.title,
    ...(next ? { nextDeadline: next } : {}),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function encodeCursor(row: CaseRow): string {
  return Buffer.from(JSON.stringify({ u: row.updatedAt.toISOString(), i: row.id })).toString('base64url');
}

function decodeCursor(cursor: string): { updatedAt: string; id: string } {
  try {
    const { u, i } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Only what encodeCursor writes: an ISO instant that round-trips, and a uuid.
    if (typeof u === 'string' && typeof i === 'string' && isUuid(i) && InstantSchema.safeParse(u).success && new Date(u).toISOString() === u) return { updatedAt: u, id: i };
  } catch {
    /* fall through */
  }
  throw new ValidationError('The cursor is not valid.', [{ path: 'cursor', message: 'use the nextCursor of a previous page' }]);
}

export async function caseHistory(deps: QueryDeps, user: User, id: string) {
  await visibleCase(deps.db, user, id);
  const events = await listEvents(deps.db, id);
  return { items: events.map(({ caseId: _c, ...e }) => e) };
}
