import type { Knex } from 'knex';
import type { Decision } from '../../machines/engine';
import type { ChainVerification } from '../../templates';
import { listEvents, type StoredEvent } from '../repositories/case-events.repository';
import { findCase, type CaseRow } from '../repositories/cases.repository';
import { caseDocumentsWithBytes, type DocumentRecord } from '../repositories/documents.repository';
import { bytesFault } from './document-integrity';
import { NotFound } from './errors';
import { canonicalJson } from '../../machines/shared/canonical';
import { eventHash, GENESIS_HASH } from './hash-chain';
import { VersionedReplay } from './versioned-replay';

/** What failed first (audit.md H2); `document` when only documents failed. */
export type HistoryCheck = 'seq' | 'prev_hash' | 'hash' | 'replay' | 'extra_event' | 'missing_event' | 'snapshot';
export type VerifyCheck = HistoryCheck | 'document';

/** The history and the case row checked against each other, without the documents. */
export interface HistoryVerification {
  ok: boolean;
  /** Rows examined: all of them, or up to and including the one that failed. */
  events: number;
  /** The hash of the last row that passed every check; null when none did. */
  headHash: string | null;
  brokenAt?: number;
  check?: HistoryCheck;
  /** One sentence for people. */
  reason?: string;
}

export interface DocumentFailure {
  id: string;
  check: 'document_bytes' | 'document_source';
  reason: string;
}

/** The answer of GET /cases/:id/verify (audit.md H2). */
export interface Verification extends Omit<HistoryVerification, 'check'> {
  check?: VerifyCheck;
  documents: { checked: number; failed: DocumentFailure[] };
}

interface RecordedCase {
  row: CaseRow;
  events: StoredEvent[];
  documents: { record: DocumentRecord; bytes: Buffer }[];
}

/**
 * The case row, every one of its events and its documents, read in one REPEATABLE READ snapshot:
 * an append committing meanwhile is either wholly seen or not at all, so any row beyond the
 * version is a forgery, never a race (audit.md H2). Reading only up to the version would let a
 * forged row at version + 1 pass.
 */
async function readRecordedCase(db: Knex, caseId: string): Promise<RecordedCase> {
  return db.transaction(
    async (trx) => {
      const row = await findCase(trx, caseId);
      if (!row) throw new NotFound('case');
      return { row, events: await listEvents(trx, caseId), documents: await caseDocumentsWithBytes(trx, caseId) };
    },
    { isolationLevel: 'repeatable read', readOnly: true },
  );
}

/** Verifies the case's whole history, its row and its documents; the first failure is reported. */
export async function verifyCase(db: Knex, row: Pick<CaseRow, 'id'>): Promise<Verification> {
  const recorded = await readRecordedCase(db, row.id);
  const history = verifyHistory(recorded.row, recorded.events);
  const failed = recorded.documents.flatMap(({ record, bytes }) => documentFailures(recorded.row, record, bytes));
  const documents = { checked: recorded.documents.length, failed };
  if (!history.ok) return { ...history, documents };
  if (failed.length) {
    const reason = `${failed.length} of the case's ${recorded.documents.length} documents failed their integrity check.`;
    return { ...history, ok: false, check: 'document', reason, documents };
  }
  return { ...history, documents };
}

/** The history verification as the case history report prints it (templates' ChainVerification). */
export async function chainVerificationOf(db: Knex, caseId: string): Promise<ChainVerification> {
  const { row, events } = await readRecordedCase(db, caseId);
  const v = verifyHistory(row, events);
  return v.ok ? { ok: true, events: v.events, headHash: v.headHash! } : { ok: false, brokenAt: v.brokenAt!, reason: v.reason! };
}

/**
 * The events up to the row's version, for rendering: a writer may append between reading the row
 * and reading its history, and the row must be shown with the history it was written from. Not
 * for verification, which must see every row (`verifyCase`).
 */
export async function historyAsOf(db: Knex, row: CaseRow): Promise<StoredEvent[]> {
  return (await listEvents(db, row.id)).filter((e) => e.seq <= row.version);
}

/**
 * Checks every row in seq order (order, link, hash, replay), then the case row against the
 * replay (extra or missing events, snapshot), and reports the first failure.
 */
export function verifyHistory(row: CaseRow, events: StoredEvent[]): HistoryVerification {
  const machine = new VersionedReplay(row.kind, row.machineVersion, events);
  let prevHash = GENESIS_HASH;
  let headHash: string | null = null;
  let last: (Decision & { ok: true }) | undefined;
  let lastSeq = 0;
  const participants = new Set<string>();
  for (const [index, e] of events.entries()) {
    const broken = (check: HistoryCheck, reason: string): HistoryVerification => ({ ok: false, events: index + 1, headHash, brokenAt: e.seq, check, reason });
    if (e.seq !== index + 1) return broken('seq', index ? `Event ${e.seq} follows event ${index}: the history has a gap.` : `The history starts at event ${e.seq}, not 1.`);
    if (e.prevHash !== prevHash) return broken('prev_hash', `Event ${e.seq}'s prevHash does not link to the previous event's hash.`);
    const { recordedAt: _r, hash, ...fields } = e;
    if (eventHash(fields) !== hash) return broken('hash', `Event ${e.seq}'s hash does not match its stored columns.`);
    if (e.fromState !== (last?.state ?? null)) return broken('replay', `Event ${e.seq}'s recorded fromState ${e.fromState} differs from the replayed ${last?.state ?? null}.`);
    const replayed = machine.replay(last?.persisted, e);
    if (!replayed) return broken('replay', `The machine does not accept event ${e.seq} when the history is replayed.`);
    if (replayed.state !== e.toState) return broken('replay', `Event ${e.seq}'s replayed state ${replayed.state} differs from the recorded ${e.toState}.`);
    // Rows beyond the version are checked in order like the others, but never become the head.
    if (e.seq <= row.version) {
      for (const org of machine.def!.participants(replayed.persisted.context)) participants.add(org);
      headHash = hash;
    }
    last = replayed;
    lastSeq = e.seq;
    prevHash = hash;
  }
  const examined = events.length;
  if (lastSeq > row.version) {
    return { ok: false, events: examined, headHash, brokenAt: row.version + 1, check: 'extra_event', reason: `The history holds event ${row.version + 1} beyond the case's version ${row.version}.` };
  }
  if (lastSeq < row.version || !last) {
    return { ok: false, events: examined, headHash, brokenAt: lastSeq + 1, check: 'missing_event', reason: lastSeq ? `The case's version is ${row.version} but its history ends at event ${lastSeq}.` : 'The case has no history.' };
  }
  const snapshotBroken = (reason: string): HistoryVerification => ({ ok: false, events: examined, headHash, brokenAt: row.version, check: 'snapshot', reason });
  if (canonicalJson(asJson(last.persisted)) !== canonicalJson(row.snapshot)) return snapshotBroken('The stored snapshot differs from the replayed history.');
  if (row.machineVersion !== machine.version) return snapshotBroken(`The case pins machine version ${row.machineVersion} but its history ends in version ${machine.version}.`);
  // The columns lists, filters and visibility read must agree with the replay too.
  if (row.state !== last.state) return snapshotBroken(`The case's state ${row.state} differs from the replayed ${last.state}.`);
  if (row.status !== (last.closed ? 'closed' : 'open') || (row.outcome ?? null) !== (last.outcome ?? null)) {
    return snapshotBroken(`The case's status/outcome ${row.status}/${row.outcome} differ from the replayed history.`);
  }
  const stored = new Set(row.participants);
  if (stored.size !== participants.size || [...participants].some((org) => !stored.has(org))) {
    return snapshotBroken("The case's participating organizations differ from those its history names.");
  }
  return { ok: true, events: examined, headHash };
}

/** F3 as verify applies it: the bytes match the record, and the record's source event exists. */
function documentFailures(row: CaseRow, record: DocumentRecord, bytes: Buffer): DocumentFailure[] {
  const fault = bytesFault(record, bytes);
  if (fault) return [{ id: record.id, check: 'document_bytes', reason: fault }];
  if (record.sourceSeq > row.version) {
    return [{ id: record.id, check: 'document_source', reason: `The document is drawn from event ${record.sourceSeq}, beyond the case's version ${row.version}.` }];
  }
  return [];
}

/** The value as JSON would store it (undefined fields dropped), for comparison with jsonb. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
