import { auth } from './support/harness';
import { disputeWorld, openDispute, send, type DisputeWorld } from './support/world';

let w: DisputeWorld;
beforeAll(async () => {
  w = await disputeWorld();
});
afterAll(() => w.close());

async function caseWithHistory() {
  const c = await openDispute(w);
  for (const event of [
    { type: 'ACCEPT', respondentConsent: true },
    { type: 'RECORD_SESSION', heldOn: '2026-11-20', attendees: ['张伟'], summary: '第一次调解' },
    { type: 'RECORD_SESSION', heldOn: '2026-11-21', attendees: ['张伟'], summary: '第二次调解' },
  ]) expect((await send(w, c.id, event, w.users.mediator.token)).status).toBe(200);
  return c.id;
}

const verify = (id: string) => w.http().get(`/api/v1/cases/${id}/verify`).set(auth(w.users.auditor.token));

/** Edits a stored event as someone with database access would, around the append-only trigger. */
async function tamper(sql: string, bindings: unknown[]) {
  await w.db.transaction(async (trx) => {
    await trx.raw('ALTER TABLE case_events DISABLE TRIGGER case_events_append_only');
    await trx.raw(sql, bindings as any[]);
    await trx.raw('ALTER TABLE case_events ENABLE TRIGGER case_events_append_only');
  });
}

describe('history is append-only and tamper-evident', () => {
  it('the database refuses UPDATE and DELETE of an event', async () => {
    const id = await caseWithHistory();
    await expect(w.db('case_events').where({ case_id: id, seq: 2 }).update({ type: 'X' })).rejects.toThrow(/append-only/);
    await expect(w.db('case_events').where({ case_id: id, seq: 2 }).delete()).rejects.toThrow(/append-only/);
    expect((await verify(id)).body).toMatchObject({ ok: true, events: 4 });
  });

  it('verify reports the first broken seq after a payload is altered directly', async () => {
    const id = await caseWithHistory();
    await tamper(`UPDATE case_events SET payload = jsonb_set(payload, '{summary}', '"篡改"') WHERE case_id = ? AND seq = 3`, [id]);
    expect((await verify(id)).body).toEqual({
      ok: false, events: 3, headHash: expect.stringMatching(/^[0-9a-f]{64}$/), brokenAt: 3, check: 'hash', reason: expect.stringMatching(/hash/),
      documents: { checked: 0, failed: [] },
    });
  });

  it('verify reports a changed occurredAt, and a re-hashed forgery breaks the link after it', async () => {
    const id = await caseWithHistory();
    await tamper(`UPDATE case_events SET occurred_at = occurred_at - interval '1 minute' WHERE case_id = ? AND seq = 2`, [id]);
    expect((await verify(id)).body).toMatchObject({ ok: false, brokenAt: 2, check: 'hash' });

    const other = await caseWithHistory();
    await tamper(`UPDATE case_events SET hash = ? WHERE case_id = ? AND seq = 2`, ['f'.repeat(64), other]);
    expect((await verify(other)).body).toMatchObject({ ok: false, brokenAt: 2, check: 'hash' });
  });

  it('verify catches case columns edited behind the history (state, outcome, visibility)', async () => {
    const id = await caseWithHistory();
    await w.db('cases').where({ id }).update({ state: 'closed', status: 'closed', outcome: 'withdrawn' });
    expect((await verify(id)).body).toMatchObject({ ok: false, brokenAt: 4, check: 'snapshot', reason: expect.stringMatching(/state/) });
    const other = await caseWithHistory();
    await w.db('cases').where({ id: other }).update({ participants: w.db.raw('array_append(participants, ?::uuid)', [w.orgs.otherCommittee.id]) });
    expect((await verify(other)).body).toMatchObject({ ok: false, check: 'snapshot', reason: expect.stringMatching(/organizations/) });
  });

  it('verify replays the machine: a snapshot edited behind the history is caught', async () => {
    const id = await caseWithHistory();
    await w.db('cases').where({ id }).update({ state: 'closed', snapshot: w.db.raw(`jsonb_set(snapshot, '{value}', '"closed"')`) });
    expect((await verify(id)).body).toMatchObject({ ok: false, check: 'snapshot', reason: expect.stringMatching(/snapshot/) });
  });
});
