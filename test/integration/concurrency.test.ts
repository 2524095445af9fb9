import { auth } from './support/harness';
import { disputeWorld, openDispute, send, type DisputeWorld } from './support/world';

let w: DisputeWorld;
beforeAll(async () => {
  w = await disputeWorld();
});
afterAll(() => w.close());

const session = (i: number) => ({ type: 'RECORD_SESSION', heldOn: '2026-11-20', attendees: ['张伟'], summary: `第${i}次调解` });

async function inProgressCase() {
  const c = await openDispute(w);
  const accepted = await send(w, c.id, { type: 'ACCEPT', respondentConsent: true }, w.users.mediator.token);
  return { id: c.id, version: accepted.body.version as number };
}

describe('concurrent writers on one case', () => {
  it('12 writers with the same If-Match: exactly one succeeds, 11 get 412', async () => {
    const c = await inProgressCase();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => send(w, c.id, session(i), w.users.mediator.token, { 'If-Match': `"${c.version}"` })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(11).fill(412)]);
    expect(results.filter((r) => r.status === 412).every((r) => r.body.code === 'VERSION_MISMATCH' && r.body.currentVersion === c.version + 1)).toBe(true);
    const history = await w.http().get(`/api/v1/cases/${c.id}/history`).set(auth(w.users.mediator.token));
    expect(history.body.items.filter((e: { type: string }) => e.type === 'RECORD_SESSION')).toHaveLength(1);
  });

  it('12 writers without If-Match: all recorded, seq gap-free, chain intact', async () => {
    const c = await inProgressCase();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => send(w, c.id, session(i), w.users.mediator.token)));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
    const history = await w.http().get(`/api/v1/cases/${c.id}/history`).set(auth(w.users.mediator.token));
    const seqs = history.body.items.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual(Array.from({ length: c.version + 12 }, (_, i) => i + 1));
    const summaries = history.body.items.filter((e: { type: string }) => e.type === 'RECORD_SESSION').map((e: { payload: { summary: string } }) => e.payload.summary);
    expect(summaries.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `第${i}次调解`).sort());
    const verify = await w.http().get(`/api/v1/cases/${c.id}/verify`).set(auth(w.users.auditor.token));
    expect(verify.body).toMatchObject({ ok: true, events: c.version + 12 });
  });

  it('an idempotent retry replays the first response and adds no second event', async () => {
    const c = await inProgressCase();
    const key = `retry-${c.id}`;
    const first = await send(w, c.id, session(1), w.users.mediator.token, { 'Idempotency-Key': key });
    const again = await Promise.all([1, 2, 3].map(() => send(w, c.id, session(1), w.users.mediator.token, { 'Idempotency-Key': key })));
    expect(first.status).toBe(200);
    for (const r of again) {
      expect(r.status).toBe(200);
      expect(r.body).toEqual(first.body);
      expect(r.headers.etag).toBe(first.headers.etag);
    }
    const history = await w.http().get(`/api/v1/cases/${c.id}/history`).set(auth(w.users.mediator.token));
    expect(history.body.items).toHaveLength(c.version + 1);

    const reused = await send(w, c.id, session(2), w.users.mediator.token, { 'Idempotency-Key': key });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('scopes a key to the case, however its id is spelled', async () => {
    const c = await inProgressCase();
    const key = `case-${c.id}`;
    const first = await send(w, c.id, session(1), w.users.mediator.token, { 'Idempotency-Key': key });
    const upper = await send(w, c.id.toUpperCase(), session(1), w.users.mediator.token, { 'Idempotency-Key': key });
    expect(upper.status).toBe(200);
    expect(upper.body).toEqual(first.body);
    const history = await w.http().get(`/api/v1/cases/${c.id}/history`).set(auth(w.users.mediator.token));
    expect(history.body.items).toHaveLength(c.version + 1);
  });

  it('replays an error response too, before checking If-Match again', async () => {
    const c = await inProgressCase();
    const key = `err-${c.id}`;
    const stale = `"${c.version - 1}"`;
    const first = await send(w, c.id, session(1), w.users.mediator.token, { 'Idempotency-Key': key, 'If-Match': stale });
    expect(first.status).toBe(412);
    const fresh = await send(w, c.id, session(9), w.users.mediator.token);
    expect(fresh.status).toBe(200);
    const repeat = await send(w, c.id, session(1), w.users.mediator.token, { 'Idempotency-Key': key, 'If-Match': stale });
    expect(repeat.status).toBe(412);
    expect(repeat.body).toEqual(first.body);
  });
});
