import type { ErrorRequestHandler, Response } from 'express';
import { AppError } from '../services/errors';

/** The one table from error code to HTTP status (api.md, Errors). */
const STATUS: Record<string, [number, string]> = {
  VALIDATION_FAILED: [400, 'Validation failed'],
  UNAUTHENTICATED: [401, 'Unauthenticated'],
  FORBIDDEN: [403, 'Forbidden'],
  NOT_FOUND: [404, 'Not found'],
  EVENT_NOT_ALLOWED: [409, 'Event not allowed in this state'],
  OUT_OF_ORDER: [409, 'Event out of order'],
  VERSION_MISMATCH: [412, 'Version mismatch'],
  PAYLOAD_TOO_LARGE: [413, 'Payload too large'],
  RULE_VIOLATION: [422, 'Rejected by a legal rule'],
  IDEMPOTENCY_KEY_REUSED: [422, 'Idempotency key reused'],
  DOCUMENT_NOT_APPLICABLE: [422, 'Document not applicable'],
  INVALID_ORGANIZATION: [422, 'Invalid organization'],
  RATE_LIMITED: [429, 'Too many requests'],
  INTEGRITY_FAILURE: [500, 'Integrity failure'],
  INTERNAL: [500, 'Internal error'],
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  [extra: string]: unknown;
}

export function problemOf(err: AppError): Problem {
  const [status, title] = STATUS[err.code] ?? STATUS.INTERNAL;
  return { type: `https://labor-case-engine.example/problems/${err.code.toLowerCase().replace(/_/g, '-')}`, title, status, code: err.code, detail: err.message, ...err.extra };
}

export function sendProblem(res: Response, problem: Problem): void {
  if (problem.code === 'RATE_LIMITED' && typeof problem.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(problem.retryAfterSeconds));
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** Body-parser failures, typed errors and anything unexpected: never a stack trace to the client. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (err instanceof AppError) {
    // Stored data failing its check is an operator's emergency: the server log names the record.
    if (err.code === 'INTEGRITY_FAILURE') console.error(`[${req.method} ${req.originalUrl}] integrity failure: ${err.message}`, err.extra);
    return sendProblem(res, problemOf(err));
  }
  const type = (err as { type?: string })?.type;
  if (type === 'entity.too.large') return sendProblem(res, problemOf(new AppError('PAYLOAD_TOO_LARGE', 'The request body is larger than 1 MiB.')));
  if (type === 'entity.parse.failed') {
    return sendProblem(res, problemOf(new AppError('VALIDATION_FAILED', 'The request body is not valid JSON.', { issues: [{ path: '(body)', message: 'malformed JSON' }] })));
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported' || (err as { status?: number })?.status === 400) {
    return sendProblem(res, problemOf(new AppError('VALIDATION_FAILED', 'The request body could not be read.', { issues: [] })));
  }
  console.error(`[${req.method} ${req.originalUrl}]`, err);
  return sendProblem(res, problemOf(new AppError('INTERNAL', 'An internal error occurred; it has been logged.')));
};
