import { pdfText, squash } from '../support/pdf-text';
import { auth } from './support/harness';
import { daysAgo, disputeWorld, openDispute, send, type DisputeWorld } from './support/world';

let w: DisputeWorld;
let caseId: string;
beforeAll(async () => {
  w = await disputeWorld();
  const c = await openDispute(w);
  caseId = c.id;
  const m = w.users.mediator.token;
  for (const event of [
    { type: 'ACCEPT', respondentConsent: true },
    { type: 'AGREEMENT_DRAFTED', terms: [{ description: '被申请人支付申请人拖欠工资', amount: '12000.00' }], performanceDue: daysAgo(-15), performanceManner: '银行转账' },
    { type: 'SIGN', signatory: 'applicant' },
    { type: 'SIGN', signatory: 'respondent' },
    { type: 'SIGN', signatory: 'mediator' },
    { type: 'SEAL' },
  ]) expect((await send(w, caseId, event, m)).status).toBe(200);
});
afterAll(() => w.close());

const generate = (token: string, body: Record<string, unknown>, id = caseId) => w.http().post(`/api/v1/cases/${id}/documents`).set(auth(token)).send(body);
const download = (token: string, id: string) => w.http().get(`/api/v1/documents/${id}`).set(auth(token)).buffer(true).parse((res, cb) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
});

describe('documents over HTTP', () => {
  it('generates the mediation agreement once, stores it immutably, and serves the PDF', async () => {
    const m = w.users.mediator.token;
    const first = await generate(m, { type: 'mediation_agreement' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ type: 'mediation_agreement', locale: 'zh-CN', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), url: `/api/v1/documents/${first.body.id}` });
    const again = await generate(m, { type: 'mediation_agreement', locale: 'zh-CN' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    const pdf = await download(m, first.body.id);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(pdf.headers['content-disposition'])).toContain('劳调');
    const text = squash(await pdfText(pdf.body));
    expect(text).toContain('调解协议书');
    expect(text).toContain('张伟');
    expect(text).toContain('人民币壹万贰仟元整');

    const list = await w.http().get(`/api/v1/cases/${caseId}/documents`).set(auth(w.users.auditor.token));
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([first.body.id]);
    await expect(w.db('documents').where({ id: first.body.id }).update({ size: 1 })).rejects.toThrow(/immutable/);
  });

  it('refuses a document the case has no data for (422) and an unknown type (400)', async () => {
    const fresh = await openDispute(w);
    const res = await generate(w.users.mediator.token, { type: 'mediation_agreement' }, fresh.id);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('DOCUMENT_NOT_APPLICABLE');
    expect((await generate(w.users.mediator.token, { type: 'collective_contract' }, fresh.id)).status).toBe(422);
    expect((await generate(w.users.mediator.token, { type: 'poem' })).status).toBe(400);
  });

  it('lets an auditor print the case history with its verification, and nothing else', async () => {
    const res = await generate(w.users.auditor.token, { type: 'case_history', locale: 'en' });
    expect(res.status).toBe(201);
    const text = await pdfText((await download(w.users.auditor.token, res.body.id)).body);
    expect(text).toMatch(/SEAL/);
    expect(squash(text)).toContain(squash(w.users.mediator.name)); // who acted, by name
    expect(squash(text)).toMatch(/verified|intact/i);
    expect((await generate(w.users.auditor.token, { type: 'mediation_agreement' })).status).toBe(403);
  });

  it("hides another committee's documents (404)", async () => {
    const doc = await generate(w.users.mediator.token, { type: 'mediation_application' });
    expect((await download(w.users.otherMediator.token, doc.body.id)).status).toBe(404);
    expect((await generate(w.users.otherMediator.token, { type: 'mediation_application' })).status).toBe(404);
  });
});
