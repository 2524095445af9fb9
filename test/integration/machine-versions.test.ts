/**
 * architecture.md "Machine versions": a case opened under dispute machine version 1 still
 * verifies and runs once version 2 (the breach day, LDMAL Art 27) is the latest; the admin's dry
 * run lists the deadline the migration moves; migrating appends MACHINE_MIGRATED and pins 2.
 */
import type { Express } from 'express';
import type * as AppModule from '../../src/http/app';
import type * as DeadlinesModule from '../../src/services/deadlines.service';
import request from 'supertest';
import { latestEvent } from '../../src/repositories/case-events.repository';
import { eventHash } from '../../src/services/hash-chain';
import { auth } from './support/harness';
import { disputeWorld, type DisputeWorld } from './support/world';

let w: DisputeWorld;
let before2: Express;

/**
 * The service as it ran before version 2 landed: the same code over the same database, its
 * registry's latest dispute machine being version 1, so opening pins 1 the way it did then.
 */
async function appBeforeVersion2(): Promise<Express> {
  let app: Express | undefined;
  const clock = () => w.now.value ?? new Date();
  let deadlines: ReturnType<typeof DeadlinesModule.createDeadlineService> | undefined;
  jest.isolateModules(() => {
    jest.doMock('../../machines/registry', () => {
      const actual = jest.requireActual('../../machines/registry');
      const v1 = actual.definitionAt('dispute', '1');
      const latest = (kind: string) => (kind === 'dispute' ? v1 : actual.definitionOf(kind));
      return { ...actual, registry: { ...actual.registry, dispute: v1 }, definitionOf: latest, latestVersion: (kind: string) => latest(kind).version };
    });
    // Loaded afresh inside the isolated registry, so they see the mocked registry above.
    const { createApp } = jest.requireActual<typeof AppModule>('../../src/http/app');
    const { createDeadlineService } = jest.requireActual<typeof DeadlinesModule>('../../src/services/deadlines.service');
    deadlines = createDeadlineService({ db: w.db, clock });
    app = createApp({ db: w.db, clock, deadlines, rateLimitPerMinute: 0, authFailuresPerMinute: 0 });
  });
  await deadlines!.loadCalendar(w.db);
  return app!;
}

beforeAll(async () => {
  w = await disputeWorld();
  w.now.value = new Date('2026-06-01T12:00:00+08:00');
  before2 = await appBeforeVersion2();
});
afterAll(() => w.close());

const at = (date: string, time = '10:00:00') => `${date}T${time}+08:00`;
const m = () => w.users.mediator.token;

/** Opens a mediation case and brings its agreement into force on 2026-03-11 (performanceDue 2026-04-10). */
async function agreementInForce(app: Express) {
  const body = {
    kind: 'dispute', route: 'mediation', channel: 'walk_in', receivedOn: '2026-03-02', knewOn: '2026-02-15',
    applicant: { name: '张伟', idNumber: '11010519491231002X', phone: '13800000000' },
    respondent: { name: '北京某科技有限公司', creditCode: '91110108MA01R7TJ5N' },
    claims: [{ type: 'economic_compensation', amount: '8000.00', description: '解除劳动合同经济补偿' }],
    facts: '公司违法解除劳动合同。',
    mediationCommitteeId: w.orgs.committee.id, employerOrganizationId: w.orgs.employer.id, unionOrganizationId: w.orgs.union.id,
  };
  const opened = await request(app).post('/api/v1/cases').set(auth(m())).send(body);
  if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
  const id: string = opened.body.id;
  await step(app, id, { type: 'ACCEPT', respondentConsent: true, occurredAt: at('2026-03-03') });
  await step(app, id, { type: 'AGREEMENT_DRAFTED', terms: [{ description: '支付经济补偿', amount: '8000.00' }], performanceDue: '2026-04-10', performanceManner: '转账', occurredAt: at('2026-03-10') });
  for (const signatory of ['applicant', 'respondent', 'mediator']) await step(app, id, { type: 'SIGN', signatory, occurredAt: at('2026-03-11', '11:00:00') });
  expect((await step(app, id, { type: 'SEAL', occurredAt: at('2026-03-11', '12:00:00') })).state).toBe('agreement.inForce');
  return id;
}

async function step(app: Express, id: string, event: Record<string, unknown>) {
  const res = await request(app).post(`/api/v1/cases/${id}/events`).set(auth(m())).send(event);
  if (res.status !== 200) throw new Error(`${event.type}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { state: string; version: number; data: any };
}

const pinned = async (id: string) => (await w.db('cases').where({ id }).first('machine_version')).machine_version as string;
const verify = async (id: string) => (await w.http().get(`/api/v1/cases/${id}/verify`).set(auth(w.users.auditor.token))).body;
const migrate = (body: Record<string, unknown>, token = w.adminToken) => w.http().post('/api/v1/admin/machines/dispute/migrate').set(auth(token)).send(body);
const limitation = async (id: string) => (await w.db('deadlines').where({ case_id: id, rule_id: 'dispute.limitation' }).first()) as { trigger_on: string; due_on: string; status: string };

describe('a case opened under dispute version 1, after version 2 landed', () => {
  let breached: string;
  let inForce: string;

  beforeAll(async () => {
    breached = await agreementInForce(before2);
    // Reported on 2026-05-20, more than a month after the breach day 2026-04-11.
    const reported = await step(before2, breached, { type: 'NOT_PERFORMED', detail: '逾期未支付', occurredAt: at('2026-05-20') });
    expect(reported.data.agreement.breach).toEqual({ detail: '逾期未支付', on: '2026-05-20' });
    inForce = await agreementInForce(before2);
  });

  it('pins version 1, and still verifies and runs under it', async () => {
    expect(await pinned(breached)).toBe('1');
    expect(await verify(breached)).toMatchObject({ ok: true, events: expect.any(Number) });
    // Version 1 interrupted the limitation on the day the breach was reported.
    expect(await limitation(breached)).toMatchObject({ trigger_on: '2026-05-20', due_on: '2027-05-20', status: 'pending' });
    // The current service runs the old case on its pinned machine: no breach day is recorded.
    const other = await agreementInForce(before2);
    const res = await step(w.app, other, { type: 'NOT_PERFORMED', occurredAt: at('2026-05-21') });
    expect(res.data.agreement.breach).toEqual({ on: '2026-05-21' });
    expect(await pinned(other)).toBe('1');
    expect(await verify(other)).toMatchObject({ ok: true });
  });

  it('is for administrators only', async () => {
    expect((await migrate({ dryRun: true, caseIds: [breached] }, m())).status).toBe(403);
    expect((await migrate({ dryRun: 'yes' })).status).toBe(400);
    expect((await w.http().post('/api/v1/admin/machines/nonsense/migrate').set(auth(w.adminToken)).send({ dryRun: true })).status).toBe(404);
  });

  it('the dry run lists the limitation moved back to the breach day, and writes nothing', async () => {
    const events = await w.db('case_events').where({ case_id: breached }).count<{ count: string }[]>('* as count');
    const res = await migrate({ dryRun: true, caseIds: [breached, inForce] });
    expect(res.status).toBe(200);
    const [b, f] = res.body.cases;
    expect(b).toEqual({
      caseId: breached, number: expect.any(String), from: '1', to: '2',
      stateBefore: 'agreement.breached', stateAfter: 'agreement.breached',
      changes: [expect.stringContaining('agreement.breach.breachedOn: 2026-04-11')],
      // 2027-04-11 is a Sunday: the year ends on the next working day.
      movedDeadlines: [{ ruleId: 'dispute.limitation', dueOnBefore: '2027-05-20', dueOnAfter: '2027-04-12' }],
    });
    // Nothing was breached in the other case: nothing changes, nothing moves.
    expect(f).toMatchObject({ caseId: inForce, from: '1', to: '2', stateBefore: 'agreement.inForce', stateAfter: 'agreement.inForce', changes: [], movedDeadlines: [] });
    expect(await pinned(breached)).toBe('1');
    expect(await w.db('case_events').where({ case_id: breached }).count<{ count: string }[]>('* as count')).toEqual(events);
    expect(await limitation(breached)).toMatchObject({ due_on: '2027-05-20' });
  });

  it('migrating appends MACHINE_MIGRATED, pins version 2, moves the deadline and still verifies', async () => {
    const res = await migrate({ dryRun: false, caseIds: [breached] });
    expect(res.status).toBe(200);
    expect(res.body.cases[0]).toMatchObject({ from: '1', to: '2', movedDeadlines: [{ ruleId: 'dispute.limitation', dueOnBefore: '2027-05-20', dueOnAfter: '2027-04-12' }] });
    expect(await pinned(breached)).toBe('2');
    const last = await w.db('case_events').where({ case_id: breached }).orderBy('seq', 'desc').first();
    expect(last).toMatchObject({ type: 'MACHINE_MIGRATED', actor: { id: null, role: 'system' }, from_state: 'agreement.breached', to_state: 'agreement.breached' });
    expect(last.payload).toMatchObject({ from: '1', to: '2', report: { movedDeadlines: [{ ruleId: 'dispute.limitation', dueOnBefore: '2027-05-20', dueOnAfter: '2027-04-12' }] } });
    expect(await limitation(breached)).toMatchObject({ trigger_on: '2026-04-11', due_on: '2027-04-12', status: 'pending' });
    const c = await w.http().get(`/api/v1/cases/${breached}`).set(auth(m()));
    expect(c.body.data.agreement.breach).toEqual({ detail: '逾期未支付', on: '2026-05-20', breachedOn: '2026-04-11' });
    expect(c.body.version).toBe(last.seq);
    expect(await verify(breached)).toMatchObject({ ok: true, events: last.seq });
    // Nothing is left to migrate for it.
    expect((await migrate({ dryRun: true, caseIds: [breached] })).body.cases[0]).toMatchObject({ from: '2', to: '2', skipped: expect.stringMatching(/already/) });
  });

  it('new events of a migrated case run on version 2', async () => {
    expect((await migrate({ dryRun: false, caseIds: [inForce] })).body.cases[0]).toMatchObject({ to: '2', movedDeadlines: [] });
    // MACHINE_MIGRATED was recorded at the pinned now (2026-06-01), so the report comes then.
    const res = await step(w.app, inForce, { type: 'NOT_PERFORMED' });
    expect(res.data.agreement.breach).toEqual({ on: '2026-06-01', breachedOn: '2026-04-11' });
    expect(await limitation(inForce)).toMatchObject({ trigger_on: '2026-04-11', due_on: '2027-04-12' });
    expect(await verify(inForce)).toMatchObject({ ok: true });
  });

  it('verify refuses a MACHINE_MIGRATED whose versions the registry does not chain', async () => {
    const id = await agreementInForce(before2);
    await migrate({ dryRun: false, caseIds: [id] });
    // The forged row is the last one and re-hashed, so only the replay can notice.
    const { recordedAt: _r, hash: _h, ...forged } = (await latestEvent(w.db, id))!;
    forged.payload = { ...forged.payload, to: '3' };
    await w.db.transaction(async (trx) => {
      await trx.raw('ALTER TABLE case_events DISABLE TRIGGER case_events_append_only');
      await trx('case_events').where({ case_id: id, seq: forged.seq }).update({ payload: JSON.stringify(forged.payload), hash: eventHash(forged) });
      await trx.raw('ALTER TABLE case_events ENABLE TRIGGER case_events_append_only');
    });
    expect(await verify(id)).toMatchObject({ ok: false, check: 'replay', brokenAt: forged.seq });
  });

  it('a case opened now pins version 2 and is not selected by default', async () => {
    const id = await agreementInForce(w.app);
    expect(await pinned(id)).toBe('2');
    const res = await migrate({ dryRun: true });
    expect(res.body.cases.map((c: { caseId: string }) => c.caseId)).not.toContain(id);
    expect(res.body.cases.every((c: { from: string }) => c.from === '1')).toBe(true);
  });
});
