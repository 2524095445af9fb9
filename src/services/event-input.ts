import { z } from 'zod';
import { ValidationError } from './errors';
import { inSupportedYears, MAX_YEAR, MIN_YEAR } from '../../machines/shared/time';

/** ISO date-time with `Z` or an offset (api.md), in the years the calendar supports; anything else is 400. */
export const InstantSchema = z.iso
  .datetime({ offset: true, message: 'must be an ISO date-time with Z or an offset' })
  .refine((v) => inSupportedYears(new Date(v).getUTCFullYear()), { message: `must fall in the years ${MIN_YEAR} to ${MAX_YEAR}` });

/** A canonical UUID (8-4-4-4-12 hex): anything else cannot name a record. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export function zodIssues(error: z.ZodError, root = '(body)'): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.') || root, message: i.message }));
}

/** Parses or throws a 400; `root` names the value itself when it is not the whole body. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string, root?: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(`${what} is not valid.`, zodIssues(result.error, root));
  return result.data;
}

/** `occurredAt` given by a client: a valid instant, not in the future. */
export function parseOccurredAt(value: unknown, now: Date): Date | undefined {
  if (value === undefined) return undefined;
  const text = parseOrThrow(InstantSchema, value, 'occurredAt', 'occurredAt');
  const at = new Date(text);
  if (at.getTime() > now.getTime()) {
    throw new ValidationError('occurredAt is in the future.', [{ path: 'occurredAt', message: 'must not be in the future' }]);
  }
  return at;
}
