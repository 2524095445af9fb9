import { z } from 'zod';
import { describeMachine } from '../../../machines/describe';
import { registry } from '../../../machines/registry';
import { NotFound } from '../../services/errors';
import type { RouteSpec } from '../route';

export function machineRoutes(): RouteSpec[] {
  return [
    {
      method: 'get', path: '/api/v1/machines/:kind', operationId: 'getMachine', tag: 'Machines',
      summary: 'A case machine as JSON: states, events, transitions and the legal rules guarding them',
      response: { status: 200, description: 'The machine', schema: z.record(z.string(), z.unknown()) }, errors: [404],
      handler: (req, res) => {
        const def = registry[String(req.params.kind) as keyof typeof registry];
        if (!def || !Object.hasOwn(registry, String(req.params.kind))) throw new NotFound('machine');
        res.json(describeMachine(def));
      },
    },
  ];
}
