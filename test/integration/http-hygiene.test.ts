import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createApp, type AppDeps } from '../../src/http/app';
import { createDeadlineService } from '../../src/services/deadlines.service';
import { DEMO_TOKENS, seedDemo } from '../../src/services/demo.seed';
import { sha256Hex } from '../../src/services/hash-chain';
import { auth, makeOrg, makeUser, testWorld, type TestWorld } from './support/harness';
import { disputeBody, type DisputeWorld } from './support/world';

/** audit.md §8 (S1-S5) and T7: what every answer carries, and who may learn what from it. */

const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const DOCS_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

let w: TestWorld;
// Fresh regions: a shared PostgreSQL database holds other tests' organizations too.
const region = `测试区-${randomBytes(4).toString('hex')}`;
const otherRegion = `测试区-${randomBytes(4).toString('hex')}`;
let orgs: Record<'committee' | 'employer' | 'union' | 'otherEmployer' | 'otherUnion' | 'farEmployer' | 'bureau' | 'auditOffice', { id: string }>;
let users: Record<'mediator' | 'employerRep' | 'unionRep' | 'otherEmployerRep' | 'officer' | 'auditor', { token: string }>;
let caseId: string;

/** An app over the same database with other options than the harness's. */
function appWith(options: Partial<AppDeps>) {
  const clock = w.clock;
  return request(createApp({ db: w.db, clock, deadlines: createDeadlineService({ db: w.db, clock }), rateLimitPerMinute: 0, ...options }));
}

beforeAll(async () => {
  w = await testWorld();
  orgs = {
    committee: await makeOrg(w.db, 'mediation_committee', { region }),
    employer: await makeOrg(w.db, 'employer', { region }),
    union: await makeOrg(w.db, 'union', { region }),
    // Another tenant of the same region that takes part in no case.
    otherEmployer: await makeOrg(w.db, 'employer', { region }),
    otherUnion: await makeOrg(w.db, 'union', { region }),
    farEmployer: await makeOrg(w.db, 'employer', { region: otherRegion }),
    bureau: await makeOrg(w.db, 'labor_bureau', { region }),
    auditOffice: await makeOrg(w.db, 'audit_office', { region }),
  };
  users = {
    mediator: await makeUser(w.db, 'mediator', orgs.committee.id),
    employerRep: await makeUser(w.db, 'employer_rep', orgs.employer.id),
    unionRep: await makeUser(w.db, 'union_rep', orgs.union.id),
    otherEmployerRep: await makeUser(w.db, 'employer_rep', orgs.otherEmployer.id),
    officer: await makeUser(w.db, 'labor_officer', orgs.bureau.id),
    auditor: await makeUser(w.db, 'auditor', orgs.auditOffice.id),
  };
  const body = disputeBody({ orgs: { committee: orgs.committee, employer: orgs.employer, union: orgs.union } } as DisputeWorld);
  const opened = await w.http().post('/api/v1/cases').set(auth(users.mediator.token)).send(body);
  expect(opened.status).toBe(201);
  caseId = opened.body.id;
});
afterAll(() => w.close());

function expectSecurityHeaders(res: request.Response, policy = API_POLICY) {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['content-security-policy']).toBe(policy);
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
}

describe('S1 security headers and S2 no caching', () => {
  it('are on JSON answers, problems and 404s, public or not', async () => {
    const me = await w.http().get('/api/v1/me').set(auth(users.mediator.token));
    const unauthenticated = await w.http().get('/api/v1/cases');
    const unknownApiRoute = await w.http().get('/api/v1/nothing-here').set(auth(users.mediator.token));
    const unknownPublicRoute = await w.http().get('/nothing-here');
    const health = await w.http().get('/healthz');
    expect([me.status, unauthenticated.status, unknownApiRoute.status, unknownPublicRoute.status, health.status]).toEqual([200, 401, 404, 404, 200]);
    expect(unauthenticated.headers['content-type']).toMatch(/^application\/problem\+json/);
    for (const res of [me, unauthenticated, unknownApiRoute, unknownPublicRoute, health]) {
      expectSecurityHeaders(res);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('are on a PDF download and an SVG diagram', async () => {
    const generated = await w.http().post(`/api/v1/cases/${caseId}/documents`).set(auth(users.auditor.token)).send({ type: 'case_history' });
    expect(generated.status).toBe(201);
    const pdf = await w.http().get(generated.body.url).set(auth(users.auditor.token));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const svg = await w.http().get('/api/v1/machines/dispute/diagram.svg').query({ caseId }).set(auth(users.mediator.token));
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    for (const res of [generated, pdf, svg]) {
      expectSecurityHeaders(res);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('give /docs and its assets a policy that lets Swagger UI run, with no inline script; they and /openapi.json may be cached', async () => {
    const page = await w.http().get('/docs');
    expect(page.status).toBe(200);
    // Every script is a file of our own origin: the policy allows no inline script.
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, content] of scripts) {
      expect(attributes).toMatch(/src="\/docs\//);
      expect(content.trim()).toBe('');
    }
    const assets = await Promise.all(['/docs/init.js', '/docs/assets/swagger-ui-bundle.js', '/docs/assets/swagger-ui.css'].map((p) => w.http().get(p)));
    for (const res of [page, ...assets]) {
      expect(res.status).toBe(200);
      expectSecurityHeaders(res, DOCS_POLICY);
      expect(res.headers['cache-control'] ?? '').not.toMatch(/no-store/);
    }
    const openapi = await w.http().get('/openapi.json');
    expectSecurityHeaders(openapi);
    expect(openapi.headers['cache-control'] ?? '').not.toMatch(/no-store/);
  });
});

describe('S4 a failed authentication tells nothing extra', () => {
  it('answers an unknown and a revoked token alike, challenging the token; no token gets a bare challenge', async () => {
    const holder = await makeUser(w.db, 'mediator', orgs.committee.id);
    await w.db('api_tokens').where({ token_hash: sha256Hex(holder.token) }).update({ revoked_at: new Date() });
    const unknown = await w.http().get('/api/v1/me').set(auth(`lce_${randomBytes(24).toString('base64url')}`));
    const revoked = await w.http().get('/api/v1/me').set(auth(holder.token));
    const missing = await w.http().get('/api/v1/me');
    expect([unknown.status, revoked.status, missing.status]).toEqual([401, 401, 401]);
    expect(revoked.body).toEqual(unknown.body);
    expect(missing.body).toEqual(unknown.body);
    expect(unknown.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(revoked.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(missing.headers['www-authenticate']).toBe('Bearer');
  });
});

describe('T7 failed authentications are limited per client address', () => {
  const from = (address: string) => ({ 'X-Forwarded-For': address });

  it('answers the 61st failure 429 with Retry-After, then refuses even a valid token from that address, and no other', async () => {
    const http = appWith({ authFailuresPerMinute: 60, trustProxy: 'loopback' });
    const guesser = '203.0.113.7';
    for (let i = 0; i < 60; i++) {
      const res = await http.get('/api/v1/me').set({ ...from(guesser), ...auth(`guess-${i}`) });
      expect(res.status).toBe(401);
    }
    const limited = await http.get('/api/v1/me').set({ ...from(guesser), ...auth('guess-60') });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expectSecurityHeaders(limited);

    // A valid token cannot be told from an invalid one while the bucket is empty.
    const valid = await http.get('/api/v1/me').set({ ...from(guesser), ...auth(users.mediator.token) });
    expect(valid.status).toBe(429);
    expect(valid.body).toEqual(limited.body);
    expect((await http.get('/api/v1/me').set(from(`::ffff:${guesser}`))).status).toBe(429);

    expect((await http.get('/api/v1/me').set({ ...from('203.0.113.8'), ...auth(users.mediator.token) })).status).toBe(200);
    expect((await http.get('/api/v1/me').set({ ...from('203.0.113.8'), ...auth('guess') })).status).toBe(401);
    // Public routes need no token and are never limited by it.
    expect((await http.get('/healthz').set(from(guesser))).status).toBe(200);
  });

  it('counts IPv6 per /64', async () => {
    const http = appWith({ authFailuresPerMinute: 2, trustProxy: 'loopback' });
    for (const suffix of ['1', '2']) expect((await http.get('/api/v1/me').set(from(`2001:db8:7:1::${suffix}`))).status).toBe(401);
    expect((await http.get('/api/v1/me').set({ ...from('2001:db8:7:1:ffff::3'), ...auth(users.mediator.token) })).status).toBe(429);
    expect((await http.get('/api/v1/me').set({ ...from('2001:db8:7:2::1'), ...auth(users.mediator.token) })).status).toBe(200);
  });

  it('without TRUST_PROXY counts the TCP peer, whatever X-Forwarded-For says', async () => {
    const http = appWith({ authFailuresPerMinute: 2 });
    for (let i = 0; i < 2; i++) expect((await http.get('/api/v1/me').set(from(`198.51.100.${i}`))).status).toBe(401);
    expect((await http.get('/api/v1/me').set({ ...from('198.51.100.99'), ...auth(users.mediator.token) })).status).toBe(429);
  });

  it('is off at 0', async () => {
    const http = appWith({ authFailuresPerMinute: 0 });
    for (let i = 0; i < 70; i++) expect((await http.get('/api/v1/me')).status).toBe(401);
    expect((await http.get('/api/v1/me').set(auth(users.mediator.token))).status).toBe(200);
  });
});

describe('S3 organizations by need', () => {
  const listFor = async (token: string) => {
    const res = await w.http().get('/api/v1/organizations').set(auth(token));
    expect(res.status).toBe(200);
    return res.body.items as { id: string; kind: string; region: string | null }[];
  };
  const ids = (items: { id: string }[]) => items.map((o) => o.id);
  const PUBLIC_BODIES = ['mediation_committee', 'labor_bureau', 'arbitration_commission'];

  it('shows admins and auditors every organization', async () => {
    const every = Object.values(orgs).map((o) => o.id);
    expect(ids(await listFor(w.adminToken))).toEqual(expect.arrayContaining(every));
    expect(ids(await listFor(users.auditor.token))).toEqual(expect.arrayContaining(every));
  });

  it("never shows an employer representative another tenant's employer or union outside their cases", async () => {
    const mine = await listFor(users.employerRep.token);
    expect(ids(mine)).toEqual(expect.arrayContaining([orgs.employer.id, orgs.union.id, orgs.committee.id, orgs.bureau.id]));
    // Whatever else the database holds: only public bodies, besides their own and their case's parties.
    for (const o of mine) if (!PUBLIC_BODIES.includes(o.kind)) expect([orgs.employer.id, orgs.union.id]).toContain(o.id);

    const other = await listFor(users.otherEmployerRep.token);
    expect(ids(other)).toEqual(expect.arrayContaining([orgs.otherEmployer.id, orgs.committee.id, orgs.bureau.id]));
    for (const o of other) if (!PUBLIC_BODIES.includes(o.kind)) expect(o.id).toBe(orgs.otherEmployer.id);
  });

  it('shows a union representative the parties of their cases only', async () => {
    const mine = await listFor(users.unionRep.token);
    expect(ids(mine)).toEqual(expect.arrayContaining([orgs.union.id, orgs.employer.id]));
    for (const o of mine) if (!PUBLIC_BODIES.includes(o.kind)) expect([orgs.employer.id, orgs.union.id]).toContain(o.id);
  });

  it("shows mediators and labor officers their region's unions and employers too", async () => {
    for (const token of [users.mediator.token, users.officer.token]) {
      const seen = await listFor(token);
      expect(ids(seen)).toEqual(expect.arrayContaining([orgs.employer.id, orgs.union.id, orgs.otherEmployer.id, orgs.otherUnion.id]));
      expect(ids(seen)).not.toContain(orgs.farEmployer.id);
      expect(ids(seen)).not.toContain(orgs.auditOffice.id);
      for (const o of seen) if (['union', 'employer'].includes(o.kind) && o.region !== region) expect([orgs.employer.id, orgs.union.id]).toContain(o.id);
    }
  });
});

describe('S5 demo tokens authenticate only in demo mode', () => {
  it('refuses them, whatever the database holds, unless demo mode is on', async () => {
    const clock = w.clock;
    await seedDemo({ db: w.db, clock, deadlines: createDeadlineService({ db: w.db, clock }) }, () => {});
    expect(DEMO_TOKENS).toContain('demo-admin-token');

    const on = await appWith({ demoMode: true }).get('/api/v1/me').set(auth('demo-admin-token'));
    expect(on.status).toBe(200);
    expect(on.body.role).toBe('admin');

    for (const http of [appWith({ demoMode: false }), appWith({}), request(w.app)]) {
      for (const token of DEMO_TOKENS) {
        const off = await http.get('/api/v1/me').set(auth(token));
        expect(off.status).toBe(401);
        expect(off.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
      }
    }
  });
});
