import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { open } from '../../machines/engine';
import { definitionOf } from '../../machines/registry';
import type { CaseKind } from '../../machines/shared/definition';
import { shanghaiDate, shanghaiMidnight } from '../../machines/shared/time';
import type { Knex } from 'knex';
import { nextCaseNumber, type CaseRow } from '../repositories/cases.repository';
import type { User } from '../repositories/people.repository';
import type { OrganizationKind } from '../../machines/shared/organizations';
import { actorOf, namesInRole, partyFieldOf } from './access';
import { CaseWriter } from './case-writer';
import { Forbidden, ValidationError } from './errors';
import { parseOccurredAt, parseOrThrow } from './event-input';
import type { DeadlinePort } from './deadline-port';
import { misnamedOrganizations } from './organization-ids';

const KindSchema = z.object({ kind: z.enum(['dispute', 'collective']) });

const NUMBER_PREFIX: Record<CaseKind, string> = { dispute: '劳调', collective: '集协' };

/** Which organization kind each id field of an opening body must name (audit.md O1). */
const ORG_FIELDS: Record<string, OrganizationKind> = {
  mediationCommitteeId: 'mediation_committee',
  employerOrganizationId: 'employer',
  unionOrganizationId: 'union',
  laborBureauId: 'labor_bureau',
};

export interface OpenRequest {
  user: User;
  body: unknown;
  now: Date;
  deadlines: DeadlinePort;
  /** Set when a case is opened by another case's event (RENEW), inside that transaction. */
  renewalOf?: string;
}

/** Validates an opening body; returns the kind, the parsed body and when the case opened. */
export function parseOpening(body: unknown, now: Date) {
  const { kind } = parseOrThrow(KindSchema, body, 'The case');
  // `renewalOf` (a case opened by RENEW) and `settings` (the rule pack's switches) are the
  // service's to set, never a client's.
  const { kind: _k, occurredAt, renewalOf: _r, settings: _s, ...rest } = body as Record<string, unknown>;
  const parsed = parseOrThrow(definitionOf(kind).openSchema, rest, 'The case') as Record<string, unknown>;
  const explicit = parseOccurredAt(occurredAt, now);
  const received = typeof parsed.receivedOn === 'string' ? new Date(shanghaiMidnight(parsed.receivedOn)) : undefined;
  const openedAt = explicit ?? received ?? now;
  if (openedAt.getTime() > now.getTime()) {
    throw new ValidationError('The case cannot be opened in the future.', [{ path: received ? 'receivedOn' : 'occurredAt', message: 'must not be in the future' }]);
  }
  return { kind, parsed, openedAt };
}

/** Opens a case inside `trx`: number, snapshot row, CASE_OPENED event, first deadlines; the caller flushes the writer. */
export async function openCaseIn(trx: Knex.Transaction, req: OpenRequest, kind: CaseKind, parsed: Record<string, unknown>, openedAt: Date): Promise<CaseWriter> {
  const def = definitionOf(kind);
  const actor = actorOf(req.user);
  const body = withOpenerDefaults(kind, parsed, req.user);
  if (req.renewalOf) body.renewalOf = req.renewalOf;
  body.settings = req.deadlines.machineSettings(kind);
  if (!req.renewalOf && !def.mayOpen(actor, body)) throw new Forbidden(`A ${req.user.role} may not open this ${kind} case.`);
  // audit.md O4: the opener's organization is named in their role's own field, the one they will
  // act through (O3). A case opened by RENEW has the renewed case's parties and no opener of its own.
  // Checked before the ids are looked up, so the answer never tells whether another tenant's id exists.
  if (!req.renewalOf && !namesInRole(req.user, body)) {
    throw new Forbidden(`A ${req.user.role} opens only a case whose ${partyFieldOf(req.user) ?? 'party field'} names their own organization.`);
  }
  await checkOrganizations(trx, body);
  const decision = open(def, { ...body, openedAt: openedAt.toISOString() });
  const participants = def.participants(decision.persisted.context);
  const numberOrgId = (kind === 'dispute' ? (body.mediationCommitteeId as string | undefined) : undefined) ?? req.user.organizationId ?? participants[0];
  const year = Number(shanghaiDate(openedAt.toISOString()).slice(0, 4));
  const seq = await nextCaseNumber(trx, numberOrgId, kind, year);
  const row: CaseRow = {
    id: randomUUID(),
    kind,
    number: `${NUMBER_PREFIX[kind]}〔${year}〕第${String(seq).padStart(5, '0')}号`,
    numberOrgId,
    state: decision.state,
    status: 'open',
    outcome: null,
    version: 0,
    snapshot: decision.persisted,
    machineVersion: def.version,
    rulePack: req.deadlines.packFor(kind),
    participants,
    title: def.partyNames(decision.persisted.context).join(' / '),
    searchText: '',
    renewalOf: req.renewalOf ?? null,
    deadlineNotes: [],
    openedAt,
    createdAt: req.now,
    updatedAt: req.now,
  };
  const writer = CaseWriter.forNewCase(trx, row, req.deadlines);
  await writer.recordOpening({ kind, ...body }, actor, openedAt.toISOString(), req.now, decision);
  return writer;
}

/** The opener's own organization fills the side it speaks for when the body leaves it out. */
function withOpenerDefaults(kind: CaseKind, parsed: Record<string, unknown>, user: User): Record<string, unknown> {
  const body = { ...parsed };
  if (kind === 'dispute' && user.organizationId) {
    if (user.role === 'mediator') body.mediationCommitteeId ??= user.organizationId;
    if (user.role === 'union_rep') body.unionOrganizationId ??= user.organizationId;
  }
  return body;
}

/** At opening a misnamed organization stays a 400 naming the field (audit.md O1). */
async function checkOrganizations(trx: Knex, body: Record<string, unknown>) {
  const named = Object.entries(ORG_FIELDS)
    .filter(([field]) => typeof body[field] === 'string')
    .map(([field, kind]) => ({ field, id: body[field] as string, kind }));
  const issues = (await misnamedOrganizations(trx, named)).map(({ field, kind }) => ({ path: field, message: `must name an existing organization of kind ${kind}` }));
  if (issues.length) throw new ValidationError('The case names an unknown organization.', issues);
}
