/**
 * The dispute creation body (api.md "Cases", without `kind` and `occurredAt`). Its parsed output,
 * plus `openedAt`, is the machine's input. Unknown keys are stripped, not refused, so the
 * service may parse the whole request body with `kind` still in it.
 */
import { z } from 'zod';
import { AmountSchema, CalendarDateSchema } from '../shared/case-event';
import { isCreditCode, isResidentId } from '../shared/identifiers';

/** LDMAL Art 2 dispute types (domain.md §2). */
export const CLAIM_TYPES = [
  'labor_relationship',
  'contract',
  'dismissal',
  'working_time_leave',
  'social_insurance',
  'welfare_training_protection',
  'unpaid_wages',
  'overtime_pay',
  'work_injury_medical',
  'economic_compensation',
  'damages',
  'other',
] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/** Claims a payment order may enforce (LDMAL Art 16). */
export const MONETARY_CLAIM_TYPES: readonly ClaimType[] = [
  'unpaid_wages',
  'overtime_pay',
  'work_injury_medical',
  'economic_compensation',
  'damages',
];

export const CHANNELS = ['walk_in', 'written', 'online', 'hotline', 'referral'] as const;
export const DISPUTE_FLAGS = ['collective', 'migrantWorker', 'newEmploymentForm', 'wageArrears'] as const;
export const ROUTES = ['consultation', 'mediation'] as const;

const Text = z.string().trim().min(1);

export const ClaimSchema = z.object({
  type: z.enum(CLAIM_TYPES),
  amount: AmountSchema.optional(),
  description: Text,
});
export type Claim = z.infer<typeof ClaimSchema>;

export const ApplicantSchema = z.object({
  name: Text,
  idNumber: z
    .string()
    .regex(/^\d{17}[\dX]$/, 'must be 17 digits followed by a digit or upper-case X')
    .refine(isResidentId, {
      message: 'must be an 18-character resident ID with a valid birth date and check character (upper-case X)',
    })
    .optional(),
  phone: Text.optional(),
  address: Text.optional(),
  /** Number of workers the applicant stands for (10+ with a common claim: LDMAL Art 7). */
  workers: z.number().int().min(1).optional(),
});
export type Applicant = z.infer<typeof ApplicantSchema>;

export const RespondentSchema = z.object({
  name: Text,
  creditCode: z
    .string()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'must be 18 characters of 0-9 and A-Y without I, O, S, V, Z')
    .refine(isCreditCode, { message: 'must be an 18-character unified social credit code with a valid check character' })
    .optional(),
  address: Text.optional(),
  legalRepresentative: Text.optional(),
});
export type Respondent = z.infer<typeof RespondentSchema>;

export const openSchema = z
  .object({
    route: z.enum(ROUTES),
    channel: z.enum(CHANNELS),
    receivedOn: CalendarDateSchema,
    applicant: ApplicantSchema,
    respondent: RespondentSchema,
    claims: z.array(ClaimSchema).min(1),
    facts: Text,
    /** The day the worker knew or should have known of the infringement (limitation start). */
    knewOn: CalendarDateSchema.optional(),
    employmentEndedOn: CalendarDateSchema.optional(),
    flags: z.array(z.enum(DISPUTE_FLAGS)).optional(),
    mediationCommitteeId: z.uuid().optional(),
    employerOrganizationId: z.uuid().optional(),
    unionOrganizationId: z.uuid().optional(),
    /**
     * Rule-pack switches for effects resting on unverified sources (domain.md: "(U)"), set by the
     * service from the case's pinned pack, never by a client. Absent: the national defaults (on).
     */
    settings: z
      .object({ consultationTermDeemedFailure: z.boolean().optional(), mediationTermDeemedFailure: z.boolean().optional() })
      .optional(),
  })
  .refine((body) => body.knewOn === undefined || body.knewOn <= body.receivedOn, {
    path: ['knewOn'],
    message: 'knewOn may not be after receivedOn: the applicant cannot apply before knowing of the dispute',
  });
export type DisputeOpenBody = z.infer<typeof openSchema>;

/** What the machine is created with: the parsed body plus the instant the case was opened. */
export type DisputeInput = DisputeOpenBody & { openedAt: string };
