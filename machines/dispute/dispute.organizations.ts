import type { EventOrganizationFields } from '../shared/organizations';

/**
 * Organization ids in dispute event payloads (audit.md O1). APPLY_MEDIATION's committee becomes
 * the case's committee (O2), so it has no `keeps`. The commission fields are listed whether or not
 * the event schema carries them yet: a field the schema strips is never looked up.
 */
export const disputeOrganizationFields: EventOrganizationFields = {
  APPLY_MEDIATION: { mediationCommitteeId: { kind: 'mediation_committee' } },
  REFER_TO_ARBITRATION: { commissionId: { kind: 'arbitration_commission' } },
  ARBITRATION_FILED: { commissionId: { kind: 'arbitration_commission' } },
};
