import { z } from 'zod';
import { CalendarDateSchema, DeadlineElapsedSchema, type Envelope } from '../shared/case-event';

/**
 * Client payloads of a collective-consultation case (domain.md §6). Each schema validates only
 * shape and types (a 400); everything the law says about the values (how many representatives,
 * whether a vote is coherent, ...) is a legal rule in collective.rules.ts so that the caller gets
 * a 422 naming the article.
 */

/** CCP Art 8: the fifteen contents a collective contract may cover. */
export const CLAUSE_TOPICS = [
  'pay',
  'working_hours',
  'rest_leave',
  'safety_health',
  'supplementary_insurance_welfare',
  'female_juvenile_protection',
  'training',
  'contract_management',
  'rewards_penalties',
  'layoffs',
  'term',
  'change_rescission_procedure',
  'dispute_handling',
  'liability',
  'other',
] as const;
export const ClauseTopicSchema = z.enum(CLAUSE_TOPICS);
export type ClauseTopic = z.infer<typeof ClauseTopicSchema>;

export const SideSchema = z.enum(['union', 'employer']);
export type Side = z.infer<typeof SideSchema>;

export const ClauseStatusSchema = z.enum(['proposed', 'agreed', 'disputed']);

/** The grounds of CCP Art 40 on which a contract may be changed or rescinded. */
export const RESCISSION_GROUNDS = ['merger_dissolution_bankruptcy', 'force_majeure', 'agreed_condition', 'law'] as const;

const text = z.string().trim().min(1);
const count = z.number().int().min(0);

export const SendRequestSchema = z.object({
  type: z.literal('SEND_REQUEST'),
  receivedOn: CalendarDateSchema,
  proposedTime: z.string().optional(),
  proposedPlace: z.string().optional(),
});
export const ResponseSchema = z.object({ type: z.literal('RESPONSE'), agrees: z.boolean(), reason: z.string().optional() });
export const EscalateSchema = z.object({ type: z.literal('ESCALATE_TO_LABOR_BUREAU'), reason: z.string().optional() });
export const AbandonSchema = z.object({ type: z.literal('ABANDON'), reason: z.string().optional() });

/** Deliberately no minimum, no chief count: collective.reps.* refuse those with a citation. */
export const MemberSchema = z.object({
  name: text,
  post: z.string().optional(),
  chief: z.boolean(),
  external: z.boolean(),
});
export type Member = z.infer<typeof MemberSchema>;
export const NameRepresentativesSchema = z.object({
  type: z.literal('NAME_REPRESENTATIVES'),
  side: SideSchema,
  members: z.array(MemberSchema),
  chiefBasis: z.string().optional(),
});
export const AppointRecorderSchema = z.object({ type: z.literal('APPOINT_RECORDER'), name: text });
export const ReportVacancySchema = z.object({
  type: z.literal('REPORT_VACANCY'),
  side: SideSchema,
  name: text,
  reason: z.string().optional(),
});
export const StartConsultationSchema = z.object({ type: z.literal('START_CONSULTATION') });
export const ResumeSchema = z.object({ type: z.literal('RESUME') });
export const ReviewApprovedSchema = z.object({ type: z.literal('REVIEW_APPROVED') });
export const AcceptCoordinationSchema = z.object({ type: z.literal('ACCEPT_COORDINATION') });
export const RenewSchema = z.object({ type: z.literal('RENEW'), title: z.string().trim().min(1).optional() });
export const ExtendCoordinationSchema = z.object({ type: z.literal('EXTEND_COORDINATION'), days: z.number().int().min(1).max(15) });
export const RecordMeetingSchema = z.object({
  type: z.literal('RECORD_MEETING'),
  heldOn: CalendarDateSchema,
  chairSide: SideSchema,
  attendees: z.array(text),
  summary: text,
  agreed: z.array(z.string()).optional(),
  open: z.array(z.string()).optional(),
});

/** Topics are any CCP Art 8 topic, not only the case's: see collective.rules.ts (topics note). */
export const ClauseInputSchema = z.object({
  topic: ClauseTopicSchema,
  text,
  status: ClauseStatusSchema.optional(),
  proposedBy: SideSchema.optional(),
});
export const EditDraftSchema = z.object({ type: z.literal('EDIT_DRAFT'), clauses: z.array(ClauseInputSchema).min(1) });
export const SuspendSchema = z.object({
  type: z.literal('SUSPEND'),
  resumeBy: CalendarDateSchema,
  nextMeeting: z
    .object({ time: z.string().optional(), place: z.string().optional(), agenda: z.string().optional() })
    .optional(),
});
export const RequestCoordinationSchema = z.object({ type: z.literal('REQUEST_COORDINATION'), reason: text });
export const CoordinationConcludedSchema = z.object({
  type: z.literal('COORDINATION_CONCLUDED'),
  result: text,
  openMatters: z.array(z.string()),
});
/** Whether the version exists is collective.draft.exists (422), not a schema question. */
export const DraftAgreedSchema = z.object({ type: z.literal('DRAFT_AGREED'), draftVersion: z.number().int() });
/** Counts are only typed here; their coherence is collective.vote.counts (422). */
export const RecordVoteSchema = z.object({
  type: z.literal('RECORD_VOTE'),
  body: z.enum(['workers_congress', 'all_employees']),
  total: z.number().int().min(1),
  present: count,
  yes: count,
  no: count,
  abstain: count,
  method: z.enum(['secret_ballot', 'show_of_hands']),
  heldOn: CalendarDateSchema,
  presiding: z.string().optional(),
  invalid: count.optional(),
  itemized: z.boolean().optional(),
});
/** termMonths outside 12-36 is accepted with a warning (CCP Art 38 says "generally"). */
export const SignContractSchema = z.object({
  type: z.literal('SIGN_CONTRACT'),
  signedOn: CalendarDateSchema,
  termMonths: z.number().int().min(1).max(120),
  termStart: CalendarDateSchema.optional(),
});
export const SubmitForFilingSchema = z.object({
  type: z.literal('SUBMIT_FOR_FILING'),
  receivedOn: CalendarDateSchema,
  laborBureauId: z.uuid().optional(),
});
export const ReviewObjectionSchema = z.object({ type: z.literal('REVIEW_OBJECTION'), opinion: text, servedOn: CalendarDateSchema });
export const PublishedSchema = z.object({ type: z.literal('PUBLISHED'), on: CalendarDateSchema, method: text });
export const ModifySchema = z.object({ type: z.literal('MODIFY'), ground: text });
/**
 * `ground` is a string here so that an unknown ground is refused by collective.rescind.ground
 * with its citation (422) rather than as a malformed body; the Art 40 values are listed.
 */
export const RescindSchema = z.object({
  type: z.literal('RESCIND'),
  ground: z.string().min(1).describe(`one of ${RESCISSION_GROUNDS.join(', ')} (CCP Art 40)`),
  agreedByBothSides: z.literal(true),
});
export const WithdrawnSchema = z.object({ type: z.literal('WITHDRAWN'), reason: z.string().optional() });

const clientSchemas = [
  SendRequestSchema, ResponseSchema, EscalateSchema, AbandonSchema, NameRepresentativesSchema,
  AppointRecorderSchema, ReportVacancySchema, StartConsultationSchema, ResumeSchema, ReviewApprovedSchema,
  AcceptCoordinationSchema, RenewSchema, ExtendCoordinationSchema, RecordMeetingSchema, EditDraftSchema,
  SuspendSchema, RequestCoordinationSchema, CoordinationConcludedSchema, DraftAgreedSchema, RecordVoteSchema,
  SignContractSchema, SubmitForFilingSchema, ReviewObjectionSchema, PublishedSchema, ModifySchema,
  RescindSchema, WithdrawnSchema,
] as const;

/**
 * Every event a request body may carry. DEADLINE_ELAPSED is included so that a user sending it
 * gets the 403 of domain.md §5 (maySend refuses it) instead of a 400 for an unknown type.
 */
export const CollectiveEventSchema = z.discriminatedUnion('type', [...clientSchemas, DeadlineElapsedSchema]);
export type CollectiveEvent = z.infer<typeof CollectiveEventSchema>;

export const collectiveEventTypes: readonly CollectiveEvent['type'][] = CollectiveEventSchema.options.map(
  (schema) => schema.shape.type.value,
);

/**
 * What the machine receives. The service adds `reviewDueOn` (the statutory calendar's due date of
 * collective.review) to SUBMIT_FOR_FILING; a client cannot send it (the client schema strips it).
 */
export type SubmitForFilingInput = z.infer<typeof SubmitForFilingSchema> & { reviewDueOn?: string };
export type CollectiveMachineEvent = Envelope<Exclude<CollectiveEvent, { type: 'SUBMIT_FOR_FILING' }> | SubmitForFilingInput>;
export type EventOf<T extends CollectiveMachineEvent['type']> = Extract<CollectiveMachineEvent, { type: T }>;
