import type { Knex } from 'knex';
import { caseKinds, definitionAt, definitionOf } from '../../machines/registry';
import type { CaseKind } from '../../machines/shared/definition';
import type { User } from '../repositories/people.repository';
import { actorOf, mayAct, notActing } from './access';
import { visibleCase } from './case-queries';
import { CaseWriter, type CommandOutcome } from './case-writer';
import type { DeadlinePort } from './deadline-port';
import { AppError, EventNotAllowed, Forbidden, NotFound, OutOfOrder, RuleViolation, ValidationError, VersionMismatch } from './errors';
import { parseOccurredAt, parseOrThrow, zodIssues } from './event-input';

export type { CommandOutcome };
import { openCaseIn, parseOpening } from './case-opening';

export { parseOpening };
import { eventOrganizationRefusal } from './organization-ids';
import type { ServiceDeps } from './deps';

export interface CommandDeps extends ServiceDeps {
  deadlines: DeadlinePort;
}

/** A command decided under its case lock: the outcome, or a refusal that still commits what came before it. */
export type Decided<T> = { ok: true; value: T } | { ok: false; refusal: AppError };

export type Opening = ReturnType<typeof parseOpening>;

/** POST /cases: one transaction that numbers the case and records CASE_OPENED. */
export async function openCase(deps: CommandDeps, user: User, body: unknown): Promise<CommandOutcome> {
  return openParsedCase(deps, user, parseOpening(body, deps.clock()));
}

/** Opens a case from a body `parseOpening` already checked (the route parses it once). */
export async function openParsedCase(deps: CommandDeps, user: User, opening: Opening): Promise<CommandOutcome> {
  const now = deps.clock();
  const { kind, parsed, openedAt } = opening;
  return deps.db.transaction(async (trx) => {
    const writer = await openCaseIn(trx, { user, body: parsed, now, deadlines: deps.deadlines }, kind, parsed, openedAt);
    return writer.flush(now);
  });
}

/** An event body parsed once, by the schema of every kind that knows its type. */
export interface EventInput {
  type: string;
  occurredAt?: Date;
  /** The payload as each kind's schema parsed it, or that kind's issues. */
  byKind: Partial<Record<CaseKind, { ok: true; payload: Record<string, unknown> } | { ok: false; issues: { path: string; message: string }[] }>>;
}

/**
 * Checks that need no database (api.md: the schema's 400 comes before 401 and 404): a known type,
 * a sane occurredAt, and a payload valid for some kind that knows the type. Each kind's result is
 * kept, so once the case (and so its kind) is known nothing is parsed again.
 */
export function parseEvent(body: unknown, now: Date): EventInput {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ValidationError('The event must be a JSON object.');
  const { type, occurredAt, ...payload } = body as Record<string, unknown>;
  if (type === 'CASE_OPENED') throw new ValidationError('CASE_OPENED is recorded when a case is created, not sent.', [{ path: 'type', message: 'not an event a client can send' }]);
  const knowing = caseKinds.filter((kind) => typeof type === 'string' && definitionOf(kind).eventTypes.includes(type));
  if (knowing.length === 0) throw new ValidationError(`Unknown event type ${JSON.stringify(type)}.`, [{ path: 'type', message: 'unknown event type' }]);
  const at = parseOccurredAt(occurredAt, now);
  const byKind: EventInput['byKind'] = {};
  for (const kind of knowing) {
    const result = definitionOf(kind).eventSchema.safeParse({ ...payload, type });
    byKind[kind] = result.success ? { ok: true, payload: result.data as Record<string, unknown> } : { ok: false, issues: zodIssues(result.error) };
  }
  const results = Object.values(byKind);
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok && !results.some((r) => r.ok)) throw new ValidationError(`The ${type} event is not valid.`, failed.issues);
  return { type: type as string, occurredAt: at, byKind };
}

/** The payload for the case's kind, or the 400 that kind's schema gives. */
function payloadFor(input: EventInput, kind: CaseKind): Record<string, unknown> {
  const parsed = input.byKind[kind];
  if (parsed?.ok) return parsed.payload;
  throw new ValidationError(`The ${input.type} event is not valid.`, parsed ? parsed.issues : [{ path: 'type', message: `not an event of a ${kind} case` }]);
}

/**
 * The command loop for callers inside the service (the demo, benchmarks): parse, find, decide,
 * commit; a refusal is thrown once what came before it has committed.
 */
export async function sendEvent(deps: CommandDeps, user: User, caseId: string, body: unknown, opts: { ifMatch?: number } = {}): Promise<CommandOutcome> {
  const input = parseEvent(body, deps.clock());
  const visible = await visibleCase(deps.db, user, caseId);
  const decided = await deps.db.transaction((trx) => decideEvent(trx, deps, user, visible.id, input, opts.ifMatch));
  if (!decided.ok) throw decided.refusal;
  return decided.value;
}

/**
 * The command loop of architecture.md inside `trx`: lock, If-Match, role, order, fire elapsed
 * deadlines, run the machine, write once. A refusal is returned, not thrown, so that the
 * deadlines fired before it (and an idempotent record of it) commit with it; a doubtful head
 * (audit.md H3) is thrown and rolls everything back.
 */
export async function decideEvent(trx: Knex.Transaction, deps: CommandDeps, user: User, caseId: string, input: EventInput, ifMatch?: number): Promise<Decided<CommandOutcome>> {
  const writer = await CaseWriter.lock(trx, caseId, deps.deadlines);
  if (!writer) throw new NotFound('case');
  const parsed = payloadFor(input, writer.row.kind);
  const lockedAt = deps.clock();
  const refusal = await applyUnderLock(deps, writer, user, parsed, input, lockedAt, ifMatch);
  const outcome = await writer.flush(lockedAt);
  return refusal ? { ok: false, refusal } : { ok: true, value: outcome };
}

/**
 * Under the case lock: If-Match (412), role and party field (403, audit.md O3), order (409),
 * elapsed deadlines, the machine's state (409), organization ids (422, O1/O2), its rules (422),
 * follow-ups. A refusal is returned, not thrown, so that what was done before it
 * commits with it.
 */
async function applyUnderLock(deps: CommandDeps, writer: CaseWriter, user: User, parsed: Record<string, unknown>, pre: EventInput, lockedAt: Date, ifMatch?: number): Promise<AppError | undefined> {
  const row = writer.row;
  // Permissions read the case's context, which belongs to the machine version it pins.
  const def = definitionAt(row.kind, row.machineVersion);
  if (ifMatch !== undefined && ifMatch !== row.version) return new VersionMismatch(row.version);
  const actor = actorOf(user);
  if (!def.maySend(actor, parsed as any, row.snapshot.context)) return new Forbidden(`A ${user.role} may not send ${pre.type} in this case.`);
  if (!mayAct(user, row)) return notActing(user);
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
    await linked.flush(lockedAt);
  }
  return undefined;
}
