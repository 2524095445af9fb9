import type { Knex } from 'knex';
import { createDeadlineService } from '../../src/services/deadlines.service';
import { sweepOnce } from '../../src/services/deadline-sweeper';
import { eventHash } from '../../src/services/hash-chain';
import { pdfText, squash } from '../support/pdf-text';
import { auth } from './support/harness';
import { daysAgo, disputeWorld, openDispute, send, type DisputeWorld } from './support/world';

/**
 * audit.md H1, H2, H3, F1, F3 against someone who can write SQL: every tampering below is done
 * the way an insider would, directly in the database, around the triggers where needed.
 */
let w: DisputeWorld;
let errorLog: jest.SpyInstance;
beforeAll(async () => {
  w = await disputeWorld();
});
// Integrity failures are logged by design; keep them for assertions, out of the test output.
beforeEach(() => {
  errorLog = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => errorLog?.mockRestore());
afterAll(() => w.close());

const m = () => w.users.mediator.token;
const verify = async (id: string) => (await w.http().get(`/api/v1/cases/${id}/verify`).set(auth(w.users.auditor.token))).body;
const eventCount = async (id: string) => Number((await w.db('case_events').where({ case_id: id }).count<{ count: string }[]>('* as count'))[0].count);
const versionOf = async (id: string) => (await w.db('cases').where({ id }).first('version')).version as number;

async function mediatedCase() {
  const c = await openDispute(w);
  expect((await send(w, c.id, { type: 'ACCEPT', respondentConsent: true }, m())).status).toBe(200);
  expect((await send(w, c.id, { type: 'RECORD_SESSION', heldOn: daysAgo(0), attendees: ['张伟'], summary: '第一次调解' }, m())).status).toBe(200);
  return c.id;
}

/** Accepted 28 days ago: its mediation term has elapsed, waiting for a sweep. */
async function overdueMediation() {
  const c = await openDispute(w, { receivedOn: daysAgo(29), knewOn: daysAgo(40) });
  expect((await send(w, c.id, { type: 'ACCEPT', respondentConsent: true, occurredAt: `${daysAgo(28)}T10:00:00+08:00` }, m())).status).toBe(200);
  return c.id;
}

/**
 * Inserts a row at seq = version + 1 that links to the head and carries a correct hash, a
 * session the machine would accept: only the comparison with the case's version catches it.
 */
async function forgeExtraEvent(caseId: string) {
  const head = await w.db('case_events').where({ case_id: caseId }).orderBy('seq', 'desc').first();
  const fields = {
    caseId, seq: head.seq + 1, type: 'RECORD_SESSION',
    payload: { heldOn: daysAgo(0), attendees: ['张伟'], summary: '伪造的调解记录' },
    actor: head.actor, occurredAt: new Date(new Date(head.occurred_at).getTime() + 1000).toISOString(),
    fromState: head.to_state, toState: head.to_state, prevHash: head.hash,
  };
  await w.db('case_events').insert({
    case_id: caseId, seq: fields.seq, type: fields.type, payload: JSON.stringify(fields.payload), actor: JSON.stringify(fields.actor),
    occurred_at: fields.occurredAt, recorded_at: fields.occurredAt, from_state: fields.fromState, to_state: fields.toState,
    prev_hash: fields.prevHash, hash: eventHash(fields),
  });
  return fields.seq;
}

/** Runs SQL with the table's own triggers off, as a database owner can, inside one transaction. */
async function aroundTriggers(table: 'case_events' | 'documents', sql: string, bindings: Knex.RawBinding[]) {
  await w.db.transaction(async (trx) => {
    await trx.raw(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    await trx.raw(sql, bindings);
    await trx.raw(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
  });
}

/**
 * The error the database raises for the statement, always rolled back: should a trigger be
 * missing, the other tests sharing a PostgreSQL database keep their rows.
 */
async function refusalOf(sql: string, bindings: Knex.RawBinding[] = []): Promise<Error | undefined> {
  const rollback = new Error('rollback');
  let refusal: Error | undefined;
  await w.db
    .transaction(async (trx) => {
      refusal = await trx.raw(sql, bindings).then(() => undefined, (err: Error) => err);
      throw rollback;
    })
    .catch((err) => {
      if (err !== rollback) throw err;
    });
  return refusal;
}

async function historyReport(caseId: string) {
  const res = await w.http().post(`/api/v1/cases/${caseId}/documents`).set(auth(w.users.auditor.token)).send({ type: 'case_history' });
  expect(res.status).toBe(201);
  return res.body as { id: string; sha256: string; size: number };
}

const download = (id: string) => w.http().get(`/api/v1/documents/${id}`).set(auth(m())).buffer(true).parse((res, cb) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
});

describe('H1/F1: history and documents cannot be removed with SQL', () => {
  it('refuses TRUNCATE of case_events and documents, TRUNCATE cases CASCADE, and DELETE or UPDATE of a document', async () => {
    const caseId = await mediatedCase();
    const doc = await historyReport(caseId);
    expect((await refusalOf('TRUNCATE case_events'))?.message).toMatch(/append-only: TRUNCATE refused/);
    expect((await refusalOf('TRUNCATE documents'))?.message).toMatch(/immutable: TRUNCATE refused/);
    // The cascade truncates case_events with cases, and its statement trigger fires for that too.
    expect((await refusalOf('TRUNCATE cases CASCADE'))?.message).toMatch(/TRUNCATE refused/);
    expect((await refusalOf('DELETE FROM documents WHERE id = ?', [doc.id]))?.message).toMatch(/immutable: DELETE refused/);
    expect((await refusalOf('UPDATE documents SET filename = ? WHERE id = ?', ['x.pdf', doc.id]))?.message).toMatch(/immutable: UPDATE refused/);
    expect(await eventCount(caseId)).toBe(3);
    expect((await download(doc.id)).status).toBe(200);
    expect(await verify(caseId)).toEqual({ ok: true, events: 3, headHash: expect.stringMatching(/^[0-9a-f]{64}$/), documents: { checked: 1, failed: [] } });
  });
});

describe('H2/H3: a row beyond the version', () => {
  it('verify reports extra_event at version + 1, and the next event is refused with 500 with nothing appended', async () => {
    const caseId = await mediatedCase();
    const version = await versionOf(caseId);
    const headHash = (await verify(caseId)).headHash;
    expect(await forgeExtraEvent(caseId)).toBe(version + 1);

    expect(await verify(caseId)).toEqual({
      ok: false, events: version + 1, headHash, brokenAt: version + 1, check: 'extra_event', reason: expect.any(String),
      documents: { checked: 0, failed: [] },
    });

    const session = { type: 'RECORD_SESSION', heldOn: daysAgo(0), attendees: ['张伟'], summary: '第二次调解' };
    const keyed: Record<string, string> = { 'Idempotency-Key': `forged-${caseId}` };
    for (const headers of [{}, keyed, keyed]) {
      const res = await send(w, caseId, session, m(), headers);
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'INTEGRITY_FAILURE', check: 'extra_event', caseId });
    }
    expect(errorLog).toHaveBeenCalledWith(expect.stringContaining('integrity failure'), expect.objectContaining({ caseId, check: 'extra_event' }));
    expect(await eventCount(caseId)).toBe(version + 1);
    expect(await versionOf(caseId)).toBe(version);
    // The refusal was not stored as the key's answer: nothing but the failure was ever decided.
    expect(await w.db('idempotency_keys').where({ key: `forged-${caseId}` }).first()).toBeUndefined();
  });

  it('a history report of such a case says the verification failed', async () => {
    const caseId = await mediatedCase();
    await forgeExtraEvent(caseId);
    const doc = await historyReport(caseId);
    const pdf = await download(doc.id);
    expect(pdf.status).toBe(200);
    expect(squash(await pdfText(pdf.body))).toContain('哈希链校验未通过');
    expect(await verify(caseId)).toMatchObject({ ok: false, check: 'extra_event', documents: { checked: 1, failed: [] } });
  });
});

describe('H2/H3: rows removed around the trigger', () => {
  it('a gap in the middle is check seq at the row after it', async () => {
    const caseId = await mediatedCase();
    await aroundTriggers('case_events', 'DELETE FROM case_events WHERE case_id = ? AND seq = 2', [caseId]);
    expect(await verify(caseId)).toMatchObject({ ok: false, brokenAt: 3, check: 'seq', events: 2, reason: expect.any(String) });
  });

  it('a missing tail is missing_event at the last seq + 1, and the writer refuses the case', async () => {
    const caseId = await mediatedCase();
    const version = await versionOf(caseId);
    await aroundTriggers('case_events', 'DELETE FROM case_events WHERE case_id = ? AND seq = ?', [caseId, version]);
    expect(await verify(caseId)).toMatchObject({ ok: false, brokenAt: version, check: 'missing_event', events: version - 1 });
    const res = await send(w, caseId, { type: 'RECORD_SESSION', heldOn: daysAgo(0), attendees: ['张伟'], summary: '第二次调解' }, m());
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ code: 'INTEGRITY_FAILURE', check: 'missing_event', caseId });
    expect(await eventCount(caseId)).toBe(version - 1);
  });
});

describe('H3: the sweeper skips a case with a doubtful head', () => {
  it('logs the forged case on every sweep and still fires the deadlines of the others', async () => {
    const forged = await overdueMediation();
    const sound = await overdueMediation();
    await forgeExtraEvent(forged);
    const forgedEvents = await eventCount(forged);
    const deps = { db: w.db, clock: w.clock, deadlines: createDeadlineService({ db: w.db, clock: w.clock }) };
    await deps.deadlines.loadCalendar(w.db);

    await sweepOnce(deps);
    await sweepOnce(deps, { wait: true });
    const namesForged = errorLog.mock.calls.filter((call) => String(call[0]).includes(forged));
    expect(namesForged).toHaveLength(2);
    expect(namesForged[0][1]).toMatchObject({ check: 'extra_event', caseId: forged });

    const soundCase = (await w.http().get(`/api/v1/cases/${sound}`).set(auth(w.adminToken))).body;
    expect(soundCase.state).toBe('mediation.mediationFailed');
    expect(await eventCount(forged)).toBe(forgedEvents);
    const pending = await w.db('deadlines').where({ case_id: forged, rule_id: 'dispute.mediation.term' }).first('status');
    expect(pending.status).toBe('pending');
  });
});

describe('F3: document bytes are checked on every use', () => {
  it('changed bytes: no byte sent, verify lists the document, regeneration does not answer the tampered record', async () => {
    const caseId = await mediatedCase();
    const doc = await historyReport(caseId);
    const original = Buffer.from((await w.db('documents').where({ id: doc.id }).first('bytes')).bytes);
    const altered = Buffer.from(original);
    altered[altered.length - 10] ^= 0xff; // same size, other SHA-256
    await aroundTriggers('documents', 'UPDATE documents SET bytes = ? WHERE id = ?', [altered, doc.id]);

    const res = await download(doc.id);
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.toString('latin1')).not.toContain('%PDF');
    expect(JSON.parse(res.body.toString())).toMatchObject({ code: 'INTEGRITY_FAILURE', check: 'document_bytes', documentId: doc.id });

    expect(await verify(caseId)).toEqual({
      ok: false, events: 3, headHash: expect.any(String), check: 'document', reason: expect.any(String),
      documents: { checked: 1, failed: [{ id: doc.id, check: 'document_bytes', reason: expect.stringMatching(/SHA-256/) }] },
    });

    const again = await w.http().post(`/api/v1/cases/${caseId}/documents`).set(auth(w.users.auditor.token)).send({ type: 'case_history' });
    expect(again.status).toBe(500);
    expect(again.body).toMatchObject({ code: 'INTEGRITY_FAILURE', check: 'document_bytes', documentId: doc.id });
  });

  it('truncated bytes fail on size; a document drawn from beyond the version is document_source', async () => {
    const caseId = await mediatedCase();
    const doc = await historyReport(caseId);
    await aroundTriggers('documents', 'UPDATE documents SET bytes = substring(bytes from 1 for 100) WHERE id = ?', [doc.id]);
    expect((await download(doc.id)).status).toBe(500);

    const other = await mediatedCase();
    const sound = await historyReport(other);
    const copy = await w.db('documents').where({ id: sound.id }).first();
    const forgedId = '00000000-0000-4000-8000-' + other.slice(-12);
    await w.db('documents').insert({ ...copy, id: forgedId, source_seq: 99, created_by: JSON.stringify(copy.created_by) });
    const report = await verify(other);
    expect(report).toMatchObject({ ok: false, check: 'document', documents: { checked: 2, failed: [{ id: forgedId, check: 'document_source' }] } });
    expect((await verify(caseId)).documents.failed).toEqual([{ id: doc.id, check: 'document_bytes', reason: expect.stringMatching(/100 long/) }]);
  });
});
