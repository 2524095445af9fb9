import { createDeadlineService } from '../../src/services/deadlines.service';
import { seedDemo } from '../../src/services/demo.seed';
import { createApp } from '../../src/http/app';
import request from 'supertest';
import { TEST_NOW, testDb } from './support/harness';
import type { Db } from '../../src/db/knex';

let db: Db;
beforeAll(async () => {
  db = await testDb();
});
afterAll(() => db.destroy());

describe('the demo data of npm start', () => {
  it('seeds living cases once, prints working tokens, and every case verifies', async () => {
    const clock = () => TEST_NOW;
    const deadlines = createDeadlineService({ db, clock });
    const lines: string[] = [];
    const already = await db('organizations').where({ id: '0d000000-0000-4000-8000-000000000001' }).first();
    await seedDemo({ db, clock, deadlines }, (l) => lines.push(l));
    await seedDemo({ db, clock, deadlines }, (l) => lines.push(l));
    expect(lines.filter((l) => l.startsWith('demo data created'))).toHaveLength(already ? 0 : 1);
    expect(lines.join('\n')).toContain('demo-mediator-token');

    const http = request(createApp({ db, clock, deadlines, rateLimitPerMinute: 0, demoMode: true }));
    const mine = (await http.get('/api/v1/cases').query({ limit: 100 }).set('Authorization', 'Bearer demo-mediator-token')).body.items;
    const states = mine.map((c: { state: string }) => c.state);
    expect([...states].sort()).toEqual(['agreement.inForce', 'closed', 'mediation.awaitingAcceptance', 'mediation.inProgress', 'mediation.mediationFailed']);
    const union = (await http.get('/api/v1/cases').query({ kind: 'collective', limit: 100 }).set('Authorization', 'Bearer demo-union-token')).body.items;
    expect(union.map((c: { state: string }) => c.state).sort()).toEqual(['consulting', 'inForce', 'preparing']);
    const consulting = union.find((c: { state: string }) => c.state === 'consulting');
    expect((await http.get(`/api/v1/cases/${consulting.id}/drafts`).set('Authorization', 'Bearer demo-union-token')).body.items).toHaveLength(2);

    // The demo's own cases (a shared PostgreSQL test database also holds other tests' cases,
    // some of them tampered with on purpose).
    const employer = (await http.get('/api/v1/cases').query({ limit: 100 }).set('Authorization', 'Bearer demo-employer-token')).body.items;
    const all = [...new Map([...mine, ...union, ...employer].map((c: { id: string }) => [c.id, c])).values()] as { id: string; number: string }[];
    expect(all).toHaveLength(10); // seven disputes, three collective cases
    for (const c of all) {
      const v = await http.get(`/api/v1/cases/${c.id}/verify`).set('Authorization', 'Bearer demo-auditor-token');
      expect({ number: c.number, ok: v.body.ok }).toEqual({ number: c.number, ok: true });
    }
    const other = (await http.get('/api/v1/cases').set('Authorization', 'Bearer demo-other-mediator-token')).body.items;
    expect(other).toEqual([]);
  });
});
