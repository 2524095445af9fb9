import { randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { z } from 'zod';
import { findOrganization, findUserByTokenHash, insertOrganization, insertToken, insertUser, listOrganizations, listOrganizationsVisibleTo, type Organization, type User } from '../repositories/people.repository';
import { seesEverything } from './access';
import { sha256Hex } from './hash-chain';
import { ValidationError } from './errors';
import { parseOrThrow } from './event-input';

export const OrganizationInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(['mediation_committee', 'union', 'employer', 'labor_bureau', 'arbitration_commission', 'audit_office']),
  region: z.string().trim().min(1).max(100).optional(),
  mediationType: z.enum(['enterprise_committee', 'peoples_mediation', 'township_street']).optional(),
});
export const UserInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  role: z.enum(['mediator', 'union_rep', 'employer_rep', 'labor_officer', 'auditor', 'admin']),
  organizationId: z.uuid(),
});

/** The organization kind a role belongs to (an auditor may sit in any organization). */
const ROLE_ORG: Record<string, string | undefined> = {
  mediator: 'mediation_committee',
  union_rep: 'union',
  employer_rep: 'employer',
  labor_officer: 'labor_bureau',
};

export async function createOrganization(db: Knex, body: unknown): Promise<Organization> {
  const input = parseOrThrow(OrganizationInputSchema, body, 'The organization');
  if (input.mediationType && input.kind !== 'mediation_committee') {
    throw new ValidationError('Only a mediation committee has a mediation type.', [{ path: 'mediationType', message: 'only for kind mediation_committee' }]);
  }
  return insertOrganization(db, { id: randomUUID(), name: input.name, kind: input.kind, region: input.region ?? null, mediationType: input.mediationType ?? null });
}

/** Creates a user with a fresh token; the token is returned once and stored only as a hash. */
export async function createUser(db: Knex, body: unknown): Promise<User & { token: string }> {
  const input = parseOrThrow(UserInputSchema, body, 'The user');
  const org = await findOrganization(db, input.organizationId);
  if (!org) throw new ValidationError('No such organization.', [{ path: 'organizationId', message: 'must name an existing organization' }]);
  const expected = ROLE_ORG[input.role];
  if (expected && org.kind !== expected) {
    throw new ValidationError(`A ${input.role} belongs to an organization of kind ${expected}.`, [{ path: 'organizationId', message: `must be a ${expected}` }]);
  }
  return db.transaction(async (trx) => {
    const user = await insertUser(trx, { id: randomUUID(), name: input.name, role: input.role, organizationId: org.id });
    const token = `lce_${randomBytes(24).toString('base64url')}`;
    await insertToken(trx, { id: randomUUID(), userId: user.id, tokenHash: sha256Hex(token) });
    return { ...user, token };
  });
}

export type { Organization, User };

/** GET /api/v1/me: the caller with their organization. */
export async function me(db: Knex, user: User): Promise<User & { organization: Organization | null }> {
  const organization = user.organizationId ? ((await findOrganization(db, user.organizationId)) ?? null) : null;
  return { ...user, organization };
}

/** GET /api/v1/organizations (audit.md S3): everything for admins and auditors, otherwise by need. */
export async function organizationsFor(db: Knex, user: User): Promise<Organization[]> {
  if (seesEverything(user)) return listOrganizations(db);
  return listOrganizationsVisibleTo(db, { organizationId: user.organizationId, regionalParties: user.role === 'mediator' || user.role === 'labor_officer' });
}

export async function authenticate(db: Knex, token: string): Promise<{ user: User; tokenId: string } | undefined> {
  return findUserByTokenHash(db, sha256Hex(token));
}

/** BOOTSTRAP_ADMIN_TOKEN: an admin user holding that token exists after start-up. */
export async function ensureAdminToken(db: Knex, token: string): Promise<User> {
  const existing = await authenticate(db, token);
  if (existing) return existing.user;
  try {
    return await db.transaction(async (trx) => {
      const user = await insertUser(trx, { id: randomUUID(), name: 'Administrator', role: 'admin', organizationId: null });
      await insertToken(trx, { id: randomUUID(), userId: user.id, tokenHash: sha256Hex(token) });
      return user;
    });
  } catch (err) {
    // Another instance starting at the same moment created it first.
    const created = await authenticate(db, token);
    if (created) return created.user;
    throw err;
  }
}
