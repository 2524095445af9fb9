import request from 'supertest';
import { createApp } from '../../src/http/app';
import { createDeadlineService } from '../../src/services/deadlines.service';
import { auth, TEST_NOW } from './support/harness';
import { disputeBody, disputeWorld, openDispute, send, type DisputeWorld } from './support/world';

let w: DisputeWorld;
let caseId: string;
beforeAll(async () => {
  w = await disputeWorld();
  caseId = (await openDispute(w)).id;
});
afterAll(() => w.close());

const post = (path: string, token: string) => w.http().post(path).set(auth(token));

describe('bad input gets a clear problem+json 4xx, never a 500', () => {
  it('malformed JSON is 400 VALIDATION_FAILED', async () => {
    const res = await post(`/api/v1/cases/${caseId}/events`, w.users.mediator.token).set('Content-Type', 'application/json').send('{"type": "ACCEPT",');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('wrong types are 400 with the path of each issue', async () => {
    const res = await send(w, caseId, { type: 'ACCEPT', respondentConsent: 'yes' }, w.users.mediator.token);
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'respondentConsent' })]));
  });

  it('an unknown event type is 400', async () => {
    const res = await send(w, caseId, { type: 'MAKE_COFFEE' }, w.users.mediator.token);
    expect(res.status).toBe(400);
    expect(res.body.issues[0]).toMatchObject({ path: 'type' });
  });

  it('CASE_OPENED cannot be sent', async () => {
    const res = await send(w, caseId, { type: 'CASE_OPENED' }, w.users.mediator.token);
    expect(res.status).toBe(400);
  });

  it('a future occurredAt is 400', async () => {
    const future = new Date(TEST_NOW.getTime() + 3600_000).toISOString();
    const res = await send(w, caseId, { type: 'ACCEPT', respondentConsent: true, occurredAt: future }, w.users.mediator.token);
    expect(res.status).toBe(400);
    expect(res.body.issues[0]).toMatchObject({ path: 'occurredAt' });
  });

  it('an occurredAt without zone, and a date that does not exist, are 400', async () => {
    expect((await send(w, caseId, { type: 'ACCEPT', respondentConsent: true, occurredAt: '2026-11-01T10:00:00' }, w.users.mediator.token)).status).toBe(400);
    const res = await post('/api/v1/cases', w.users.mediator.token).send(disputeBody(w, { receivedOn: '2026-02-30' }));
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'receivedOn' })]));
  });

  it('an amount with three decimals and a bad ID check character are 400', async () => {
    const res = await post('/api/v1/cases', w.users.mediator.token).send(
      disputeBody(w, { claims: [{ type: 'unpaid_wages', amount: '100.001', description: 'x' }], applicant: { name: '张伟', idNumber: '110105194912310021' } }),
    );
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['applicant.idNumber', 'claims.0.amount']);
  });

  it('a NUL character in any text is 400, not a database error', async () => {
    const res = await send(w, caseId, { type: 'DECLINE', reason: 'out_of_scope', detail: 'a\u0000b' }, w.users.mediator.token);
    expect(res.status).toBe(400);
    expect(res.body.issues[0]).toMatchObject({ path: 'detail' });
  });

  it('a malformed If-Match is 400', async () => {
    const res = await send(w, caseId, { type: 'ACCEPT', respondentConsent: true }, w.users.mediator.token, { 'If-Match': 'W/"1"' });
    expect(res.status).toBe(400);
  });

  it('a 2 MiB body is 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await send(w, caseId, { type: 'RECORD_SESSION', summary: 'x'.repeat(2 * 1024 * 1024) }, w.users.mediator.token);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('no token or an unknown token is 401; an unknown route is 404', async () => {
    expect((await w.http().get('/api/v1/cases')).status).toBe(401);
    expect((await w.http().get('/api/v1/cases').set(auth('nope'))).body.code).toBe('UNAUTHENTICATED');
    expect((await w.http().get('/api/v1/nothing-here').set(auth(w.users.mediator.token))).status).toBe(404);
    expect((await w.http().get('/api/v1/cases/not-a-uuid').set(auth(w.users.mediator.token))).status).toBe(404);
  });

  it("follows api.md's order: schema 400 before 401 and 404; 412 before 403", async () => {
    const unknownCase = '00000000-0000-4000-8000-000000000000';
    expect((await w.http().post(`/api/v1/cases/${unknownCase}/events`).send({ type: 'ACCEPT', respondentConsent: 'yes' })).status).toBe(400);
    expect((await send(w, unknownCase, { type: 'ACCEPT', respondentConsent: 'yes' }, w.users.mediator.token)).status).toBe(400);
    expect((await send(w, unknownCase, { type: 'ACCEPT', respondentConsent: true }, w.users.mediator.token)).status).toBe(404);
    expect((await w.http().post(`/api/v1/cases/${caseId}/events`).send({ type: 'ACCEPT', respondentConsent: true })).status).toBe(401);
    const stale = await send(w, caseId, { type: 'DEADLINE_ELAPSED', ruleId: 'dispute.mediation.acceptance' }, w.users.mediator.token, { 'If-Match': '"999"' });
    expect(stale.status).toBe(412);
  });

  it('ids and cursors that are not what the API issued are 404 and 400, never 500', async () => {
    const dashes = '-'.repeat(36);
    expect((await w.http().get(`/api/v1/cases/${dashes}`).set(auth(w.users.mediator.token))).status).toBe(404);
    expect((await w.http().get(`/api/v1/documents/${dashes}`).set(auth(w.users.mediator.token))).status).toBe(404);
    const cursor = Buffer.from(JSON.stringify({ u: '1', i: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
    expect((await w.http().get('/api/v1/cases').query({ cursor }).set(auth(w.users.mediator.token))).status).toBe(400);
    expect((await w.http().get('/api/v1/cases').query({ q: 'a\u0000b' }).set(auth(w.users.mediator.token))).status).toBe(400);
  });

  it('lone surrogates, hostile nesting and years outside 1900-2099 are 400', async () => {
    const lone = await w.http().post(`/api/v1/cases/${caseId}/events`).set(auth(w.users.mediator.token)).set('Content-Type', 'application/json')
      .send('{"type":"DECLINE","reason":"out_of_scope","detail":"a\\ud800b"}');
    expect(lone.status).toBe(400);
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    expect((await w.http().post('/api/v1/cases').set(auth(w.users.mediator.token)).set('Content-Type', 'application/json').send(deep)).status).toBe(400);
    expect((await post('/api/v1/cases', w.users.mediator.token).send(disputeBody(w, { receivedOn: '0099-01-05', knewOn: undefined }))).status).toBe(400);
    expect((await post('/api/v1/cases', w.users.mediator.token).send(disputeBody(w, { employmentEndedOn: '9999-12-31' }))).status).toBe(400);
    expect((await w.http().get('/api/v1/calendar/deadline').query({ from: '9999-12-01', period: 60 }).set(auth(w.users.mediator.token))).status).toBe(400);
  });

  it('a bad list query is 400', async () => {
    const res = await w.http().get('/api/v1/cases').query({ limit: 'many', cursor: 'zzz' }).set(auth(w.users.mediator.token));
    expect(res.status).toBe(400);
  });
});

describe('rate limit', () => {
  it('answers 429 RATE_LIMITED with Retry-After past the per-token burst', async () => {
    const clock = w.clock;
    const limited = request(createApp({ db: w.db, clock, deadlines: createDeadlineService({ db: w.db, clock }), rateLimitPerMinute: 2 }));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await limited.get('/api/v1/me').set(auth(w.users.mediator.token))).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    const res = await limited.get('/api/v1/me').set(auth(w.users.mediator.token));
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await limited.get('/api/v1/me').set(auth(w.users.auditor.token))).status).toBe(200);
  });
});
