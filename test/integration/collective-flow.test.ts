import { pdfText, squash } from '../support/pdf-text';
import { auth } from './support/harness';
import { daysAgo, disputeWorld, send, type DisputeWorld } from './support/world';

let w: DisputeWorld;
beforeAll(async () => {
  w = await disputeWorld();
});
afterAll(() => w.close());

const at = (n: number, hour = 10) => `${daysAgo(n)}T${String(hour).padStart(2, '0')}:00:00+08:00`;
const members = (names: string[]) => names.map((name, i) => ({ name, chief: i === 0, external: false }));

describe('a collective contract from request to in force, over HTTP', () => {
  it('goes through a failed vote, an objection and refiling, deemed approval and the renewal window', async () => {
    const union = w.users.unionRep.token;
    const employer = w.users.employerRep.token;
    const officer = w.users.officer.token;
    const opened = await w.http().post('/api/v1/cases').set(auth(union)).send({
      kind: 'collective', requester: 'union', contractType: 'wages', scope: 'enterprise', title: '2026年度工资专项集体合同',
      unionOrganizationId: w.orgs.union.id, employerOrganizationId: w.orgs.employer.id, laborBureauId: w.orgs.bureau.id,
      topics: ['pay', 'working_hours'], occurredAt: at(340),
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ state: 'requestDraft', number: expect.stringMatching(/^集协〔\d{4}〕第\d{5}号$/) });
    const id = opened.body.id;
    const go = async (event: Record<string, unknown>, token: string, state: string) => {
      const res = await send(w, id, event, token);
      expect({ type: event.type, status: res.status, state: res.body.state, body: res.status === 200 ? undefined : res.body }).toEqual({ type: event.type, status: 200, state, body: undefined });
      return res.body;
    };
    const vote = (yes: number, n: number) => ({ type: 'RECORD_VOTE', body: 'workers_congress', total: 100, present: 80, yes, no: 80 - yes - 5, abstain: 5, method: 'secret_ballot', heldOn: daysAgo(n), occurredAt: at(n) });

    await go({ type: 'SEND_REQUEST', receivedOn: daysAgo(340), occurredAt: at(340, 11) }, union, 'awaitingResponse');
    expect((await send(w, id, { type: 'RESPONSE', agrees: true, occurredAt: at(338) }, union)).status).toBe(403); // the other side answers
    await go({ type: 'RESPONSE', agrees: true, occurredAt: at(338) }, employer, 'preparing');
    expect((await send(w, id, { type: 'NAME_REPRESENTATIVES', side: 'employer', members: members(['甲', '乙', '丙']), occurredAt: at(337) }, union)).status).toBe(403);
    const tooFew = await send(w, id, { type: 'NAME_REPRESENTATIVES', side: 'union', members: members(['王一', '王二']), occurredAt: at(337) }, union);
    expect(tooFew.body).toMatchObject({ status: 422, rule: 'collective.reps.minimum', citation: expect.stringMatching(/CCP Art 19/) });
    await go({ type: 'NAME_REPRESENTATIVES', side: 'union', members: members(['王一', '王二', '王三']), occurredAt: at(337) }, union, 'preparing');
    await go({ type: 'NAME_REPRESENTATIVES', side: 'employer', members: members(['赵一', '赵二', '赵三']), occurredAt: at(337, 11) }, employer, 'preparing');
    const noRecorder = await send(w, id, { type: 'START_CONSULTATION', occurredAt: at(337, 12) }, union);
    expect(noRecorder.body).toMatchObject({ status: 422, rule: 'collective.recorder.required', citation: expect.stringMatching(/CCP Art 33/) });
    await go({ type: 'APPOINT_RECORDER', name: '何记录', occurredAt: at(337, 13) }, union, 'preparing');
    await go({ type: 'START_CONSULTATION', occurredAt: at(336) }, employer, 'consulting');
    await go({ type: 'RECORD_MEETING', heldOn: daysAgo(336), chairSide: 'union', attendees: ['王一', '赵一'], summary: '第一次协商', occurredAt: at(336, 11) }, union, 'consulting');
    await go({ type: 'EDIT_DRAFT', clauses: [{ topic: 'pay', text: '工资增长6%' }, { topic: 'working_hours', text: '每日8小时' }], occurredAt: at(335) }, union, 'consulting');
    const v2 = await go({ type: 'EDIT_DRAFT', clauses: [{ topic: 'pay', text: '工资增长5%' }, { topic: 'working_hours', text: '每日8小时' }, { topic: 'training', text: '每年培训40学时' }], occurredAt: at(334) }, employer, 'consulting');
    expect(v2.data.draftVersion).toBe(2);

    const compare = await w.http().get(`/api/v1/cases/${id}/drafts/1/compare/2`).set(auth(union));
    expect(compare.body).toEqual({
      added: [expect.objectContaining({ topic: 'training', text: '每年培训40学时' })],
      removed: [],
      changed: [expect.objectContaining({ topic: 'pay', from: expect.objectContaining({ text: '工资增长6%' }), to: expect.objectContaining({ text: '工资增长5%', proposedBy: 'employer' }) })],
    });

    await go({ type: 'DRAFT_AGREED', draftVersion: 2, occurredAt: at(334, 11) }, union, 'congressReview');
    const rejected = await go(vote(40, 333), union, 'consulting');
    expect(rejected.data.votes.at(-1)).toMatchObject({ result: 'rejected' });
    await go({ type: 'EDIT_DRAFT', clauses: [{ topic: 'pay', text: '工资增长5.5%', status: 'agreed' }, { topic: 'working_hours', text: '每日8小时', status: 'agreed' }], occurredAt: at(332) }, union, 'consulting');
    await go({ type: 'DRAFT_AGREED', draftVersion: 3, occurredAt: at(332, 11) }, employer, 'congressReview');
    const passed = await go(vote(60, 331), union, 'signing');
    expect(passed.data.frozenDraft).toMatchObject({ version: 3, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await go({ type: 'SIGN_CONTRACT', signedOn: daysAgo(331), termMonths: 12, occurredAt: at(331, 11) }, union, 'signed');
    await go({ type: 'SUBMIT_FOR_FILING', receivedOn: daysAgo(330), occurredAt: at(330) }, officer, 'underReview');
    await go({ type: 'REVIEW_OBJECTION', opinion: '工资条款低于当地最低工资标准，请修改。', servedOn: daysAgo(325), occurredAt: at(325) }, officer, 'consulting');
    await go({ type: 'EDIT_DRAFT', clauses: [{ topic: 'pay', text: '工资增长6%，且不低于当地最低工资标准', status: 'agreed' }, { topic: 'working_hours', text: '每日8小时', status: 'agreed' }], occurredAt: at(324) }, union, 'consulting');
    await go({ type: 'DRAFT_AGREED', draftVersion: 4, occurredAt: at(324, 11) }, union, 'congressReview');
    await go(vote(70, 323), union, 'signing');
    await go({ type: 'SIGN_CONTRACT', signedOn: daysAgo(323), termMonths: 12, occurredAt: at(323, 11) }, employer, 'signed');
    await go({ type: 'SUBMIT_FOR_FILING', receivedOn: daysAgo(322), occurredAt: at(322) }, employer, 'underReview');

    // No reply from the labor bureau for 15 days: deemed approval (CCP Art 47), then the clock runs on
    // to the renewal window three months before the contract expires (CCP Art 38).
    // Every DEADLINE_ELAPSED the sweep appended (a PostgreSQL database holds other files' cases too).
    const elapsed = async () => Number((await w.db('case_events').where('type', 'DEADLINE_ELAPSED').count<{ count: string }[]>('* as count'))[0].count);
    const before = await elapsed();
    const sweep = await w.http().post('/api/v1/admin/deadlines/sweep').set(auth(w.adminToken));
    expect(sweep.body.fired).toBe((await elapsed()) - before);
    const after = (await w.http().get(`/api/v1/cases/${id}`).set(auth(union))).body;
    expect(after.state).toBe('renewalWindow');
    expect(after.data.contract).toMatchObject({ version: 4, approval: 'deemed' });
    const history = (await w.http().get(`/api/v1/cases/${id}/history`).set(auth(union))).body.items;
    const fired = history.filter((e: { type: string }) => e.type === 'DEADLINE_ELAPSED').map((e: { payload: { ruleId: string }; toState: string }) => [e.payload.ruleId, e.toState]);
    expect(fired).toEqual([['collective.review', 'inForce'], ['collective.renewalWindow', 'renewalWindow']]);
    const expiry = after.deadlines.find((d: { ruleId: string }) => d.ruleId === 'collective.expiry');
    expect(expiry).toMatchObject({ status: 'pending', citation: expect.stringMatching(/CCP Art 38/) });

    const renewed = await send(w, id, { type: 'RENEW', title: '2027年度工资专项集体合同' }, union);
    expect(renewed.status).toBe(200);
    const linked = (await w.http().get('/api/v1/cases').query({ kind: 'collective', q: '2027年度工资专项' }).set(auth(union))).body.items;
    expect(linked).toHaveLength(1);
    const next = (await w.http().get(`/api/v1/cases/${linked[0].id}`).set(auth(union))).body;
    expect(next).toMatchObject({ state: 'requestDraft', renewalOf: id, data: expect.objectContaining({ contractType: 'wages', topics: ['pay', 'working_hours'] }) });

    const verify = await w.http().get(`/api/v1/cases/${id}/verify`).set(auth(w.users.auditor.token));
    expect(verify.body.ok).toBe(true);

    // The contract printed is exactly the frozen draft (version 4), not an earlier voted one.
    const doc = await w.http().post(`/api/v1/cases/${id}/documents`).set(auth(union)).send({ type: 'collective_contract' });
    expect(doc.status).toBe(201);
    const pdf = await w.http().get(`/api/v1/documents/${doc.body.id}`).set(auth(officer)).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    const text = squash(await pdfText(pdf.body));
    expect(text).toContain('工资增长6%，且不低于当地最低工资标准');
    expect(text).toContain('每日8小时');
    expect(text).not.toContain('工资增长5.5%');
    expect(text).not.toContain('每年培训40学时');
  });

  it("takes the vote's approval rule from the pinned rule pack, never from the client", async () => {
    const opened = await w.http().post('/api/v1/cases').set(auth(w.users.unionRep.token)).send({
      kind: 'collective', requester: 'union', contractType: 'wages', scope: 'enterprise', title: '规则包测试',
      unionOrganizationId: w.orgs.union.id, employerOrganizationId: w.orgs.employer.id, topics: ['pay'],
      settings: { approval: 'at_least_half' }, renewalOf: opened0(),
    });
    expect(opened.status).toBe(201);
    expect(opened.body.data.settings).toEqual({ approval: 'more_than_half' });
    expect(opened.body.renewalOf).toBeNull();
    expect(opened.body.data.renewalOf ?? null).toBeNull();
  });
});

/** Any uuid: a client naming a case it "renews" must not create a link. */
const opened0 = () => '00000000-0000-4000-8000-000000000001';
