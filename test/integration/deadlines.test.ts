import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { endOfShanghaiDay } from '../../machines/shared/time';
import { createDeadlineService } from '../../src/services/deadlines.service';
import { startSweeper, sweepOnce } from '../../src/services/deadline-sweeper';
import { openCase } from '../../src/services/case-commands';
import { auth } from './support/harness';
import { daysAgo, disputeBody, disputeWorld, openDispute, send, type DisputeWorld } from './support/world';

let w: DisputeWorld;
beforeAll(async () => {
  w = await disputeWorld();
});
afterAll(() => w.close());

const admin = () => w.adminToken;
const at = (n: number) => `${daysAgo(n)}T10:00:00+08:00`;
const history = async (id: string) => (await w.http().get(`/api/v1/cases/${id}/history`).set(auth(admin()))).body.items as any[];
/** DEADLINE_ELAPSED events in the whole database (a PostgreSQL one holds other files' cases too). */
const elapsedEvents = async () => Number((await w.db('case_events').where('type', 'DEADLINE_ELAPSED').count<{ count: string }[]>('* as count'))[0].count);

describe('deadlines fire exactly once, through the command loop', () => {
  it('a mediation accepted 28 days ago is deemed failed after a sweep; a case not yet due is untouched', async () => {
    const late = await openDispute(w, { receivedOn: daysAgo(29), knewOn: daysAgo(40) });
    expect((await send(w, late.id, { type: 'ACCEPT', respondentConsent: true, occurredAt: at(28) }, w.users.mediator.token)).status).toBe(200);
    const fresh = await openDispute(w, { receivedOn: daysAgo(1) });
    const freshBefore = (await w.http().get(`/api/v1/cases/${fresh.id}`).set(auth(admin()))).body;

    const before = await elapsedEvents();
    const sweep = await w.http().post('/api/v1/admin/deadlines/sweep').set(auth(admin()));
    expect(sweep.status).toBe(200);
    expect(sweep.body.fired).toBe((await elapsedEvents()) - before);
    expect((await history(late.id)).filter((e) => e.type === 'DEADLINE_ELAPSED').map((e) => e.payload.ruleId)).toEqual(['dispute.mediation.arbitrationRight', 'dispute.mediation.term']);

    const after = (await w.http().get(`/api/v1/cases/${late.id}`).set(auth(admin()))).body;
    expect(after.state).toBe('mediation.mediationFailed');
    const termEvents = (await history(late.id)).filter((e) => e.type === 'DEADLINE_ELAPSED' && e.payload.ruleId === 'dispute.mediation.term');
    expect(termEvents).toHaveLength(1);
    expect(termEvents[0].payload.citation).toMatch(/Order17 Art 29/);
    expect(termEvents[0].actor).toEqual({ id: null, role: 'system' });
    expect(after.deadlines.find((d: { ruleId: string }) => d.ruleId === 'dispute.mediation.term').status).toBe('fired');

    const freshAfter = (await w.http().get(`/api/v1/cases/${fresh.id}`).set(auth(admin()))).body;
    expect(freshAfter.version).toBe(freshBefore.version);
    expect(freshAfter.state).toBe('mediation.awaitingAcceptance');

    const again = await w.http().post('/api/v1/admin/deadlines/sweep').set(auth(admin()));
    expect((await history(late.id)).filter((e) => e.type === 'DEADLINE_ELAPSED' && e.payload.ruleId === 'dispute.mediation.term')).toHaveLength(1);
    expect(again.body.fired).toBe(0);
  });

  it('elapsed deadlines fire before a later event, in due order, at their elapse instants', async () => {
    const c = await openDispute(w, { route: 'consultation', receivedOn: daysAgo(20), knewOn: daysAgo(30) });
    const res = await send(w, c.id, { type: 'CONSULTATION_AGREED', until: daysAgo(-5) }, w.users.employerRep.token);
    expect(res.status).toBe(409); // the 5-day response period ran out first: deemed refusal
    const items = await history(c.id);
    const fired = items.find((e) => e.type === 'DEADLINE_ELAPSED');
    expect(fired).toMatchObject({ payload: { ruleId: 'dispute.consultation.response' }, toState: 'consultation.consultationFailed' });
    const deadline = (await w.http().get(`/api/v1/cases/${c.id}/deadlines`).set(auth(admin()))).body.items.find((d: { ruleId: string }) => d.ruleId === 'dispute.consultation.response');
    // It elapsed at 24:00 Asia/Shanghai of its due date (CC Art 203), and is recorded at that instant.
    // Received 2026-10-29: the 5 days ended on 2026-11-03, long before the agreement sent at TEST_NOW.
    expect(deadline).toMatchObject({ triggerOn: '2026-10-29', dueOn: '2026-11-03', status: 'fired' });
    expect(fired.occurredAt).toBe(endOfShanghaiDay('2026-11-03'));
    expect(fired.occurredAt).toBe('2026-11-03T16:00:00.000Z');
  });

  it('lists overdue cases and cases due before a date', async () => {
    const name = `逾期${randomUUID()}`;
    const overdue = await openDispute(w, { receivedOn: daysAgo(25), applicant: { name } });
    const notDue = await openDispute(w, { receivedOn: daysAgo(0), applicant: { name } });
    const ids = async (query: Record<string, string>) =>
      ((await w.http().get('/api/v1/cases').query({ q: name, ...query }).set(auth(w.users.mediator.token))).body.items as { id: string }[]).map((i) => i.id).sort();
    expect(await ids({ overdue: 'true' })).toEqual([overdue.id]);
    expect(await ids({ dueBefore: daysAgo(-365) })).toEqual([overdue.id, notDue.id].sort());
    const none = await w.http().get('/api/v1/cases').query({ dueBefore: '2000-01-01' }).set(auth(w.users.mediator.token));
    expect(none.body.items).toEqual([]);
  });

  it('the limitation period is a deadline restarted at receivedOn; none for wages while employed or without knewOn', async () => {
    const c = await openDispute(w, { receivedOn: '2026-03-10', knewOn: '2026-01-15', claims: [{ type: 'dismissal', description: '违法解除' }] });
    const d = (await w.http().get(`/api/v1/cases/${c.id}/deadlines`).set(auth(admin()))).body.items.find((x: { ruleId: string }) => x.ruleId === 'dispute.limitation');
    expect(d).toMatchObject({ triggerOn: '2026-03-10', dueOn: '2027-03-10', citation: expect.stringMatching(/LDMAL Art 27/) });
    for (const extra of [{ knewOn: undefined }, { knewOn: '2026-01-15' }]) {
      const none = await openDispute(w, extra);
      const view = (await w.http().get(`/api/v1/cases/${none.id}`).set(auth(admin()))).body;
      expect(view.deadlines.some((x: { ruleId: string }) => x.ruleId === 'dispute.limitation')).toBe(false);
      expect(view.deadlineNotes.join(' ')).toMatch(/limitation/i);
      // Later events add their own notes; they do not erase this one.
      const accepted = (await send(w, none.id, { type: 'ACCEPT', respondentConsent: true }, w.users.mediator.token)).body;
      expect(accepted.deadlineNotes.join(' ')).toMatch(/limitation/i);
    }
  });

  it('computes a due date across National Day 2026 with an explanation', async () => {
    const res = await w.http().get('/api/v1/calendar/deadline').query({ from: '2026-09-19', period: 15, unit: 'calendar_days' }).set(auth(w.users.mediator.token));
    expect(res.body).toMatchObject({ dueOn: '2026-10-08', provisional: false });
    expect(res.body.explanation).toMatch(/2026-10-04/);
    expect((await w.http().get('/api/v1/calendar/deadline').query({ from: '2026-02-30', period: 1 }).set(auth(admin()))).status).toBe(400);
  });

  it('an administrator adds a holiday for a year the package does not know, and the arithmetic uses it', async () => {
    // A fresh unknown year per run (a PostgreSQL database may be shared by runs): the first Monday
    // of March, a month with no statutory holiday; one working day later is the Tuesday.
    const year = 2031 + Math.floor(Math.random() * 60);
    const monday = [...Array(7).keys()].map((d) => `${year}-03-0${d + 1}`).find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1)!;
    const tuesday = `${year}-03-0${Number(monday.slice(-1)) + 1}`;
    const wednesday = `${year}-03-0${Number(monday.slice(-1)) + 2}`;
    const query = { from: monday, period: 1, unit: 'working_days' };
    const before = await w.http().get('/api/v1/calendar/deadline').query(query).set(auth(admin()));
    expect(before.body).toMatchObject({ dueOn: tuesday, provisional: true });
    const add = await w.http().post('/api/v1/admin/calendar').set(auth(admin())).send({ date: tuesday, kind: 'holiday', name: '测试假日' });
    expect(add.status).toBe(201);
    const after = await w.http().get('/api/v1/calendar/deadline').query(query).set(auth(admin()));
    expect(after.body.dueOn).toBe(wednesday);
    expect((await w.http().post('/api/v1/admin/calendar').set(auth(w.users.mediator.token)).send({ date: wednesday, kind: 'holiday', name: 'x' })).status).toBe(403);
  });
});

describe('a service starting after downtime', () => {
  it('fires at start the deadlines that passed while it was down', async () => {
    // Received Thursday 2026-10-29 (TEST_NOW less 20 days), never accepted: both periods ran out
    // while the service was down, acceptance's 3 working days on 2026-11-03, the arbitration
    // right's 15 days on Friday 2026-11-13.
    const c = await openDispute(w, { receivedOn: daysAgo(20) });
    const before = await elapsedEvents();
    const deadlines = createDeadlineService({ db: w.db, clock: w.clock });
    const firstSweep = new Promise<number>((resolve) => {
      const sweeper = startSweeper({ db: w.db, clock: w.clock, deadlines }, 3_600_000, (n) => {
        sweeper.stop();
        resolve(n);
      });
    });
    expect(await firstSweep).toBe((await elapsedEvents()) - before);
    const fired = (await history(c.id)).filter((e) => e.type === 'DEADLINE_ELAPSED').map((e) => [e.payload.ruleId, e.occurredAt]);
    expect(fired).toEqual([['dispute.mediation.acceptance', '2026-11-03T16:00:00.000Z'], ['dispute.mediation.arbitrationRight', '2026-11-13T16:00:00.000Z']]);
  });
});

describe('two service instances sweeping one database', () => {
  it('fire each of 1,000 due deadlines exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 500; i++) {
      // Each unaccepted application 30 days old has two due deadlines: acceptance and arbitration right.
      ids.push((await openCase({ db: w.db, clock: w.clock, deadlines: createDeadlineService({ db: w.db, clock: w.clock }) }, w.users.mediator as any, disputeBody(w, { receivedOn: daysAgo(30), knewOn: undefined }))).case.id);
    }
    const due = await w.db('deadlines').whereIn('case_id', ids).where('status', 'pending').count<{ count: string }[]>('* as count');
    expect(Number(due[0].count)).toBe(1000);

    let fired: number[];
    if (process.env.DATABASE_URL) {
      const run = promisify(execFile);
      const script = path.join(__dirname, 'support/sweep-process.ts');
      const tsx = require.resolve('tsx/cli');
      const outs = await Promise.all([1, 2].map(() => run(process.execPath, [tsx, script], { env: process.env })));
      fired = outs.map((o) => JSON.parse(o.stdout).fired);
    } else {
      // Embedded PGlite is one process with one connection: two sweepers in one process.
      const deps = () => ({ db: w.db, clock: w.clock, deadlines: createDeadlineService({ db: w.db, clock: w.clock }) });
      fired = await Promise.all([sweepOnce(deps()), sweepOnce(deps())]);
    }
    const events = await w.db('case_events').whereIn('case_id', ids).where('type', 'DEADLINE_ELAPSED').select('case_id', 'payload');
    const keys = events.map((e: { case_id: string; payload: { ruleId: string } }) => `${e.case_id}/${e.payload.ruleId}`);
    expect(events).toHaveLength(1000);
    expect(new Set(keys).size).toBe(1000);
    // Nothing else is due at the pinned clock: the earlier sweeps fired every other due deadline.
    expect(fired.reduce((a, b) => a + b, 0)).toBe(1000);
    const pending = await w.db('deadlines').whereIn('case_id', ids).whereIn('rule_id', ['dispute.mediation.acceptance', 'dispute.mediation.arbitrationRight']).whereNot('status', 'fired').count<{ count: string }[]>('* as count');
    expect(Number(pending[0].count)).toBe(0);
  });
});
