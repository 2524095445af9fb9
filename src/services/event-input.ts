import { z } from 'zod';
import { definitionOf, caseKinds } from '../../machines/registry';
import type { CaseKind } from '../../machines/shared/definition';
import { ValidationError } from './errors';

/** ISO date-time with `Z` or an offset (api.md); anything else is 400. */
export const InstantSchema = z.iso.datetime({ offset: true, message: 'must be an ISO date-time with Z or an offset' });

export function zodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
}

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(`${what} is not valid.`, zodIssues(result.error));
  return result.data;
}

/** `occurredAt` given by a client: a valid instant, not in the future. */
export function parseOccurredAt(value: unknown, now: Date): Date | undefined {
  if (value === undefined) return undefined;
  const text = parseOrThrow(InstantSchema, value, 'occurredAt');
  const at = new Date(text);
  if (at.getTime() > now.getTime()) {
    throw new ValidationError('occurredAt is in the future.', [{ path: 'occurredAt', message: 'must not be in the future' }]);
  }
  return at;
}

/** Event types a client may send for this kind (DEADLINE_ELAPSED is the system's). */
export function clientEventTypes(kind: CaseKind): string[] {
  return definitionOf(kind).eventTypes.filter((t) => t !== 'DEADLINE_ELAPSED');
}

/** Every event type of every kind: a type no kind knows is a 400 before anything else. */
export function isKnownEventType(type: unknown): boolean {
  return typeof type === 'string' && (type === 'DEADLINE_ELAPSED' || caseKinds.some((k) => definitionOf(k).eventTypes.includes(type)));
}
