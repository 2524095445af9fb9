import { auth } from './support/harness';
import { daysAgo, disputeWorld, openDispute, send, type DisputeWorld } from './support/world';

let w: DisputeWorld;
beforeAll(async () => {
  w = await disputeWorld();
});
afterAll(() => w.close());

const m = () => w.users.mediator.token;
const at = (n: number, hour = 10) => `${daysAgo(n)}T${String(hour).padStart(2, '0')}:00:00+08:00`;

async function expectRule(res: { status: number; body: any; headers?: Record<string, string> }, rule: string, article: RegExp) {
  expect({ status: res.status, code: res.body.code, rule: res.body.rule }).toEqual({ status: 422, code: 'RULE_VIOLATION', rule });
  expect(res.body.citation).toMatch(article);
  expect(res.headers?.['content-type'] ?? 'application/problem+json').toMatch(/problem\+json/);
}

async function step(id: string, event: Record<string, unknown>, token = m()) {
  const res = await send(w, id, event, token);
  if (res.status !== 200) throw new Error(`${event.type}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A case whose agreement came into force `n` days ago, with all claims as given. */
async function agreementInForce(n: number, claims?: unknown[], performanceDue = daysAgo(-30)) {
  const c = await openDispute(w, { receivedOn: daysAgo(n + 2), knewOn: daysAgo(n + 10), ...(claims ? { claims } : {}) });
  await step(c.id, { type: 'ACCEPT', respondentConsent: true, occurredAt: at(n + 1) });
  await step(c.id, { type: 'AGREEMENT_DRAFTED', terms: [{ description: '支付工资', amount: '12000.00' }], performanceDue, performanceManner: '转账', occurredAt: at(n) });
  for (const signatory of ['applicant', 'respondent', 'mediator']) await step(c.id, { type: 'SIGN', signatory, occurredAt: at(n, 11) });
  const sealed = await step(c.id, { type: 'SEAL', occurredAt: at(n, 12) });
  expect(sealed.state).toBe('agreement.inForce');
  return c.id;
}

describe('each legal guard refuses with its rule and citation (422)', () => {
  it('dispute.accept.respondentConsent (Order17 Art 22)', async () => {
    const c = await openDispute(w);
    await expectRule(await send(w, c.id, { type: 'ACCEPT', respondentConsent: false }, m()), 'dispute.accept.respondentConsent', /Order17 Art 22/);
  });

  it('dispute.extend.bothConsent (Order17 Art 29)', async () => {
    const c = await openDispute(w);
    await step(c.id, { type: 'ACCEPT', respondentConsent: true });
    const res = await send(w, c.id, { type: 'EXTEND_MEDIATION', days: 10, applicantConsent: true, respondentConsent: false }, m());
    await expectRule(res, 'dispute.extend.bothConsent', /Order17 Art 29/);
    const ok = await send(w, c.id, { type: 'EXTEND_MEDIATION', days: 10, applicantConsent: true, respondentConsent: true }, m());
    expect(ok.status).toBe(200);
    const term = ok.body.deadlines.find((d: { ruleId: string }) => d.ruleId === 'dispute.mediation.term');
    expect(term.explanation).toMatch(/10/);
  });

  it('dispute.refer.arbitrationRight (LDMAL Art 14): not before 15 days, unless mediation failed', async () => {
    const c = await openDispute(w);
    await step(c.id, { type: 'ACCEPT', respondentConsent: true });
    await expectRule(await send(w, c.id, { type: 'REFER_TO_ARBITRATION' }, m()), 'dispute.refer.arbitrationRight', /LDMAL Art 14/);
    await step(c.id, { type: 'MEDIATION_FAILED', reason: '分歧较大' });
    const referred = await step(c.id, { type: 'REFER_TO_ARBITRATION', commission: '海淀区劳动人事争议仲裁委员会' });
    expect(referred).toMatchObject({ state: 'closed', outcome: 'referredToArbitration' });
  });

  it('dispute.settlement.afterDue (LDMAL Art 5)', async () => {
    const c = await openDispute(w, { route: 'consultation' });
    await step(c.id, { type: 'CONSULTATION_AGREED', until: daysAgo(-10) }, w.users.employerRep.token);
    await step(c.id, { type: 'SETTLEMENT_REACHED', terms: [{ description: '补发工资', amount: '12000.00' }], performanceDue: daysAgo(-5) });
    await expectRule(await send(w, c.id, { type: 'NOT_PERFORMED' }, m()), 'dispute.settlement.afterDue', /LDMAL Art 5/);
  });

  it('dispute.breach.afterDue (LDMAL Art 15)', async () => {
    const id = await agreementInForce(1);
    await expectRule(await send(w, id, { type: 'NOT_PERFORMED' }, m()), 'dispute.breach.afterDue', /LDMAL Art 15/);
  });

  it('dispute.review.notLaborRelationship (ArbRules Art 75)', async () => {
    const id = await agreementInForce(1, [{ type: 'labor_relationship', description: '确认劳动关系' }]);
    await expectRule(await send(w, id, { type: 'ARBITRAL_REVIEW_REQUESTED', joint: true }, m()), 'dispute.review.notLaborRelationship', /ArbRules Art 75/);
  });

  it('dispute.review.window (Order17 Art 27): the elapsed window fires first and stays fired', async () => {
    // In force since 2026-10-24 (TEST_NOW less 25 days): the 15 days end on Sunday 2026-11-08,
    // rolled to Monday 2026-11-09, which elapsed at 24:00 Asia/Shanghai, before TEST_NOW.
    const id = await agreementInForce(25);
    const res = await send(w, id, { type: 'ARBITRAL_REVIEW_REQUESTED', joint: true }, m());
    await expectRule(res, 'dispute.review.window', /Order17 Art 27/);
    const history = await w.http().get(`/api/v1/cases/${id}/history`).set(auth(m()));
    const fired = history.body.items.filter((e: { type: string }) => e.type === 'DEADLINE_ELAPSED').map((e: { payload: { ruleId: string }; actor: unknown; occurredAt: string }) => [e.payload.ruleId, e.actor, e.occurredAt]);
    expect(fired).toEqual([['dispute.agreement.arbitralReview', { id: null, role: 'system' }, '2026-11-09T16:00:00.000Z']]);
    const deadlines = (await w.http().get(`/api/v1/cases/${id}/deadlines`).set(auth(m()))).body.items;
    expect(deadlines.find((d: { ruleId: string }) => d.ruleId === 'dispute.agreement.arbitralReview')).toMatchObject({ triggerOn: '2026-10-24', dueOn: '2026-11-09', status: 'fired' });
    expect(history.body.items.some((e: { type: string }) => e.type === 'ARBITRAL_REVIEW_REQUESTED')).toBe(false);
  });

  it('dispute.paymentOrder.monetaryClaims (LDMAL Art 16)', async () => {
    const id = await agreementInForce(10, [{ type: 'dismissal', description: '违法解除' }, { type: 'unpaid_wages', amount: '100.00', description: '工资' }], daysAgo(5));
    const breached = await step(id, { type: 'NOT_PERFORMED', detail: '逾期未支付' });
    expect(breached.state).toBe('agreement.breached');
    await expectRule(await send(w, id, { type: 'PAYMENT_ORDER_APPLIED' }, m()), 'dispute.paymentOrder.monetaryClaims', /LDMAL Art 16/);
  });

  it('an event the state does not accept is 409 EVENT_NOT_ALLOWED with the accepted list', async () => {
    const c = await openDispute(w);
    const res = await send(w, c.id, { type: 'SEAL' }, m());
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'EVENT_NOT_ALLOWED', state: 'mediation.awaitingAcceptance' });
    expect(res.body.accepted).toEqual(['ACCEPT', 'DEADLINE_ELAPSED', 'DECLINE', 'LIMITATION_RESUMED', 'LIMITATION_SUSPENDED', 'REFER_TO_ARBITRATION', 'WITHDRAWN']);
  });
});
