import type { User } from '../repositories/people.repository';
import type { CaseRow } from '../repositories/cases.repository';
import type { Actor } from '../../machines/shared/case-event';
import { Forbidden } from './errors';

/** Auditors and admins read every case; everyone else the cases their organization takes part in (§5). */
export function seesEverything(user: User): boolean {
  return user.role === 'auditor' || user.role === 'admin';
}

export function maySee(user: User, c: CaseRow): boolean {
  return seesEverything(user) || (user.organizationId !== null && c.participants.includes(user.organizationId));
}

/**
 * audit.md O3: the one case field through which each role acts. A mediator acts for the case's
 * committee (a dispute's `mediationCommitteeId`), a labor officer for its bureau (a collective
 * case's `laborBureauId`); auditors and admins have none. The same field names the opener (O4).
 */
const PARTY_FIELD: Readonly<Record<string, string | undefined>> = {
  mediator: 'mediationCommitteeId',
  union_rep: 'unionOrganizationId',
  employer_rep: 'employerOrganizationId',
  labor_officer: 'laborBureauId',
};

export function partyFieldOf(user: User): string | undefined {
  return PARTY_FIELD[user.role];
}

/** Do these case fields (a case's context, or an opening body) name the user's organization in the role's field? */
export function namesInRole(user: User, fields: Record<string, unknown> | undefined): boolean {
  const field = partyFieldOf(user);
  return field !== undefined && user.organizationId !== null && fields?.[field] === user.organizationId;
}

/**
 * May the user act in this case (send events, generate documents other than an auditor's
 * case_history)? Only through their role's own field: an organization that took part otherwise
 * (a former committee, a field of another role) reads but does not act (O3).
 */
export function mayAct(user: User, c: CaseRow): boolean {
  return namesInRole(user, c.snapshot.context);
}

/** The 403 of O3: the organization takes part in the case, but not in the field the role acts through. */
export function notActing(user: User): Forbidden {
  const field = partyFieldOf(user);
  return new Forbidden(
    field
      ? `Your organization is not this case's ${field}: a ${user.role} acts only through that field, and may only read this case.`
      : `A ${user.role} does not act in cases.`,
  );
}

export function actorOf(user: User): Actor {
  return { id: user.id, role: user.role as Actor['role'] };
}

export const SYSTEM_ACTOR: Actor = { id: null, role: 'system' };
