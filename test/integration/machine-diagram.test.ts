import { auth } from './support/harness';
import { disputeWorld, openDispute, type DisputeWorld } from './support/world';

let w: DisputeWorld;
beforeAll(async () => {
  w = await disputeWorld();
});
afterAll(() => w.close());

/** GET the diagram with the body read as text (supertest buffers only text/* and JSON by itself). */
function diagram(kind: string, token: string, query: Record<string, string> = {}) {
  return w.http().get(`/api/v1/machines/${kind}/diagram.svg`).query(query).set(auth(token)).buffer(true).parse((res, cb) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (body += chunk));
    res.on('end', () => cb(null, body));
  });
}

/** The `data-state` of every element marked as the current state. */
function currentStates(svg: string): string[] {
  return svg.split('data-current="true"').slice(0, -1).map((before) => before.slice(before.lastIndexOf('data-state="') + 12).split('"')[0]);
}

describe('GET /api/v1/machines/:kind/diagram.svg', () => {
  it('serves the drawing as SVG, without a highlight when no case is given', async () => {
    const res = await diagram('dispute', w.users.mediator.token);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(res.body).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(res.body).toContain('awaitingAcceptance');
    expect(currentStates(res.body)).toEqual([]);
    const collective = await diagram('collective', w.users.unionRep.token);
    expect(collective.status).toBe(200);
    expect(collective.body).toContain('congressReview');
  });

  it("highlights the case's current state", async () => {
    const opened = await openDispute(w);
    const res = await diagram('dispute', w.users.mediator.token, { caseId: opened.id });
    expect(res.status).toBe(200);
    expect(currentStates(res.body)).toEqual([opened.state]);
    expect(res.body).toContain(`current state: <tspan font-weight="bold">${opened.state}</tspan>`);
  });

  it("answers 404 for a case the caller cannot see or of the other kind, 400 for a malformed id", async () => {
    const opened = await openDispute(w);
    const hidden = await w.http().get('/api/v1/machines/dispute/diagram.svg').query({ caseId: opened.id }).set(auth(w.users.otherMediator.token));
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ code: 'NOT_FOUND' });
    const otherKind = await w.http().get('/api/v1/machines/collective/diagram.svg').query({ caseId: opened.id }).set(auth(w.users.mediator.token));
    expect(otherKind.status).toBe(404);
    const unknownCase = await w.http().get('/api/v1/machines/dispute/diagram.svg').query({ caseId: '00000000-0000-4000-8000-000000000000' }).set(auth(w.users.mediator.token));
    expect(unknownCase.status).toBe(404);
    const malformed = await w.http().get('/api/v1/machines/dispute/diagram.svg').query({ caseId: 'not-a-uuid' }).set(auth(w.users.mediator.token));
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('answers 404 for an unknown machine and 401 without a token', async () => {
    expect((await w.http().get('/api/v1/machines/nope/diagram.svg').set(auth(w.users.mediator.token))).status).toBe(404);
    expect((await w.http().get('/api/v1/machines/toString/diagram.svg').set(auth(w.users.mediator.token))).status).toBe(404);
    expect((await w.http().get('/api/v1/machines/dispute/diagram.svg')).status).toBe(401);
  });

  it('is documented in the OpenAPI document as an SVG response', async () => {
    const doc = (await w.http().get('/openapi.json')).body;
    const op = doc.paths['/api/v1/machines/{kind}/diagram.svg'].get;
    expect(op.operationId).toBe('getMachineDiagram');
    expect(Object.keys(op.responses['200'].content)).toEqual(['image/svg+xml']);
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(['kind', 'caseId']);
  });
});
