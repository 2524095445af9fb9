import { z } from 'zod';
import { inSupportedYears, isCalendarDate, MAX_YEAR, MIN_YEAR } from './time';

/** Who sent an event. The system (deadline sweeper) has `id: null`. */
export const ActorSchema = z.object({
  id: z.string().nullable(),
  role: z.enum(['mediator', 'union_rep', 'employer_rep', 'labor_officer', 'auditor', 'admin', 'system']),
});
export type Actor = z.infer<typeof ActorSchema>;
export type Role = Actor['role'];

/**
 * What a machine receives: the client's payload plus the two facts the service adds.
 * `occurredAt` is always set (ISO instant); machines read time only from here.
 */
export type Envelope<P extends { type: string }> = P & { occurredAt: string; actor: Actor };

/** `YYYY-MM-DD` that exists on the calendar. */
export const CalendarDateSchema = z
  .string()
  .refine(isCalendarDate, { message: 'must be a date YYYY-MM-DD that exists on the calendar' })
  .refine((d) => !isCalendarDate(d) || inSupportedYears(Number(d.slice(0, 4))), { message: `must fall in the years ${MIN_YEAR} to ${MAX_YEAR}` });

/** Exact CNY amount as a decimal string, never a float (domain.md §2). */
export const AmountSchema = z
  .string()
  .regex(/^\d{1,15}(\.\d{1,2})?$/, 'must be a decimal string with at most two decimals, e.g. "12000.00"');

/** The system's deadline event; every owning state of a rule accepts it. */
export const DeadlineElapsedSchema = z.object({ type: z.literal('DEADLINE_ELAPSED'), ruleId: z.string() });

/** Params of the `deadline` guard: the rule whose DEADLINE_ELAPSED a transition handles. */
export function deadline(ruleId: string) {
  return { type: 'deadline' as const, params: { ruleId } };
}
export const deadlineGuard = ({ event }: { event: { type: string; ruleId?: string } }, params: { ruleId: string }) =>
  event.type === 'DEADLINE_ELAPSED' && event.ruleId === params.ruleId;
