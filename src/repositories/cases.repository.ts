import type { Knex } from 'knex';
import type { CaseKind } from '../../machines/shared/definition';
import type { PersistedCase } from '../../machines/engine';

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
  await trx('cases').insert(toRow(c));
}

/** Takes the case row lock that serializes every writer of this case. */
export async function lockCase(trx: Knex.Transaction, id: string): Promise<CaseRow | undefined> {
  const row = await trx('cases').where({ id }).forUpdate().first();
  return row ? caseFromRow(row) : undefined;
}

export async function findCase(db: Knex, id: string): Promise<CaseRow | undefined> {
  const row = await db('cases').where({ id }).first();
  return row ? caseFromRow(row) : undefined;
}

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
  if (f.visibleTo) query.whereRaw('? = ANY(participants)', [f.visibleTo]);
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
