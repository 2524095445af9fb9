/**
 * Organization ids inside case events (audit.md O1, O2), as pure data: which payload field of
 * which event names an organization, of what kind, and whether it may replace the one the case
 * already names. The service looks the ids up; machines never do I/O.
 */

export type OrganizationKind = 'mediation_committee' | 'union' | 'employer' | 'labor_bureau' | 'arbitration_commission' | 'audit_office';

export interface OrganizationField {
  /** The kind the named organization must be (audit.md O1's table). */
  kind: OrganizationKind;
  /**
   * The case (context) field this id fills and which, once set, may not be replaced: the event's
   * id must then equal it (audit.md O2: a case's bureau is not replaced). Unset: the event may
   * name another organization (a new committee on APPLY_MEDIATION).
   */
  keeps?: string;
}

/** Per event type, the payload fields holding organization ids. */
export type EventOrganizationFields = Readonly<Record<string, Readonly<Record<string, OrganizationField>>>>;
