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

/** Appends a command's events in one statement (the hash chain was built before, in order). */
export async function appendEvents(trx: Knex, events: StoredEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx('case_events').insert(
    events.map((e) => ({
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
    })),
  );
}

export async function listEvents(db: Knex, caseId: string): Promise<StoredEvent[]> {
  return (await db('case_events').where({ case_id: caseId }).orderBy('seq')).map(fromRow);
}

export async function latestEvent(db: Knex, caseId: string): Promise<StoredEvent | undefined> {
  const row = await db('case_events').where({ case_id: caseId }).orderBy('seq', 'desc').first();
  return row ? fromRow(row) : undefined;
}
