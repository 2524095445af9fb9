import type { Response } from 'express';
import { z, type ZodType } from 'zod';
import { registry } from '../../../machines/registry';
import { CalendarDateSchema } from '../../../machines/shared/case-event';
import { openParsedCase, parseOpening, type Opening } from '../../services/case-commands';
import { caseHistory, caseView, getCase, listCases, visibleCase } from '../../services/case-queries';
import { verifyCase } from '../../services/verify.service';
import type { AppDeps } from '../deps';
import { defineRoute, type RouteSpec } from '../route';
import { CaseListSchema, CaseSchema, DeadlineSchema, HistoryItemSchema, VerifySchema } from '../schemas';
import { eventRoute } from './event.route';

const OpenBodySchema = z.union([
  z.object({ kind: z.literal('dispute'), occurredAt: z.string().optional() }).and(registry.dispute.openSchema),
  z.object({ kind: z.literal('collective'), occurredAt: z.string().optional() }).and(registry.collective.openSchema),
]);

const ListQuerySchema = z.object({
  kind: z.enum(['dispute', 'collective']).optional(),
  state: z.string().max(100).optional(),
  status: z.enum(['open', 'closed']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  dueBefore: CalendarDateSchema.optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

const CaseParamsSchema = z.object({ id: z.string() });

export function caseRoutes(deps: AppDeps): RouteSpec[] {
  const withEtag = (res: Response, version: number) => res.setHeader('ETag', `"${version}"`);
  return [
    defineRoute({
      method: 'post', path: '/api/v1/cases', operationId: 'openCase', tag: 'Cases',
      summary: 'Open a dispute or collective case',
      // The wire shape, for OpenAPI; the kind's own schema parses it (`parseBody`).
      body: OpenBodySchema as unknown as ZodType<Opening>, parseBody: (raw) => parseOpening(raw, deps.clock()),
      response: { status: 201, description: 'The new case', schema: CaseSchema, headers: ['ETag', 'Location'] }, errors: [400, 403, 413],
      handler: async ({ body, user }, res) => {
        const opened = await openParsedCase(deps, user, body);
        const view = caseView(opened.case, user, opened.deadlines);
        withEtag(res, view.version);
        res.status(201).location(`/api/v1/cases/${view.id}`).json(view);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/cases', operationId: 'listCases', tag: 'Cases',
      summary: 'List the cases the caller may see', query: ListQuerySchema,
      response: { status: 200, description: 'A page of cases, newest first', schema: CaseListSchema }, errors: [400],
      handler: async ({ query, user }, res) => {
        res.json(await listCases(deps, user, { ...query, overdue: query.overdue === 'true' }, deps.clock()));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/cases/:id', operationId: 'getCase', tag: 'Cases',
      summary: 'A case with its deadlines and the events it accepts next', params: CaseParamsSchema,
      response: { status: 200, description: 'The case', schema: CaseSchema, headers: ['ETag'] }, errors: [404],
      handler: async ({ params, user }, res) => {
        const view = await getCase(deps, user, params.id);
        withEtag(res, view.version);
        res.json(view);
      },
    }),
    eventRoute(deps),
    defineRoute({
      method: 'get', path: '/api/v1/cases/:id/history', operationId: 'getCaseHistory', tag: 'Cases',
      summary: "The case's complete hash-chained history, oldest first", params: CaseParamsSchema,
      response: { status: 200, description: 'Events', schema: z.object({ items: z.array(HistoryItemSchema) }) }, errors: [404],
      handler: async ({ params, user }, res) => {
        res.json(await caseHistory(deps, user, params.id));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/cases/:id/verify', operationId: 'verifyCase', tag: 'Cases',
      summary: 'Recompute the hash chain over every stored event, replay it against the stored snapshot, and check the case\'s documents',
      params: CaseParamsSchema,
      response: { status: 200, description: 'Verification result', schema: VerifySchema }, errors: [404],
      handler: async ({ params, user }, res) => {
        const row = await visibleCase(deps.db, user, params.id);
        res.json(await verifyCase(deps.db, row));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/cases/:id/deadlines', operationId: 'getCaseDeadlines', tag: 'Cases',
      summary: "Every deadline of the case, whatever its status", params: CaseParamsSchema,
      response: { status: 200, description: 'Deadlines', schema: z.object({ items: z.array(DeadlineSchema) }) }, errors: [404],
      handler: async ({ params, user }, res) => {
        const row = await visibleCase(deps.db, user, params.id);
        res.json({ items: await deps.deadlines.list(deps.db, row.id) });
      },
    }),
  ];
}
