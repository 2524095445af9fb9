import { z } from 'zod';
import { ClauseTopicSchema, SideSchema } from './collective.events';

/**
 * Creation body of a collective case (api.md, without `kind` and `occurredAt`, which the
 * service handles for every kind). Its parsed output plus `openedAt` is the machine's input.
 */
export const CollectiveOpenSchema = z.object({
  /** The side that sends the written request (CCP Art 32). */
  requester: SideSchema,
  /** LCL Art 52: a comprehensive contract or a special one. */
  contractType: z.enum(['comprehensive', 'wages', 'female_workers', 'safety_health', 'other']),
  /** LCL Art 53: enterprise, sectoral or regional contract. */
  scope: z.enum(['enterprise', 'industry', 'regional']),
  title: z.string().trim().min(1).max(200),
  unionOrganizationId: z.uuid(),
  employerOrganizationId: z.uuid(),
  laborBureauId: z.uuid().optional(),
  /** The agenda proposed in the request; duplicates are meaningless, so they are refused. */
  topics: z
    .array(ClauseTopicSchema)
    .min(1)
    .refine((topics) => new Set(topics).size === topics.length, { message: 'topics must not repeat' }),
  /** Set by the service when the case is the renewal opened by RENEW on another case. */
  renewalOf: z.uuid().optional(),
  /**
   * Rule-pack choice for the congress vote (domain.md §3): the strict "more than half of all"
   * reading (default) or "at least half" (CC Art 1259's reading of 半数以上).
   */
  settings: z
    .object({ approval: z.enum(['more_than_half', 'at_least_half']).optional() })
    .optional(),
});
export type CollectiveOpenBody = z.infer<typeof CollectiveOpenSchema>;

/** Machine input: the validated body and the instant the case was opened. */
export type CollectiveInput = CollectiveOpenBody & { openedAt: string };
