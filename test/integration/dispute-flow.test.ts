import { auth } from './support/harness';
import { daysAgo, disputeWorld, openDispute, send, type DisputeWorld } from './support/world';

let w: DisputeWorld;
beforeAll(async () => {
  w = await disputeWorld();
});
afterAll(() => w.close());

describe('a mediation from application to closed(resolved), over HTTP', () => {
  it('walks every stage and leaves a verifiable history', async () => {
    const created = await openDispute(w);
    expect(created.state).toBe('mediation.awaitingAcceptance');
    expect(created.number).toMatch(/^劳调〔\d{4}〕第\d{5}号$/);
    const m = w.users.mediator.token;
    const steps: [Record<string, unknown>, string, string?][] = [
      [{ type: 'ACCEPT', respondentConsent: true }, 'mediation.inProgress'],
      [{ type: 'RECORD_SESSION', heldOn: daysAgo(1), attendees: ['张伟', '公司代表'], summary: '双方陈述意见' }, 'mediation.inProgress'],
      [{ type: 'AGREEMENT_DRAFTED', terms: [{ description: '支付拖欠工资', amount: '12000.00' }], performanceDue: daysAgo(-10), performanceManner: '银行转账' }, 'agreement.awaitingSignatures'],
      [{ type: 'SIGN', signatory: 'applicant' }, 'agreement.awaitingSignatures'],
      [{ type: 'SIGN', signatory: 'respondent' }, 'agreement.awaitingSignatures', w.users.employerRep.token],
      [{ type: 'SIGN', signatory: 'mediator' }, 'agreement.awaitingSignatures'],
      [{ type: 'SEAL' }, 'agreement.inForce'],
      [{ type: 'PERFORMED' }, 'closed'],
    ];
    let etag = `"${created.version}"`;
    for (const [event, state, token] of steps) {
      const res = await send(w, created.id, event, token ?? m, { 'If-Match': etag });
      expect({ type: event.type, status: res.status, state: res.body.state }).toEqual({ type: event.type, status: 200, state });
      expect(res.headers.etag).toBe(`"${res.body.version}"`);
      etag = res.headers.etag;
    }
    const final = await w.http().get(`/api/v1/cases/${created.id}`).set(auth(m));
    expect(final.body).toMatchObject({ status: 'closed', outcome: 'resolved', version: steps.length + 1 });
    expect(final.body.nextEvents).toEqual([]);

    const history = await w.http().get(`/api/v1/cases/${created.id}/history`).set(auth(w.users.auditor.token));
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual(['CASE_OPENED', ...steps.map(([e]) => e.type)]);
    expect(history.body.items[0]).toMatchObject({ seq: 1, fromState: null, toState: 'mediation.awaitingAcceptance', prevHash: '0'.repeat(64) });
    expect(history.body.items[5].actor).toEqual({ id: w.users.employerRep.id, role: 'employer_rep' });

    const verify = await w.http().get(`/api/v1/cases/${created.id}/verify`).set(auth(w.users.auditor.token));
    expect(verify.body).toEqual({ ok: true, events: steps.length + 1, headHash: history.body.items.at(-1).hash, documents: { checked: 0, failed: [] } });
  });

  it('opens a case at a past receivedOn and refuses events before the latest one', async () => {
    const c = await openDispute(w, { receivedOn: '2026-01-05', knewOn: '2025-12-20' });
    const history = await w.http().get(`/api/v1/cases/${c.id}/history`).set(auth(w.users.mediator.token));
    expect(history.body.items[0].occurredAt).toBe('2026-01-04T16:00:00.000Z');
    const early = await send(w, c.id, { type: 'ACCEPT', respondentConsent: true, occurredAt: '2026-01-04T12:00:00+08:00' }, w.users.mediator.token);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'OUT_OF_ORDER', latest: { seq: 1, occurredAt: '2026-01-04T16:00:00.000Z' } });
  });

  it('lists cases with filters and cursor pagination, scoped to the caller', async () => {
    const name = `分页测试${Date.now()}`;
    for (let i = 0; i < 3; i++) await openDispute(w, { applicant: { name: `${name}-${i}` } });
    const page1 = await w.http().get('/api/v1/cases').query({ q: name, limit: 2 }).set(auth(w.users.mediator.token));
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await w.http().get('/api/v1/cases').query({ q: name, limit: 2, cursor: page1.body.nextCursor }).set(auth(w.users.mediator.token));
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.nextCursor).toBeNull();
    const all = [...page1.body.items, ...page2.body.items].map((i: { title: string }) => i.title).sort();
    expect(all).toEqual([0, 1, 2].map((i) => `${name}-${i} / 北京某科技有限公司`));
    const byState = await w.http().get('/api/v1/cases').query({ q: name, state: 'mediation' }).set(auth(w.users.mediator.token));
    expect(byState.body.items).toHaveLength(3);
    const closed = await w.http().get('/api/v1/cases').query({ q: name, status: 'closed' }).set(auth(w.users.mediator.token));
    expect(closed.body.items).toHaveLength(0);
    const other = await w.http().get('/api/v1/cases').query({ q: name }).set(auth(w.users.otherMediator.token));
    expect(other.body.items).toHaveLength(0);
  });
});
