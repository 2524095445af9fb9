import type { Response } from 'express';
import { z } from 'zod';
import { registry } from '../../../machines/registry';
import { sendEvent } from '../../services/case-commands';
import { caseView, visibleCase } from '../../services/case-queries';
import { ValidationError } from '../../services/errors';
import { AlreadyRecorded, recordResponse, replayFor, requestHashOf, type IdempotencyScope, type StoredResponse } from '../../services/idempotency.service';
import { findCase } from '../../repositories/cases.repository';
import { currentUser, tokenId } from '../auth';
import type { AppDeps } from '../app';
import { problemOf } from '../problem';
import type { RouteSpec } from '../route';
import { CaseSchema } from '../schemas';

/** What a client may send: every kind's events but the clock's own DEADLINE_ELAPSED. */
const clientEvents = (schema: unknown) =>
  ((schema as { options: z.ZodObject[] }).options).filter((o) => (o.shape.type as z.ZodLiteral).value !== 'DEADLINE_ELAPSED');
const EventBodySchema = z
  .union([...clientEvents(registry.dispute.eventSchema), ...clientEvents(registry.collective.eventSchema)] as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]])
  .and(z.object({ occurredAt: z.string().optional().describe('ISO date-time with Z or an offset; default: now') }));
const IfMatchSchema = z.string().regex(/^"\d+"$/, 'must be a quoted version, e.g. "3"');
const IdempotencyKeySchema = z.string().min(1).max(200);

export function eventRoute(deps: AppDeps): RouteSpec {
  return {
    method: 'post', path: '/api/v1/cases/:id/events', operationId: 'sendCaseEvent', tag: 'Cases',
    summary: 'Send an event to a case (the command loop)', body: EventBodySchema,
    headers: [
      { name: 'If-Match', description: 'The version the client read, as "<version>"', schema: IfMatchSchema },
      { name: 'Idempotency-Key', description: 'Replays the first response for 24 h', schema: IdempotencyKeySchema },
    ],
    response: { status: 200, description: 'The updated case', schema: CaseSchema, headers: ['ETag'] },
    // 500 INTEGRITY_FAILURE: the case's head is doubtful (audit.md H3).
    errors: [400, 403, 404, 409, 412, 413, 422, 500],
    handler: async (req, res) => {
      const user = currentUser(res);
      const caseId = String(req.params.id);
      const ifMatch = parseIfMatch(req.get('if-match'));
      const key = req.get('idempotency-key');
      if (key !== undefined && !IdempotencyKeySchema.safeParse(key).success) {
        throw new ValidationError('Idempotency-Key must be 1 to 200 characters.', [{ path: 'Idempotency-Key', message: 'invalid' }]);
      }
      const visible = await visibleCase(deps.db, user, caseId);
      // The path as the API names the case (its canonical id), however the client spelled it.
      const scope: IdempotencyScope | undefined = key ? { tokenId: tokenId(res), method: 'POST', path: `/api/v1/cases/${visible.id}/events`, key } : undefined;
      const requestHash = requestHashOf(req.body);
      if (scope) {
        const stored = await replayFor(deps.db, scope, requestHash, deps.clock());
        if (stored) return send(res, stored);
      }
      let response: StoredResponse | undefined;
      try {
        await sendEvent(deps, user, caseId, req.body, {
          ifMatch,
          afterLock: async (trx) => {
            const raced = scope && (await replayFor(trx, scope, requestHash, deps.clock()));
            if (raced) throw new AlreadyRecorded(raced);
          },
          onAccepted: async (trx) => {
            const row = (await findCase(trx, visible.id))!;
            const view = caseView(row, user, await deps.deadlines.list(trx, visible.id));
            response = { requestHash, status: 200, body: view, etag: `"${view.version}"` };
            if (scope) await recordResponse(trx, scope, response, deps.clock());
          },
          // Refusals decided under the lock are recorded under it too: a racing repeat replays them.
          onRefused: async (trx, refusal) => {
            if (scope) await recordResponse(trx, scope, { requestHash, status: problemOf(refusal).status, body: problemOf(refusal), etag: null }, deps.clock());
          },
        });
      } catch (err) {
        if (err instanceof AlreadyRecorded) return send(res, err.response);
        throw err;
      }
      send(res, response!);
    },
  };
}

function send(res: Response, stored: StoredResponse) {
  if (stored.etag) res.setHeader('ETag', stored.etag);
  if (stored.status >= 400) res.status(stored.status).type('application/problem+json').send(JSON.stringify(stored.body));
  else res.status(stored.status).json(stored.body);
}

function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  if (!IfMatchSchema.safeParse(header).success) {
    throw new ValidationError('If-Match must be a quoted version such as "3".', [{ path: 'If-Match', message: 'must be "<version>"' }]);
  }
  return Number(header.slice(1, -1));
}
