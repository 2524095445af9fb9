/**
 * Typed errors of the service layer. `src/http/problem.ts` maps each to its status and code in
 * one table; nothing else decides HTTP statuses.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, issues: { path: string; message: string }[] = []) {
    super('VALIDATION_FAILED', message, { issues });
  }
}
export class Unauthenticated extends AppError {
  constructor() {
    super('UNAUTHENTICATED', 'A valid bearer token is required.');
  }
}
export class Forbidden extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}
export class NotFound extends AppError {
  constructor(what = 'resource') {
    super('NOT_FOUND', `No such ${what}.`);
  }
}
export class EventNotAllowed extends AppError {
  constructor(type: string, state: string, accepted: string[]) {
    super('EVENT_NOT_ALLOWED', `The case in state ${state} does not accept ${type}.`, { state, accepted });
  }
}
export class OutOfOrder extends AppError {
  constructor(latest: { seq: number; occurredAt: string }) {
    super('OUT_OF_ORDER', `occurredAt is before the case's latest event (seq ${latest.seq} at ${latest.occurredAt}).`, { latest });
  }
}
export class VersionMismatch extends AppError {
  constructor(currentVersion: number) {
    super('VERSION_MISMATCH', `If-Match does not match the case's current version ${currentVersion}.`, { currentVersion });
  }
}
export class RuleViolation extends AppError {
  constructor(rule: string, citation: string, description: string) {
    super('RULE_VIOLATION', `${description} (${citation})`, { rule, citation });
  }
}
export class IdempotencyKeyReused extends AppError {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request body.');
  }
}
export class DocumentNotApplicable extends AppError {
  constructor(message: string) {
    super('DOCUMENT_NOT_APPLICABLE', message);
  }
}
export class RateLimited extends AppError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', 'Too many requests from this token; slow down.', { retryAfterSeconds });
  }
}
/** An organization id inside an event that names no organization of the field's kind (audit.md O1, O2). */
export class InvalidOrganization extends AppError {
  constructor(field: string, organizationId: unknown, message?: string) {
    super('INVALID_ORGANIZATION', message ?? `${field} does not name an organization of the kind this field needs.`, { field, organizationId });
  }
}
/**
 * Stored data failed its integrity check (audit.md H3, F3): never served as if it were sound.
 * `check` names the failed check; `caseId` or `documentId` the record.
 */
export class IntegrityFailure extends AppError {
  constructor(check: string, target: { caseId?: string; documentId?: string }, message: string) {
    super('INTEGRITY_FAILURE', message, { check, ...target });
  }
}
