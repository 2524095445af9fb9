import { z } from 'zod';
import { caseKinds } from '../../../machines/registry';
import type { CaseKind } from '../../../machines/shared/definition';
import { migrateCases, type MigrationDeps } from '../../services/machine-migration.service';
import { NotFound } from '../../services/errors';
import { requireAdmin } from '../auth';
import { defineRoute, type RouteSpec } from '../route';

const MigrateBodySchema = z.object({
  dryRun: z.boolean().meta({ description: 'Report what would change and write nothing.' }),
  caseIds: z.array(z.uuid()).min(1).max(1000).optional().meta({ description: 'Only these cases; default: every open case of the kind not at the latest version.' }),
});

const MovedDeadlineSchema = z.object({ ruleId: z.string(), dueOnBefore: z.string().nullable(), dueOnAfter: z.string().nullable() });

const CaseMigrationSchema = z.object({
  caseId: z.uuid(),
  number: z.string(),
  from: z.string(),
  to: z.string(),
  stateBefore: z.string(),
  stateAfter: z.string(),
  changes: z.array(z.string()),
  movedDeadlines: z.array(MovedDeadlineSchema),
  skipped: z.string().optional(),
});

const MigrateAnswerSchema = z.object({ kind: z.string(), dryRun: z.boolean(), cases: z.array(CaseMigrationSchema) });

/** architecture.md "Machine versions": moving running cases to a kind's latest machine version. */
export function machineMigrationRoutes(deps: MigrationDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/api/v1/admin/machines/:kind/migrate', operationId: 'migrateMachineVersion', tag: 'Machines',
      summary: "Move cases to the kind's latest machine version, or report case by case what that would change (admin)",
      body: MigrateBodySchema,
      response: { status: 200, description: 'Case by case: versions, states and every deadline whose due date moves', schema: MigrateAnswerSchema },
      errors: [400, 403, 404, 413],
      handler: async ({ params, body }, res) => {
        requireAdmin(res);
        // An unknown kind is a machine that does not exist (404), as for GET /machines/:kind.
        if (!(caseKinds as string[]).includes(params.kind)) throw new NotFound('machine');
        const cases = await migrateCases(deps, params.kind as CaseKind, { dryRun: body.dryRun, caseIds: body.caseIds });
        res.json({ kind: params.kind, dryRun: body.dryRun, cases });
      },
    }),
  ];
}
