import { z } from 'zod';

/** Response shapes for the OpenAPI document (the services build these objects). */
export const DeadlineSchema = z.object({
  ruleId: z.string(), citation: z.string(), triggerOn: z.string(), dueOn: z.string(),
  status: z.enum(['pending', 'met', 'cancelled', 'fired']), explanation: z.string(), provisional: z.boolean(),
});
export const CaseSchema = z.object({
  id: z.uuid(), number: z.string(), kind: z.enum(['dispute', 'collective']), state: z.string(),
  status: z.enum(['open', 'closed']), outcome: z.string().optional(), version: z.number().int(),
  data: z.record(z.string(), z.unknown()), deadlines: z.array(DeadlineSchema), deadlineNotes: z.array(z.string()),
  nextEvents: z.array(z.object({ type: z.string(), allowed: z.boolean() })),
  renewalOf: z.uuid().nullable(), createdAt: z.string(), updatedAt: z.string(),
});
export const CaseSummarySchema = z.object({
  id: z.uuid(), number: z.string(), kind: z.string(), state: z.string(), status: z.string(), outcome: z.string().optional(),
  title: z.string(), nextDeadline: DeadlineSchema.optional(), updatedAt: z.string(),
});
export const CaseListSchema = z.object({ items: z.array(CaseSummarySchema), nextCursor: z.string().nullable() });
export const HistoryItemSchema = z.object({
  seq: z.number().int(), type: z.string(), payload: z.record(z.string(), z.unknown()),
  actor: z.object({ id: z.string().nullable(), role: z.string() }), occurredAt: z.string(), recordedAt: z.string(),
  fromState: z.string().nullable(), toState: z.string(), hash: z.string(), prevHash: z.string(),
});
/** audit.md H2: always 200; the first failed check, and every document that failed F3. */
export const VerifySchema = z.object({
  ok: z.boolean(),
  events: z.number().int().describe('Rows examined'),
  headHash: z.string().nullable().describe('Hash of the last row that passed every check'),
  brokenAt: z.number().int().optional(),
  check: z.enum(['seq', 'prev_hash', 'hash', 'replay', 'extra_event', 'missing_event', 'snapshot', 'document']).optional(),
  reason: z.string().optional(),
  documents: z.object({
    checked: z.number().int(),
    failed: z.array(z.object({ id: z.uuid(), check: z.enum(['document_bytes', 'document_source']), reason: z.string() })),
  }),
});
export const OrganizationSchema = z.object({
  id: z.uuid(), name: z.string(), kind: z.string(), region: z.string().nullable(), mediationType: z.string().nullable(),
});
export const UserSchema = z.object({ id: z.uuid(), name: z.string(), role: z.string(), organizationId: z.uuid().nullable() });
export const MeSchema = UserSchema.extend({ organization: OrganizationSchema.nullable() });
