import { decide, open, type PersistedCase } from '../../machines/engine';
import { definitionOf } from '../../machines/registry';
import { listEvents, type StoredEvent } from '../repositories/case-events.repository';
import type { CaseRow } from '../repositories/cases.repository';
import { canonicalJson } from './hash-chain';
import { eventHash, GENESIS_HASH } from './hash-chain';
import type { Knex } from 'knex';

export type Verification = { ok: true; events: number; headHash: string } | { ok: false; brokenAt: number; reason: string };

/**
 * Recomputes the hash chain from the stored columns and replays every event through the machine:
 * the first seq whose hash, link, order or replayed state disagrees is reported.
 */
export async function verifyCase(db: Knex, row: CaseRow): Promise<Verification> {
  return verifyEvents(row, await listEvents(db, row.id));
}

export function verifyEvents(row: CaseRow, events: StoredEvent[]): Verification {
  const def = definitionOf(row.kind);
  let prevHash = GENESIS_HASH;
  let snapshot: PersistedCase | undefined;
  for (const [index, e] of events.entries()) {
    const broken = (reason: string): Verification => ({ ok: false, brokenAt: e.seq, reason });
    if (e.seq !== index + 1) return broken(`expected seq ${index + 1}`);
    if (e.prevHash !== prevHash) return broken('prevHash does not link to the previous event');
    const { recordedAt: _r, hash, ...fields } = e;
    if (eventHash(fields) !== hash) return broken('hash does not match the stored columns');
    const replayed = replay(def, snapshot, e);
    if (!replayed) return broken('the machine does not accept this event when replayed');
    if (replayed.state !== e.toState) return broken(`replayed state ${replayed.state} differs from the recorded ${e.toState}`);
    snapshot = replayed.persisted;
    prevHash = hash;
  }
  if (events.length === 0) return { ok: false, brokenAt: 1, reason: 'the case has no history' };
  if (events.length !== row.version) return { ok: false, brokenAt: events.length, reason: `the case's version ${row.version} differs from its ${events.length} events` };
  if (canonicalJson(asJson(snapshot)) !== canonicalJson(row.snapshot)) {
    return { ok: false, brokenAt: events.length, reason: 'the stored snapshot differs from the replayed history' };
  }
  return { ok: true, events: events.length, headHash: prevHash };
}

function replay(def: ReturnType<typeof definitionOf>, snapshot: PersistedCase | undefined, e: StoredEvent) {
  if (e.seq === 1) {
    if (e.type !== 'CASE_OPENED') return undefined;
    const { kind: _k, ...body } = e.payload;
    return open(def, { ...body, openedAt: e.occurredAt });
  }
  if (!snapshot) return undefined;
  const decision = decide(def, snapshot, { ...e.payload, type: e.type, occurredAt: e.occurredAt, actor: e.actor as any });
  return decision.ok ? decision : undefined;
}

/** The value as JSON would store it (undefined fields dropped), for comparison with jsonb. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
