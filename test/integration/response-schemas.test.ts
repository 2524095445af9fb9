import type { Response } from 'supertest';
import { appRoutes, type AppDeps } from '../../src/http/app';
import type { RouteSpec } from '../../src/http/route';
import { auth } from './support/harness';
import { daysAgo, disputeWorld, openDispute, send, type DisputeWorld } from './support/world';

/**
 * architecture.md "Routes: one declaration, enforced": the answers of the main routes match the
 * response schemas their declarations publish (and OpenAPI is generated from).
 */
let w: DisputeWorld;
let routes: RouteSpec[];
beforeAll(async () => {
  w = await disputeWorld();
  // Only the declarations are read here; the app under test is the harness's own.
  const { publicRoutes, protectedRoutes } = appRoutes({ db: w.db, clock: () => new Date() } as unknown as AppDeps);
  routes = [...publicRoutes, ...protectedRoutes];
});
afterAll(() => w.close());

const checked = new Set<string>();

/** The declaration Express would dispatch `method path` to. */
function specFor(method: string, path: string): RouteSpec {
  const pathOnly = path.split('?')[0];
  const found = routes.find((r) => r.method === method && new RegExp(`^${r.path.replace(/:\w+/g, '[^/]+')}$`).test(pathOnly));
  if (!found) throw new Error(`no route declares ${method} ${pathOnly}`);
  return found;
}

/** The answer has the declared status (or an `alsoResponses` one) and matches its schema. */
function conforms(method: 'get' | 'post', path: string, res: Response) {
  const spec = specFor(method, path);
  const declared = [spec.response, ...(spec.alsoResponses ?? [])].find((r) => r.status === res.status);
  expect({ operation: spec.operationId, status: res.status, declared: Boolean(declared) }).toEqual({ operation: spec.operationId, status: res.status, declared: true });
  const schema = declared!.schema;
  if (!schema) throw new Error(`${spec.operationId} declares no response schema`);
  const result = schema.safeParse(res.body);
  expect({ operation: spec.operationId, issues: result.success ? [] : result.error.issues }).toEqual({ operation: spec.operationId, issues: [] });
  checked.add(spec.operationId);
}

async function get(path: string, token: string) {
  const res = await w.http().get(path).set(auth(token));
  conforms('get', path, res);
  return res;
}

describe('real responses match the declared response schemas', () => {
  it('cases, events, history, verify, deadlines, lists', async () => {
    const m = w.users.mediator.token;
    const opened = await w.http().post('/api/v1/cases').set(auth(m)).send({
      kind: 'dispute', route: 'mediation', channel: 'walk_in', receivedOn: daysAgo(2),
      applicant: { name: '李娜' }, respondent: { name: '某公司' },
      claims: [{ type: 'unpaid_wages', amount: '100.00', description: '工资' }], facts: '欠薪',
      mediationCommitteeId: w.orgs.committee.id, employerOrganizationId: w.orgs.employer.id,
    });
    conforms('post', '/api/v1/cases', opened);
    const id = opened.body.id as string;
    const accepted = await send(w, id, { type: 'ACCEPT', respondentConsent: true }, m, { 'If-Match': `"${opened.body.version}"` });
    conforms('post', `/api/v1/cases/${id}/events`, accepted);
    await get(`/api/v1/cases/${id}`, m);
    await get(`/api/v1/cases/${id}/history`, m);
    await get(`/api/v1/cases/${id}/verify`, w.users.auditor.token);
    await get(`/api/v1/cases/${id}/deadlines`, m);
    await get(`/api/v1/cases/${id}/documents`, m);
    await get('/api/v1/cases?limit=5', m);
    await get('/api/v1/cases?overdue=true', m);
  });

  it('people, machines, clock and health', async () => {
    await get('/api/v1/me', w.users.mediator.token);
    await get('/api/v1/organizations', w.users.mediator.token);
    await get('/api/v1/machines/dispute', w.users.mediator.token);
    await get(`/api/v1/calendar/deadline?from=${daysAgo(10)}&period=15&unit=working_days`, w.users.mediator.token);
    const org = await w.http().post('/api/v1/organizations').set(auth(w.adminToken)).send({ name: `响应检查 ${Date.now()}`, kind: 'employer' });
    conforms('post', '/api/v1/organizations', org);
    const user = await w.http().post('/api/v1/users').set(auth(w.adminToken)).send({ name: '响应检查', role: 'employer_rep', organizationId: org.body.id });
    conforms('post', '/api/v1/users', user);
    const swept = await w.http().post('/api/v1/admin/deadlines/sweep').set(auth(w.adminToken));
    conforms('post', '/api/v1/admin/deadlines/sweep', swept);
    const health = await w.http().get('/healthz');
    conforms('get', '/healthz', health);
  });

  it('a refused event is a problem, not a case', async () => {
    const c = await openDispute(w);
    const refused = await send(w, c.id, { type: 'ACCEPT', respondentConsent: true }, w.users.mediator.token, { 'If-Match': '"9"' });
    expect(refused.status).toBe(412);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'VERSION_MISMATCH', currentVersion: 1 });
  });

  afterAll(() => {
    // Every operation above was checked against its schema (a route dropped from the walk shows here).
    expect([...checked].sort()).toEqual([
      'createOrganization', 'createUser', 'getCase', 'getCaseDeadlines', 'getCaseHistory', 'getHealth', 'getMachine', 'getMe',
      'listCaseDocuments', 'listCases', 'listOrganizations', 'computeDeadline', 'openCase', 'sendCaseEvent', 'sweepDeadlines', 'verifyCase',
    ].sort());
  });
});
