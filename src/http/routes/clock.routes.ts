import { z } from 'zod';
import { CalendarDateSchema } from '../../../machines/shared/case-event';
import { addPeriod } from '../../rules/period';
import { sweepOnce } from '../../services/deadline-sweeper';
import type { DeadlineService } from '../../services/deadlines.service';
import { ValidationError } from '../../services/errors';
import { requireAdmin } from '../auth';
import type { AppDeps } from '../deps';
import { defineRoute, type RouteSpec } from '../route';

const DeadlineQuerySchema = z.object({
  from: CalendarDateSchema,
  period: z.coerce.number().int().min(1).max(3660),
  unit: z.enum(['calendar_days', 'working_days', 'months']).default('calendar_days'),
});
const OverrideSchema = z.object({
  date: CalendarDateSchema,
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().min(1).max(100),
});

/** The statutory clock over HTTP: period arithmetic, calendar overrides, synchronous sweeps. */
export function clockRoutes(deps: AppDeps & { deadlines: DeadlineService }): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/v1/calendar/deadline', operationId: 'computeDeadline', tag: 'Clock',
      summary: 'Compute a due date the way Chinese law counts periods, with the calendar facts used',
      query: DeadlineQuerySchema,
      response: { status: 200, description: 'The due date and its explanation', schema: z.object({ dueOn: z.string(), explanation: z.string(), provisional: z.boolean() }) },
      errors: [400],
      handler: ({ query: q }, res) => {
        try {
          res.json(addPeriod(deps.deadlines.calendar(), { from: q.from, period: q.period, unit: q.unit }));
        } catch (err) {
          // The calendar's own limits (a result past the years it knows): the question, not the server, is out of range.
          if (err instanceof RangeError) throw new ValidationError(err.message, [{ path: 'period', message: err.message }]);
          throw err;
        }
      },
    }),
    defineRoute({
      method: 'post', path: '/api/v1/admin/calendar', operationId: 'addCalendarOverride', tag: 'Clock',
      summary: 'Add a holiday or swapped working day for a year the holiday package does not know (admin)',
      body: OverrideSchema,
      response: { status: 201, description: 'The override', schema: OverrideSchema }, errors: [400, 403, 413],
      handler: async ({ body: override }, res) => {
        requireAdmin(res);
        await deps.deadlines.addCalendarOverride(deps.db, override);
        res.status(201).json(override);
      },
    }),
    defineRoute({
      method: 'post', path: '/api/v1/admin/deadlines/sweep', operationId: 'sweepDeadlines', tag: 'Clock',
      summary: 'Fire every deadline elapsed by now, synchronously (admin)',
      response: { status: 200, description: 'How many deadlines fired', schema: z.object({ fired: z.number().int() }) }, errors: [403],
      handler: async (_input, res) => {
        requireAdmin(res);
        await deps.deadlines.loadCalendar(deps.db);
        res.json({ fired: await sweepOnce(deps, { wait: true }) });
      },
    }),
  ];
}
