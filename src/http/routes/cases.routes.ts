import { z } from 'zod';
import { registry } from '../../../machines/registry';
import { CalendarDateSchema } from '../../../machines/shared/case-event';
import { openCase } from '../../services/case-commands';
import { caseHistory, getCase, listCases, visibleCase } from '../../services/case-queries';
import { verifyCase } from '../../services/verify.service';
import { parseOrThrow } from '../../services/event-input';
import { currentUser } from '../auth';
import type { AppDeps } from '../app';
import type { RouteSpec } from '../route';
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

export function caseRoutes(deps: AppDeps): RouteSpec[] {
  const withEtag = (res: import('express').Response, version: number) => res.setHeader('ETag', `"${version}"`);
  return [
    {
      method: 'post', path: '/api/v1/cases', operationId: 'openCase', tag: 'Cases',
      summary: 'Open a dispute or collective case', body: OpenBodySchema,
      response: { status: 201, description: 'The new case', schema: CaseSchema, headers: ['ETag', 'Location'] }, errors: [400, 403, 413],
      handler: async (req, res) => {
        const user = currentUser(res);
        const id = await openCase(deps, user, req.body);
        const view = await getCase(deps, user, id);
        withEtag(res, view.version);
        res.status(201).location(`/api/v1/cases/${id}`).json(view);
      },
    },
    {
      method: 'get', path: '/api/v1/cases', operationId: 'listCases', tag: 'Cases',
      summary: 'List the cases the caller may see', query: ListQuerySchema,
      response: { status: 200, description: 'A page of cases, newest first', schema: CaseListSchema }, errors: [400],
      handler: async (req, res) => {
        const q = parseOrThrow(ListQuerySchema, req.query, 'The query');
        res.json(await listCases(deps, currentUser(res), { ...q, overdue: q.overdue === 'true' }, deps.clock()));
      },
    },
    {
      method: 'get', path: '/api/v1/cases/:id', operationId: 'getCase', tag: 'Cases',
      summary: 'A case with its deadlines and the events it accepts next',
      response: { status: 200, description: 'The case', schema: CaseSchema, headers: ['ETag'] }, errors: [404],
      handler: async (req, res) => {
        const view = await getCase(deps, currentUser(res), String(req.params.id));
        withEtag(res, view.version);
        res.json(view);
      },
    },
    eventRoute(deps),
    {
      method: 'get', path: '/api/v1/cases/:id/history', operationId: 'getCaseHistory', tag: 'Cases',
      summary: "The case's complete hash-chained history, oldest first",
      response: { status: 200, description: 'Events', schema: z.object({ items: z.array(HistoryItemSchema) }) }, errors: [404],
      handler: async (req, res) => {
        res.json(await caseHistory(deps, currentUser(res), String(req.params.id)));
      },
    },
    {
      method: 'get', path: '/api/v1/cases/:id/verify', operationId: 'verifyCase', tag: 'Cases',
      summary: 'Recompute the hash chain over every stored event, replay it against the stored snapshot, and check the case\'s documents',
      response: { status: 200, description: 'Verification result', schema: VerifySchema }, errors: [404],
      handler: async (req, res) => {
        const row = await visibleCase(deps.db, currentUser(res), String(req.params.id));
        res.json(await verifyCase(deps.db, row));
      },
    },
    {
      method: 'get', path: '/api/v1/cases/:id/deadlines', operationId: 'getCaseDeadlines', tag: 'Cases',
      summary: "Every deadline of the case, whatever its status",
      response: { status: 200, description: 'Deadlines', schema: z.object({ items: z.array(DeadlineSchema) }) }, errors: [404],
      handler: async (req, res) => {
        const row = await visibleCase(deps.db, currentUser(res), String(req.params.id));
        res.json({ items: await deps.deadlines.list(deps.db, row.id) });
      },
    },
  ];
}
