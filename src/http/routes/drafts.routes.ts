import { z } from 'zod';
import { compareDrafts } from '../../../machines/collective/draft-compare';
import type { Draft } from '../../../machines/collective/collective.context';
import { visibleCase } from '../../services/case-queries';
import { NotFound } from '../../services/errors';
import { currentUser } from '../auth';
import type { AppDeps } from '../app';
import type { RouteSpec } from '../route';

const ClauseSchema = z.object({ topic: z.string(), text: z.string(), status: z.string(), proposedBy: z.string() });
const DraftSchema = z.object({ version: z.number().int(), createdAt: z.string(), editedBy: z.string().nullable(), frozen: z.boolean(), clauses: z.array(ClauseSchema) });

/** The draft versions of a collective case, read from its snapshot (each EDIT_DRAFT is a version). */
async function draftsOf(deps: AppDeps, res: Parameters<RouteSpec['handler']>[1], id: string) {
  const row = await visibleCase(deps.db, currentUser(res), id);
  if (row.kind !== 'collective') throw new NotFound('draft (only collective cases have drafts)');
  const ctx = row.snapshot.context as { drafts?: Draft[]; frozenDraft?: { version: number } };
  const frozen = ctx.frozenDraft?.version;
  return (ctx.drafts ?? []).map((d) => ({ ...d, frozen: d.version === frozen }));
}

function pick<T extends { version: number }>(drafts: T[], version: string): T {
  const found = drafts.find((d) => String(d.version) === version);
  if (!found) throw new NotFound('draft version');
  return found;
}

export function draftRoutes(deps: AppDeps): RouteSpec[] {
  return [
    {
      method: 'get', path: '/api/v1/cases/:id/drafts', operationId: 'listDrafts', tag: 'Collective',
      summary: 'Every draft version of a collective contract, oldest first',
      response: { status: 200, description: 'Draft versions', schema: z.object({ items: z.array(DraftSchema) }) }, errors: [404],
      handler: async (req, res) => {
        res.json({ items: await draftsOf(deps, res, String(req.params.id)) });
      },
    },
    {
      method: 'get', path: '/api/v1/cases/:id/drafts/:version', operationId: 'getDraft', tag: 'Collective',
      summary: 'One draft version', response: { status: 200, description: 'The draft', schema: DraftSchema }, errors: [404],
      handler: async (req, res) => {
        res.json(pick(await draftsOf(deps, res, String(req.params.id)), String(req.params.version)));
      },
    },
    {
      method: 'get', path: '/api/v1/cases/:id/drafts/:a/compare/:b', operationId: 'compareDrafts', tag: 'Collective',
      summary: 'Clause-by-clause comparison of two draft versions (added, removed, changed)',
      response: {
        status: 200, description: 'The differences from version a to version b',
        schema: z.object({ added: z.array(ClauseSchema), removed: z.array(ClauseSchema), changed: z.array(z.object({ topic: z.string(), index: z.number().int(), from: ClauseSchema, to: ClauseSchema })) }),
      },
      errors: [404],
      handler: async (req, res) => {
        const drafts = await draftsOf(deps, res, String(req.params.id));
        res.json(compareDrafts(pick(drafts, String(req.params.a)), pick(drafts, String(req.params.b))));
      },
    },
  ];
}
