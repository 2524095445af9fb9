import type { Knex } from 'knex';
import type { CaseKind } from '../../machines/shared/definition';
import type { PersistedCase } from '../../machines/engine';
import type { Deadline } from '../rules/deadline';
import { caseDeadlines, deadlineFromRow } from './deadlines.repository';

/** One row of `cases`: the current snapshot of a case and the columns lists filter on. */
export interface CaseRow {
  id: string;
  kind: CaseKind;
  number: string;
  numberOrgId: string;
  state: string;
  status: 'open' | 'closed';
  outcome: string | null;
  version: number;
  snapshot: PersistedCase;
  machineVersion: string;
  rulePack: { id: string; version: string };
  participants: string[];
  title: string;
  searchText: string;
  renewalOf: string | null;
  /** What the statutory clock says of the case beyond its rows (e.g. why no limitation deadline exists). */
  deadlineNotes: string[];
  openedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export function caseFromRow(r: any): CaseRow {
  return {
    id: r.id,
    kind: r.kind,
    number: r.number,
    numberOrgId: r.number_org_id,
    state: r.state,
    status: r.status,
    outcome: r.outcome ?? null,
    version: r.version,
    snapshot: r.snapshot,
    machineVersion: r.machine_version,
    rulePack: r.rule_pack,
    participants: r.participants ?? [],
    title: r.title,
    searchText: r.search_text,
    renewalOf: r.renewal_of ?? null,
    deadlineNotes: r.deadline_notes ?? [],
    openedAt: r.opened_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const toRow = (c: CaseRow) => ({
  id: c.id,
  kind: c.kind,
  number: c.number,
  number_org_id: c.numberOrgId,
  number_year: Number(c.number.match(/〔(\d{4})〕/)?.[1]),
  number_seq: Number(c.number.match(/第(\d+)号/)?.[1]),
  state: c.state,
  status: c.status,
  outcome: c.outcome,
  version: c.version,
  snapshot: JSON.stringify(c.snapshot),
  machine_version: c.machineVersion,
  rule_pack: JSON.stringify(c.rulePack),
  participants: c.participants,
  title: c.title,
  search_text: c.searchText,
  renewal_of: c.renewalOf,
  opened_at: c.openedAt,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
});

export async function insertCase(trx: Knex, c: CaseRow): Promise<void> {
  await trx('cases').insert({ ...toRow(c), deadline_notes: JSON.stringify(c.deadlineNotes) });
}

/** What the writer needs of a case, read with its row lock in one statement. */
export interface LockedCase {
  row: CaseRow;
  /** The latest stored event (audit.md H3 compares its seq with the version). */
  latest: { seq: number; hash: string; occurredAt: string } | undefined;
  deadlines: Deadline[];
}

// The latest event and the deadlines ride in the locking read. Under READ COMMITTED they come
// from the statement's snapshot while the locked row is re-read once a waited-for holder
// commits, so `seen_xmin <> row_xmin` says another writer changed the case meanwhile; only then
// are the two read again, under the lock (a contended case costs two more statements).
const LOCKING_READ = `
  SELECT c.*, c.xmin::text AS row_xmin,
    (SELECT s.xmin::text FROM cases s WHERE s.id = c.id) AS seen_xmin,
    (SELECT json_build_object('seq', e.seq, 'hash', e.hash, 'occurred_at', e.occurred_at)
       FROM case_events e WHERE e.case_id = c.id ORDER BY e.seq DESC LIMIT 1) AS latest_event,
    (SELECT coalesce(json_agg(d), '[]'::json) FROM deadlines d WHERE d.case_id = c.id) AS case_deadlines
  FROM cases c WHERE c.id = ?
  FOR UPDATE OF c`;

/**
 * Takes the case row lock that serializes every writer of this case (the command loop and the
 * sweeper alike). `skipLocked`: a case another transaction holds is answered as undefined.
 */
export async function lockCaseForWrite(trx: Knex.Transaction, id: string, opts: { skipLocked?: boolean } = {}): Promise<LockedCase | undefined> {
  const result = await trx.raw(LOCKING_READ + (opts.skipLocked ? ' SKIP LOCKED' : ''), [id]);
  const r = result.rows[0];
  if (!r) return undefined;
  const row = caseFromRow(r);
  if (r.seen_xmin !== r.row_xmin) {
    const [last, deadlines] = [await latestEventOf(trx, id), await caseDeadlines(trx, id)];
    return { row, latest: last, deadlines };
  }
  const e = r.latest_event;
  const latest = e ? { seq: e.seq, hash: e.hash, occurredAt: new Date(e.occurred_at).toISOString() } : undefined;
  return { row, latest, deadlines: (r.case_deadlines as unknown[]).map(deadlineFromRow) };
}

async function latestEventOf(trx: Knex, id: string) {
  const e = await trx('case_events').where({ case_id: id }).orderBy('seq', 'desc').first('seq', 'hash', 'occurred_at');
  return e ? { seq: e.seq, hash: e.hash, occurredAt: new Date(e.occurred_at).toISOString() } : undefined;
}

/** A case as last committed, without a lock (visibility checks and reads). */
export async function findCase(db: Knex, id: string): Promise<CaseRow | undefined> {
  const row = await db('cases').where({ id }).first();
  return row ? caseFromRow(row) : undefined;
}

/** The writer's row, written back once per command: snapshot, list columns and deadline notes. */
export async function updateCaseSnapshot(trx: Knex, c: CaseRow): Promise<void> {
  await trx('cases').where({ id: c.id }).update({
    state: c.state,
    status: c.status,
    outcome: c.outcome,
    version: c.version,
    snapshot: JSON.stringify(c.snapshot),
    participants: c.participants,
    title: c.title,
    search_text: c.searchText,
    deadline_notes: JSON.stringify(c.deadlineNotes),
    // Changes only when MACHINE_MIGRATED pins the next machine version.
    machine_version: c.machineVersion,
    updated_at: c.updatedAt,
  });
}

/** Next number in the organization's yearly sequence for this kind, atomically. */
export async function nextCaseNumber(trx: Knex, orgId: string, kind: CaseKind, year: number): Promise<number> {
  const result = await trx.raw(
    `INSERT INTO case_number_counters (org_id, kind, year, last) VALUES (?, ?, ?, 1)
     ON CONFLICT (org_id, kind, year) DO UPDATE SET last = case_number_counters.last + 1
     RETURNING last`,
    [orgId, kind, year],
  );
  return Number(result.rows[0].last);
}

export interface CaseListFilter {
  visibleTo: string | null; // organization id, or null for every case (auditor, admin)
  kind?: CaseKind;
  state?: string;
  status?: 'open' | 'closed';
  q?: string;
  overdueAt?: Date;
  dueBefore?: string;
  limit: number;
  after?: { updatedAt: string; id: string };
}

/** Newest first, keyset-paginated on (updated_at, id). */
export async function listCases(db: Knex, f: CaseListFilter): Promise<CaseRow[]> {
  const query = db('cases').select('cases.*');
  // `@>`, not `= ANY`: only the containment operator can use the GIN index on participants.
  if (f.visibleTo) query.whereRaw('participants @> ARRAY[?]::uuid[]', [f.visibleTo]);
  if (f.kind) query.where('kind', f.kind);
  if (f.state) query.where((w) => w.where('state', f.state!).orWhereLike('state', `${escapeLike(f.state!)}.%`));
  if (f.status) query.where('status', f.status);
  if (f.q) query.whereILike('search_text', `%${escapeLike(f.q)}%`);
  if (f.overdueAt) {
    query.whereExists((s) =>
      s.select(db.raw('1')).from('deadlines as d').whereRaw('d.case_id = cases.id').where('d.status', 'pending').where('d.elapses_at', '<=', f.overdueAt!),
    );
  }
  if (f.dueBefore) {
    query.whereExists((s) =>
      s.select(db.raw('1')).from('deadlines as d').whereRaw('d.case_id = cases.id').where('d.status', 'pending').where('d.due_on', '<', f.dueBefore!),
    );
  }
  if (f.after) {
    query.whereRaw('(updated_at, id) < (?::timestamptz, ?::uuid)', [f.after.updatedAt, f.after.id]);
  }
  return (await query.orderBy([{ column: 'updated_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(f.limit)).map(caseFromRow);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Open cases of a kind pinning a machine version other than `version`, oldest first (admin migration). */
export async function openCaseIdsNotAt(db: Knex, kind: CaseKind, version: string): Promise<string[]> {
  const rows = await db('cases').where({ kind, status: 'open' }).whereNot('machine_version', version).orderBy([{ column: 'created_at' }, { column: 'id' }]).select('id');
  return rows.map((r) => r.id);
}
