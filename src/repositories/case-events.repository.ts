import type { Knex } from 'knex';

/** One row of the append-only history, as the database gives it back. */
export interface StoredEvent {
  caseId: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  actor: { id: string | null; role: string };
  occurredAt: string;
  recordedAt: string;
  fromState: string | null;
  toState: string;
  prevHash: string;
  hash: string;
}

const fromRow = (r: any): StoredEvent => ({
  caseId: r.case_id,
  seq: r.seq,
  type: r.type,
  payload: r.payload,
  actor: r.actor,
  occurredAt: new Date(r.occurred_at).toISOString(),
  recordedAt: new Date(r.recorded_at).toISOString(),
  fromState: r.from_state ?? null,
  toState: r.to_state,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export async function appendEvent(trx: Knex, e: StoredEvent): Promise<void> {
  await trx('case_events').insert({
    case_id: e.caseId,
    seq: e.seq,
    type: e.type,
    payload: JSON.stringify(e.payload),
    actor: JSON.stringify(e.actor),
    occurred_at: e.occurredAt,
    recorded_at: e.recordedAt,
    from_state: e.fromState,
    to_state: e.toState,
    prev_hash: e.prevHash,
    hash: e.hash,
  });
}

export async function listEvents(db: Knex, caseId: string): Promise<StoredEvent[]> {
  return (await db('case_events').where({ case_id: caseId }).orderBy('seq')).map(fromRow);
}

export async function latestEvent(db: Knex, caseId: string): Promise<StoredEvent | undefined> {
  const row = await db('case_events').where({ case_id: caseId }).orderBy('seq', 'desc').first();
  return row ? fromRow(row) : undefined;
}
