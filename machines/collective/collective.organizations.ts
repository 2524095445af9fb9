import type { EventOrganizationFields } from '../shared/organizations';

/**
 * Organization ids in collective event payloads (audit.md O1). The bureau named at opening (or by
 * the first SUBMIT_FOR_FILING) stays the case's bureau (O2).
 */
export const collectiveOrganizationFields: EventOrganizationFields = {
  SUBMIT_FOR_FILING: { laborBureauId: { kind: 'labor_bureau', keeps: 'laborBureauId' } },
};
