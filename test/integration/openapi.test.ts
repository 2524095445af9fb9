import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { testWorld, type TestWorld } from './support/harness';

let w: TestWorld;
let doc: any;
let check: { valid: boolean; validationError: string | null; problems: { severity: string; ruleId: string; message: string }[] };
beforeAll(async () => {
  w = await testWorld();
  doc = (await w.http().get('/openapi.json')).body;
  const out = execFileSync(process.execPath, [path.join(__dirname, 'support/openapi-check.mjs')], { input: JSON.stringify(doc) });
  check = JSON.parse(out.toString());
});
afterAll(() => w.close());

describe('GET /openapi.json', () => {
  it('is OpenAPI 3.1 that swagger-parser validates', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect({ valid: check.valid, error: check.validationError }).toEqual({ valid: true, error: null });
  });

  it("lints with zero errors under Redocly's recommended rules", () => {
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('documents every operation with an operationId and summary, public ones without security', () => {
    const ops = Object.entries(doc.paths).flatMap(([p, methods]: [string, any]) => Object.entries(methods).map(([m, op]: [string, any]) => ({ p, m, op })));
    expect(ops.length).toBeGreaterThan(15);
    for (const { op } of ops) {
      expect(op.operationId).toBeTruthy();
      expect(op.summary).toBeTruthy();
    }
    expect(doc.paths['/healthz'].get.security).toEqual([]);
    expect(doc.paths['/api/v1/cases/{id}/events'].post.responses['422']).toBeDefined();
    expect(doc.servers).toEqual([{ url: '/' }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('serves /docs and /healthz without a token', async () => {
    const docs = await w.http().get('/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger-ui-bundle.js');
    expect((await w.http().get('/docs/init.js')).text).toContain("url: '/openapi.json'");
    expect((await w.http().get('/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
    expect((await w.http().get('/healthz')).body).toEqual({ status: 'ok' });
  });

  it('serves each machine as JSON with the citations of its guards', async () => {
    const res = await w.http().get('/api/v1/machines/dispute').set({ Authorization: `Bearer ${w.adminToken}` });
    expect(res.status).toBe(200);
    expect(res.body.initialStates.sort()).toEqual(['consultation.awaitingResponse', 'mediation.awaitingAcceptance']);
    const accept = res.body.states.find((s: { state: string }) => s.state === 'mediation.awaitingAcceptance').transitions.find((t: { event: string }) => t.event === 'ACCEPT');
    expect(accept.rules).toEqual([{ id: 'dispute.accept.respondentConsent', citation: expect.stringContaining('Order17 Art 22') }]);
    expect((await w.http().get('/api/v1/machines/nope').set({ Authorization: `Bearer ${w.adminToken}` })).status).toBe(404);
  });
});
