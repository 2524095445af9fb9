import type { Knex } from 'knex';
import type { CaseMachineDefinition } from '../../machines/shared/definition';
import type { OrganizationKind } from '../../machines/shared/organizations';
import { findOrganizations } from '../repositories/people.repository';
import { InvalidOrganization } from './errors';

/** One organization id a request names, and the kind its field needs. */
export interface NamedOrganization {
  field: string;
  id: string;
  kind: OrganizationKind;
}

/**
 * The named ids that are not an organization of their field's kind (audit.md O1). An id naming
 * nothing and one naming another kind fail alike, so the answer tells nothing about other tenants.
 */
export async function misnamedOrganizations(db: Knex, named: NamedOrganization[]): Promise<NamedOrganization[]> {
  const found = await findOrganizations(db, [...new Set(named.map((n) => n.id))]);
  return named.filter((n) => !found.some((o) => o.id === n.id && o.kind === n.kind));
}

/**
 * audit.md O1 and O2 for one event, from the table its kind declares: the refusal, or undefined
 * when every organization id of the payload is sound. `context` is the case before the event.
 */
export async function eventOrganizationRefusal(
  db: Knex,
  def: CaseMachineDefinition,
  event: { type: string; [field: string]: unknown },
  context: Record<string, unknown>,
): Promise<InvalidOrganization | undefined> {
  const fields = Object.entries(def.organizationFields[event.type] ?? {}).filter(([field]) => typeof event[field] === 'string');
  // O2 first and without a lookup: a case's bureau is not replaced, whatever the other id names.
  for (const [field, spec] of fields) {
    const current = spec.keeps ? context?.[spec.keeps] : undefined;
    if (typeof current === 'string' && current !== event[field]) {
      return new InvalidOrganization(field, event[field], `The case already names its ${spec.keeps}; ${field} must be that same organization.`);
    }
  }
  const [bad] = await misnamedOrganizations(db, fields.map(([field, spec]) => ({ field, id: event[field] as string, kind: spec.kind })));
  return bad ? new InvalidOrganization(bad.field, bad.id) : undefined;
}
