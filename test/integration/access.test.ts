import { auth } from './support/harness';
import { disputeWorld, openDispute, send, type DisputeWorld } from './support/world';

let w: DisputeWorld;
let caseId: string;
beforeAll(async () => {
  w = await disputeWorld();
  caseId = (await openDispute(w)).id;
});
afterAll(() => w.close());

describe('who may do what (domain.md §5)', () => {
  it("another committee's mediator gets 404 for the case, its events and its history", async () => {
    const t = w.users.otherMediator.token;
    expect((await w.http().get(`/api/v1/cases/${caseId}`).set(auth(t))).status).toBe(404);
    expect((await w.http().get(`/api/v1/cases/${caseId}/history`).set(auth(t))).status).toBe(404);
    expect((await send(w, caseId, { type: 'ACCEPT', respondentConsent: true }, t)).status).toBe(404);
  });

  it('an auditor reads everything but an event from an auditor is 403', async () => {
    const t = w.users.auditor.token;
    const read = await w.http().get(`/api/v1/cases/${caseId}`).set(auth(t));
    expect(read.status).toBe(200);
    expect(read.body.nextEvents.every((e: { allowed: boolean }) => !e.allowed)).toBe(true);
    const res = await send(w, caseId, { type: 'ACCEPT', respondentConsent: true }, t);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('DEADLINE_ELAPSED is the system alone: 403 even for the mediator', async () => {
    const res = await send(w, caseId, { type: 'DEADLINE_ELAPSED', ruleId: 'dispute.mediation.acceptance' }, w.users.mediator.token);
    expect(res.status).toBe(403);
  });

  it('an employer representative may sign only for the respondent', async () => {
    const c = await openDispute(w);
    const m = w.users.mediator.token;
    await send(w, c.id, { type: 'ACCEPT', respondentConsent: true }, m);
    await send(w, c.id, { type: 'AGREEMENT_DRAFTED', terms: [{ description: '支付' }], performanceDue: '2026-12-31', performanceManner: '转账' }, m);
    const view = (await w.http().get(`/api/v1/cases/${c.id}`).set(auth(w.users.employerRep.token))).body;
    expect(view.nextEvents).toEqual(expect.arrayContaining([{ type: 'SIGN', allowed: true }, { type: 'SEAL', allowed: false }]));
    expect((await send(w, c.id, { type: 'SIGN', signatory: 'applicant' }, w.users.employerRep.token)).status).toBe(403);
    expect((await send(w, c.id, { type: 'SIGN', signatory: 'respondent' }, w.users.employerRep.token)).status).toBe(200);
  });

  it('a labor officer (not named in a dispute) does not see it; the union assisting does', async () => {
    expect((await w.http().get(`/api/v1/cases/${caseId}`).set(auth(w.users.officer.token))).status).toBe(404);
    expect((await w.http().get(`/api/v1/cases/${caseId}`).set(auth(w.users.unionRep.token))).status).toBe(200);
  });

  it('only an admin creates organizations and users', async () => {
    const res = await w.http().post('/api/v1/organizations').set(auth(w.users.mediator.token)).send({ name: 'x', kind: 'union' });
    expect(res.status).toBe(403);
    const ok = await w.http().post('/api/v1/organizations').set(auth(w.adminToken)).send({ name: '新工会', kind: 'union' });
    expect(ok.status).toBe(201);
    const user = await w.http().post('/api/v1/users').set(auth(w.adminToken)).send({ name: '新代表', role: 'union_rep', organizationId: ok.body.id });
    expect(user.status).toBe(201);
    const me = await w.http().get('/api/v1/me').set(auth(user.body.token));
    expect(me.body).toMatchObject({ id: user.body.id, role: 'union_rep', organization: { id: ok.body.id, name: '新工会' } });
    const mismatch = await w.http().post('/api/v1/users').set(auth(w.adminToken)).send({ name: 'x', role: 'mediator', organizationId: ok.body.id });
    expect(mismatch.status).toBe(400);
  });
});
