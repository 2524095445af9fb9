import { z } from 'zod';
import { describeMachine } from '../../../machines/describe';
import { registry } from '../../../machines/registry';
import { visibleCase } from '../../services/case-queries';
import { NotFound } from '../../services/errors';
import { machineSvg } from '../../diagram/machine-diagram';
import type { AppDeps } from '../deps';
import { defineRoute, type RouteSpec } from '../route';

const DiagramQuerySchema = z.object({ caseId: z.uuid().optional() });

function definitionNamed(kind: string) {
  if (!Object.hasOwn(registry, kind)) throw new NotFound('machine');
  return registry[kind as keyof typeof registry];
}

export function machineRoutes(deps: AppDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/v1/machines/:kind', operationId: 'getMachine', tag: 'Machines',
      summary: 'A case machine as JSON: states, events, transitions and the legal rules guarding them',
      response: { status: 200, description: 'The machine', schema: z.record(z.string(), z.unknown()) }, errors: [404],
      handler: ({ params }, res) => {
        res.json(describeMachine(definitionNamed(params.kind)));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/machines/:kind/diagram.svg', operationId: 'getMachineDiagram', tag: 'Machines',
      summary: "A drawing of a case machine, optionally highlighting a case's current state",
      query: DiagramQuerySchema,
      response: { status: 200, description: 'The machine as an SVG drawing', contentType: 'image/svg+xml' }, errors: [400, 404],
      handler: async ({ params, query, user }, res) => {
        const def = definitionNamed(params.kind);
        const { caseId } = query;
        let highlight: string | undefined;
        if (caseId) {
          const row = await visibleCase(deps.db, user, caseId);
          // A case of the other kind is not a state of this machine: answered as not found.
          if (row.kind !== def.kind) throw new NotFound('case');
          highlight = row.state;
        }
        res.type('image/svg+xml; charset=utf-8').send(machineSvg(describeMachine(def), { highlight }));
      },
    }),
  ];
}
