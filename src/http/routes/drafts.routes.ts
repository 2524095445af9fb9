import { z } from 'zod';
import { compareDrafts } from '../../../machines/collective/draft-compare';
import type { Draft } from '../../../machines/collective/collective.context';
import { visibleCase } from '../../services/case-queries';
import { NotFound } from '../../services/errors';
import type { User } from '../../services/people.service';
import type { AppDeps } from '../deps';
import { defineRoute, type RouteSpec } from '../route';

const ClauseSchema = z.object({ topic: z.string(), text: z.string(), status: z.string(), proposedBy: z.string() });
const DraftSchema = z.object({ version: z.number().int(), createdAt: z.string(), editedBy: z.string().nullable(), frozen: z.boolean(), clauses: z.array(ClauseSchema) });

/** The draft versions of a collective case, read from its snapshot (each EDIT_DRAFT is a version). */
async function draftsOf(deps: AppDeps, user: User, id: string) {
  const row = await visibleCase(deps.db, user, id);
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
    defineRoute({
      method: 'get', path: '/api/v1/cases/:id/drafts', operationId: 'listDrafts', tag: 'Collective',
      summary: 'Every draft version of a collective contract, oldest first',
      response: { status: 200, description: 'Draft versions', schema: z.object({ items: z.array(DraftSchema) }) }, errors: [404],
      handler: async ({ params, user }, res) => {
        res.json({ items: await draftsOf(deps, user, params.id) });
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/cases/:id/drafts/:version', operationId: 'getDraft', tag: 'Collective',
      summary: 'One draft version', response: { status: 200, description: 'The draft', schema: DraftSchema }, errors: [404],
      handler: async ({ params, user }, res) => {
        res.json(pick(await draftsOf(deps, user, params.id), params.version));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/cases/:id/drafts/:a/compare/:b', operationId: 'compareDrafts', tag: 'Collective',
      summary: 'Clause-by-clause comparison of two draft versions (added, removed, changed)',
      response: {
        status: 200, description: 'The differences from version a to version b',
        schema: z.object({ added: z.array(ClauseSchema), removed: z.array(ClauseSchema), changed: z.array(z.object({ topic: z.string(), index: z.number().int(), from: ClauseSchema, to: ClauseSchema })) }),
      },
      errors: [404],
      handler: async ({ params, user }, res) => {
        const drafts = await draftsOf(deps, user, params.id);
        res.json(compareDrafts(pick(drafts, params.a), pick(drafts, params.b)));
      },
    }),
  ];
}
