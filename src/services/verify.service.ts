import { decide, open, type Decision, type PersistedCase } from '../../machines/engine';
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
  return verifyEvents(row, await historyAsOf(db, row));
}

/**
 * The events up to the row's version: a writer may append between reading the row and reading
 * its history, and the row must be compared with the history it was written from.
 */
export async function historyAsOf(db: Knex, row: CaseRow): Promise<StoredEvent[]> {
  return (await listEvents(db, row.id)).filter((e) => e.seq <= row.version);
}

export function verifyEvents(row: CaseRow, events: StoredEvent[]): Verification {
  const def = definitionOf(row.kind);
  let prevHash = GENESIS_HASH;
  let last: (Decision & { ok: true }) | undefined;
  const participants = new Set<string>();
  for (const [index, e] of events.entries()) {
    const broken = (reason: string): Verification => ({ ok: false, brokenAt: e.seq, reason });
    if (e.seq !== index + 1) return broken(`expected seq ${index + 1}`);
    if (e.prevHash !== prevHash) return broken('prevHash does not link to the previous event');
    const { recordedAt: _r, hash, ...fields } = e;
    if (eventHash(fields) !== hash) return broken('hash does not match the stored columns');
    if (e.fromState !== (last?.state ?? null)) return broken(`recorded fromState ${e.fromState} differs from the replayed ${last?.state ?? null}`);
    const replayed = replay(def, last?.persisted, e);
    if (!replayed) return broken('the machine does not accept this event when replayed');
    if (replayed.state !== e.toState) return broken(`replayed state ${replayed.state} differs from the recorded ${e.toState}`);
    for (const org of def.participants(replayed.persisted.context)) participants.add(org);
    last = replayed;
    prevHash = hash;
  }
  if (!last) return { ok: false, brokenAt: 1, reason: 'the case has no history' };
  const head = events.length;
  const rowBroken = (reason: string): Verification => ({ ok: false, brokenAt: head, reason });
  if (head !== row.version) return rowBroken(`the case's version ${row.version} differs from its ${head} events`);
  if (canonicalJson(asJson(last.persisted)) !== canonicalJson(row.snapshot)) return rowBroken('the stored snapshot differs from the replayed history');
  // The columns lists, filters and visibility read must agree with the replay too.
  if (row.state !== last.state) return rowBroken(`the case's state ${row.state} differs from the replayed ${last.state}`);
  if (row.status !== (last.closed ? 'closed' : 'open') || (row.outcome ?? null) !== (last.outcome ?? null)) {
    return rowBroken(`the case's status/outcome ${row.status}/${row.outcome} differ from the replayed history`);
  }
  const stored = new Set(row.participants);
  if (stored.size !== participants.size || [...participants].some((org) => !stored.has(org))) {
    return rowBroken("the case's participating organizations differ from those its history names");
  }
  return { ok: true, events: head, headHash: prevHash };
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
