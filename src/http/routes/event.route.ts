import type { Response } from 'express';
import { z, type ZodType } from 'zod';
import { registry } from '../../../machines/registry';
import { decideEvent, parseEvent, type EventInput } from '../../services/case-commands';
import { caseView, visibleCase } from '../../services/case-queries';
import { ValidationError } from '../../services/errors';
import { requestHashOf, withIdempotency, type Answer, type IdempotentRequest } from '../../services/idempotency.service';
import { tokenId } from '../auth';
import type { AppDeps } from '../deps';
import { problemOf } from '../problem';
import { defineRoute, type RouteSpec } from '../route';
import { CaseSchema } from '../schemas';

/** What a client may send: every kind's events but the clock's own DEADLINE_ELAPSED. */
const clientEvents = (schema: unknown) =>
  ((schema as { options: z.ZodObject[] }).options).filter((o) => (o.shape.type as z.ZodLiteral).value !== 'DEADLINE_ELAPSED');
const EventBodySchema = z
  .union([...clientEvents(registry.dispute.eventSchema), ...clientEvents(registry.collective.eventSchema)] as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]])
  .and(z.object({ occurredAt: z.string().optional().describe('ISO date-time with Z or an offset; default: now') }));
const IfMatchSchema = z.string().regex(/^"\d+"$/, 'must be a quoted version, e.g. "3"');
const IdempotencyKeySchema = z.string().min(1).max(200);

const EventParamsSchema = z.object({ id: z.string() });

export function eventRoute(deps: AppDeps): RouteSpec {
  return defineRoute({
    method: 'post', path: '/api/v1/cases/:id/events', operationId: 'sendCaseEvent', tag: 'Cases',
    summary: 'Send an event to a case (the command loop)', params: EventParamsSchema,
    // The wire shape, for OpenAPI; `parseBody` gives the handler the parsed input.
    body: EventBodySchema as unknown as ZodType<EventInput>,
    // Parsed once, by each kind's own schema, before authentication (api.md: 400 before 401 and 404).
    parseBody: (raw): EventInput => parseEvent(raw, deps.clock()), bodyBeforeAuth: true,
    headers: [
      { name: 'If-Match', description: 'The version the client read, as "<version>"', schema: IfMatchSchema },
      { name: 'Idempotency-Key', description: 'Replays the first response for 24 h', schema: IdempotencyKeySchema },
    ],
    response: { status: 200, description: 'The updated case', schema: CaseSchema, headers: ['ETag'] },
    // 500 INTEGRITY_FAILURE: the case's head is doubtful (audit.md H3).
    errors: [400, 403, 404, 409, 412, 413, 422, 500],
    handler: async ({ params, body, user, req }, res) => {
      const ifMatch = parseIfMatch(req.get('if-match'));
      const key = req.get('idempotency-key');
      if (key !== undefined && !IdempotencyKeySchema.safeParse(key).success) {
        throw new ValidationError('Idempotency-Key must be 1 to 200 characters.', [{ path: 'Idempotency-Key', message: 'invalid' }]);
      }
      const visible = await visibleCase(deps.db, user, params.id);
      // The path as the API names the case (its canonical id), however the client spelled it.
      const request: IdempotentRequest | undefined = key
        ? { scope: { tokenId: tokenId(res as Response), method: 'POST', path: `/api/v1/cases/${visible.id}/events`, key }, requestHash: requestHashOf(req.body) }
        : undefined;
      const answer = await withIdempotency(
        deps.db, request, deps.clock,
        (trx) => decideEvent(trx, deps, user, visible.id, body, ifMatch),
        (decided): Answer => {
          if (!decided.ok) return { status: problemOf(decided.refusal).status, body: problemOf(decided.refusal), etag: null };
          const view = caseView(decided.value.case, user, decided.value.deadlines);
          return { status: 200, body: view, etag: `"${view.version}"` };
        },
      );
      send(res as Response, answer);
    },
  });
}

/** A fresh answer and a replayed one go out alike: status, body and ETag as first decided. */
function send(res: Response, answer: Answer) {
  if (answer.etag) res.setHeader('ETag', answer.etag);
  if (answer.status >= 400) res.status(answer.status).type('application/problem+json').send(JSON.stringify(answer.body));
  else res.status(answer.status).json(answer.body);
}

function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  if (!IfMatchSchema.safeParse(header).success) {
    throw new ValidationError('If-Match must be a quoted version such as "3".', [{ path: 'If-Match', message: 'must be "<version>"' }]);
  }
  return Number(header.slice(1, -1));
}
