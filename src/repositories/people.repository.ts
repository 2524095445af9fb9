import type { Knex } from 'knex';

export type OrgKind = 'mediation_committee' | 'union' | 'employer' | 'labor_bureau' | 'arbitration_commission' | 'audit_office';
export interface Organization {
  id: string;
  name: string;
  kind: OrgKind;
  region: string | null;
  mediationType: string | null;
}
export interface User {
  id: string;
  name: string;
  role: string;
  organizationId: string | null;
}

const orgFromRow = (r: any): Organization => ({ id: r.id, name: r.name, kind: r.kind, region: r.region ?? null, mediationType: r.mediation_type ?? null });
const userFromRow = (r: any): User => ({ id: r.id, name: r.name, role: r.role, organizationId: r.organization_id ?? null });

export async function insertOrganization(db: Knex, org: Organization): Promise<Organization> {
  await db('organizations').insert({ id: org.id, name: org.name, kind: org.kind, region: org.region, mediation_type: org.mediationType });
  return org;
}

export async function findOrganization(db: Knex, id: string): Promise<Organization | undefined> {
  const row = await db('organizations').where({ id }).first();
  return row ? orgFromRow(row) : undefined;
}

export async function findOrganizations(db: Knex, ids: string[]): Promise<Organization[]> {
  if (ids.length === 0) return [];
  return (await db('organizations').whereIn('id', ids)).map(orgFromRow);
}

export async function listOrganizations(db: Knex): Promise<Organization[]> {
  return (await db('organizations').orderBy('created_at')).map(orgFromRow);
}

/** Public bodies a party may choose for a case: every user may list them (audit.md S3). */
const PUBLIC_BODY_KINDS: OrgKind[] = ['mediation_committee', 'labor_bureau', 'arbitration_commission'];

/**
 * The organizations a user who does not see everything may list (audit.md S3): the public bodies,
 * their own organization, every organization named in a case their organization takes part in
 * (the cases they see), and with `regionalParties` (mediators, labor officers, who name them when
 * opening or filing) the unions and employers of their own organization's region.
 */
export async function listOrganizationsVisibleTo(db: Knex, viewer: { organizationId: string | null; regionalParties: boolean }): Promise<Organization[]> {
  const orgId = viewer.organizationId;
  const query = db('organizations as o').select('o.*').where((w) => {
    w.whereIn('o.kind', PUBLIC_BODY_KINDS);
    if (!orgId) return;
    w.orWhere('o.id', orgId);
    w.orWhereIn('o.id', db('cases').select(db.raw('unnest(participants)')).whereRaw('? = ANY(participants)', [orgId]));
    if (viewer.regionalParties) {
      w.orWhere((r) => r.whereIn('o.kind', ['union', 'employer']).whereRaw('o.region = (SELECT region FROM organizations WHERE id = ?)', [orgId]));
    }
  });
  return (await query.orderBy([{ column: 'o.created_at' }, { column: 'o.id' }])).map(orgFromRow);
}

export async function insertUser(db: Knex, user: User): Promise<User> {
  await db('users').insert({ id: user.id, name: user.name, role: user.role, organization_id: user.organizationId });
  return user;
}

export async function insertToken(db: Knex, token: { id: string; userId: string; tokenHash: string }): Promise<void> {
  await db('api_tokens').insert({ id: token.id, user_id: token.userId, token_hash: token.tokenHash });
}

export async function findUserByTokenHash(db: Knex, tokenHash: string): Promise<{ user: User; tokenId: string } | undefined> {
  const row = await db('api_tokens as t')
    .join('users as u', 'u.id', 't.user_id')
    .where('t.token_hash', tokenHash)
    .whereNull('t.revoked_at')
    .first('u.*', 't.id as token_id');
  return row ? { user: userFromRow(row), tokenId: row.token_id } : undefined;
}

export async function findUsers(db: Knex, ids: string[]): Promise<User[]> {
  if (ids.length === 0) return [];
  return (await db('users').whereIn('id', ids)).map(userFromRow);
}
