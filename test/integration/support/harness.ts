import request from 'supertest';
import type { Express } from 'express';
import { createDb, migrateLatest, type Db } from '../../../src/db/knex';
import { createApp } from '../../../src/http/app';
import { createDeadlineService } from '../../../src/services/deadlines.service';
import { createUser, createOrganization, ensureAdminToken } from '../../../src/services/people.service';
import { randomBytes } from 'node:crypto';
import { TEST_NOW } from './test-now';

/**
 * A real database for integration tests: PostgreSQL when DATABASE_URL is set (CI gives each run a
 * throwaway database), otherwise a fresh in-memory PGlite per test file. Tests use fresh ids, never
 * shared fixtures, so files can share one PostgreSQL database.
 */
export async function testDb(): Promise<Db> {
  const db = createDb(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { pgliteDir: 'memory' });
  await migrateLatest(db);
  return db;
}

export { TEST_NOW };

export interface TestWorld {
  db: Db;
  app: Express;
  http: () => ReturnType<typeof request>;
  adminToken: string;
  /** The service's clock reads `now.value`: `TEST_NOW` unless a test moves it. */
  now: { value: Date };
  clock: () => Date;
  close(): Promise<void>;
}

/** The whole service over a test database, its clock pinned at `TEST_NOW`. */
export async function testWorld(): Promise<TestWorld> {
  const db = await testDb();
  const now = { value: TEST_NOW };
  const clock = () => now.value;
  const deadlines = createDeadlineService({ db, clock });
  await deadlines.loadCalendar(db);
  // No limit on failed authentications: tests send many bad tokens from one address on purpose.
  const app = createApp({ db, clock, deadlines, rateLimitPerMinute: 0, authFailuresPerMinute: 0 });
  const adminToken = `admin-${randomBytes(12).toString('hex')}`;
  await ensureAdminToken(db, adminToken);
  return { db, app, http: () => request(app), adminToken, now, clock, close: () => db.destroy() };
}

export type OrgKind = 'mediation_committee' | 'union' | 'employer' | 'labor_bureau' | 'arbitration_commission' | 'audit_office';

export async function makeOrg(db: Db, kind: OrgKind, extra: Record<string, unknown> = {}) {
  return createOrganization(db, { name: `${kind} ${randomBytes(3).toString('hex')}`, kind, ...extra });
}

export async function makeUser(db: Db, role: string, organizationId: string) {
  return createUser(db, { name: `${role} ${randomBytes(3).toString('hex')}`, role, organizationId });
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
