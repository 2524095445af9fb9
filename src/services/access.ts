import type { User } from '../repositories/people.repository';
import type { CaseRow } from '../repositories/cases.repository';
import type { Actor } from '../../machines/shared/case-event';

/** Auditors and admins read every case; everyone else the cases their organization takes part in (§5). */
export function seesEverything(user: User): boolean {
  return user.role === 'auditor' || user.role === 'admin';
}

export function maySee(user: User, c: CaseRow): boolean {
  return seesEverything(user) || (user.organizationId !== null && c.participants.includes(user.organizationId));
}

export function actorOf(user: User): Actor {
  return { id: user.id, role: user.role as Actor['role'] };
}

export const SYSTEM_ACTOR: Actor = { id: null, role: 'system' };
