import type { Knex } from 'knex';
import { caseKinds, definitionOf } from '../../machines/registry';
import type { MachineEvent } from '../../machines/engine';
import { lockCase, updateCaseSnapshot, findCase } from '../repositories/cases.repository';
import type { User } from '../repositories/people.repository';
import { actorOf, mayAct, maySee, notActing } from './access';
import { CaseWriter } from './case-writer';
import type { DeadlinePort } from './deadline-port';
import { AppError, EventNotAllowed, Forbidden, NotFound, OutOfOrder, RuleViolation, ValidationError, VersionMismatch } from './errors';
import { isUuid, parseOccurredAt, parseOrThrow, zodIssues } from './event-input';
import { openCaseIn, parseOpening } from './case-opening';
import { eventOrganizationRefusal } from './organization-ids';
import type { ServiceDeps } from './deps';

export interface CommandDeps extends ServiceDeps {
  deadlines: DeadlinePort;
}

/** POST /cases: one transaction that numbers the case and records CASE_OPENED. */
export async function openCase(deps: CommandDeps, user: User, body: unknown): Promise<string> {
  const now = deps.clock();
  const { kind, parsed, openedAt } = parseOpening(body, now);
  return deps.db.transaction(async (trx) => {
    const writer = await openCaseIn(trx, { user, body, now, deadlines: deps.deadlines }, kind, parsed, openedAt);
    await updateCaseSnapshot(trx, writer.row);
    return writer.row.id;
  });
}

/**
 * Checks that need no database (api.md: the schema's 400 comes before 401 and 404): a known type,
 * a sane occurredAt, and a payload valid for some kind that knows the type. The kind's own
 * schema is applied again once the case, and so its kind, is known.
 */
export function precheckEvent(body: unknown, now: Date): { type: string; occurredAt?: Date } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ValidationError('The event must be a JSON object.');
  const { type, occurredAt, ...payload } = body as Record<string, unknown>;
  if (type === 'CASE_OPENED') throw new ValidationError('CASE_OPENED is recorded when a case is created, not sent.', [{ path: 'type', message: 'not an event a client can send' }]);
  const knowing = caseKinds.map(definitionOf).filter((def) => typeof type === 'string' && def.eventTypes.includes(type));
  if (knowing.length === 0) throw new ValidationError(`Unknown event type ${JSON.stringify(type)}.`, [{ path: 'type', message: 'unknown event type' }]);
  const at = parseOccurredAt(occurredAt, now);
  const results = knowing.map((def) => def.eventSchema.safeParse({ ...payload, type }));
  const failed = results.find((r) => !r.success);
  if (failed && !results.some((r) => r.success)) throw new ValidationError(`The ${type} event is not valid.`, zodIssues(failed.error!));
  return { type: type as string, occurredAt: at };
}

export interface SendOptions {
  ifMatch?: number;
  /** Called right after the case lock is taken (an idempotent repeat that raced us replays here). */
  afterLock?: (trx: Knex.Transaction) => Promise<void>;
  /** Called inside the transaction with the outcome, so an idempotent response commits with it. */
  onAccepted?: (trx: Knex.Transaction, caseId: string) => Promise<void>;
  /** Called inside the transaction, under the lock, with a refusal decided there (412, 403, 409, 422). */
  onRefused?: (trx: Knex.Transaction, refusal: AppError) => Promise<void>;
}

/**
 * The command loop of architecture.md: lock, If-Match, role, order, fire elapsed deadlines,
 * run the machine, append, all in one transaction. Deadlines fired before a refused event stay.
 */
export async function sendEvent(deps: CommandDeps, user: User, caseId: string, body: unknown, opts: SendOptions = {}): Promise<void> {
  const pre = precheckEvent(body, deps.clock());
  const visible = isUuid(caseId) ? await findCase(deps.db, caseId) : undefined;
  if (!visible || !maySee(user, visible)) throw new NotFound('case');
  const def = definitionOf(visible.kind);
  const { occurredAt: _o, ...payload } = body as Record<string, unknown>;
  const parsed = parseOrThrow(def.eventSchema, payload, `The ${pre.type} event`) as Record<string, unknown>;

  let refusal: AppError | undefined;
  await deps.db.transaction(async (trx) => {
    const row = await lockCase(trx, caseId);
    if (!row) throw new NotFound('case');
    await opts.afterLock?.(trx);
    const writer = await CaseWriter.forLockedCase(trx, row, deps.deadlines);
    refusal = await applyUnderLock(deps, writer, user, parsed, pre, opts.ifMatch);
    if (writer.appended.length) await updateCaseSnapshot(trx, writer.row);
    // A refusal commits too: deadlines fired before it stay, and an idempotent response is kept.
    if (refusal) await opts.onRefused?.(trx, refusal);
    else await opts.onAccepted?.(trx, caseId);
  });
  if (refusal) throw refusal;
}

/**
 * Under the case lock: If-Match (412), role and party field (403, audit.md O3), order (409),
 * elapsed deadlines, the machine's state (409), organization ids (422, O1/O2), its rules (422),
 * follow-ups. A refusal is returned, not thrown, so that what was done before it
 * commits with it.
 */
async function applyUnderLock(deps: CommandDeps, writer: CaseWriter, user: User, parsed: Record<string, unknown>, pre: { type: string; occurredAt?: Date }, ifMatch?: number): Promise<AppError | undefined> {
  const row = writer.row;
  const def = definitionOf(row.kind);
  if (ifMatch !== undefined && ifMatch !== row.version) return new VersionMismatch(row.version);
  const actor = actorOf(user);
  if (!def.maySend(actor, parsed as any, row.snapshot.context)) return new Forbidden(`A ${user.role} may not send ${pre.type} in this case.`);
  if (!mayAct(user, row)) return notActing(user);
  const lockedAt = deps.clock();
  const latest = writer.latest;
  const latestAt = latest.occurredAt ? new Date(latest.occurredAt) : undefined;
  if (pre.occurredAt && latestAt && pre.occurredAt < latestAt) return new OutOfOrder({ seq: latest.seq, occurredAt: latest.occurredAt! });
  const occurredAt = pre.occurredAt ?? (latestAt && latestAt > lockedAt ? latestAt : lockedAt);
  await writer.fireElapsed(occurredAt, lockedAt);
  // Organization ids are checked once the state accepts the type, before the rules (audit.md §14).
  const vetOrganizations = () => eventOrganizationRefusal(writer.trx, def, { ...parsed, type: pre.type }, writer.row.snapshot.context);
  const decision = await writer.apply({ ...parsed, type: pre.type, occurredAt: occurredAt.toISOString(), actor }, lockedAt, vetOrganizations);
  if (!decision.ok) {
    const refusal = decision.refusal;
    if (refusal.kind === 'vetoed') return refusal.error;
    return refusal.kind === 'rule'
      ? new RuleViolation(refusal.rule, refusal.citation, refusal.description)
      : new EventNotAllowed(pre.type, refusal.state, refusal.accepted);
  }
  await writer.fireElapsed(occurredAt, lockedAt);
  for (const followUp of writer.followUps) {
    const linkedBody = parseOrThrow(definitionOf(followUp.kind).openSchema, followUp.body, 'The linked case') as Record<string, unknown>;
    const linked = await openCaseIn(writer.trx, { user, body: followUp.body, now: lockedAt, deadlines: deps.deadlines, renewalOf: row.id }, followUp.kind, linkedBody, occurredAt);
    await updateCaseSnapshot(writer.trx, linked.row);
  }
  return undefined;
}
