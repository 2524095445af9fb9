import type { RequestHandler } from 'express';
import { ValidationError } from '../services/errors';

/**
 * PostgreSQL text and jsonb cannot hold U+0000: a body carrying one would fail deep in the
 * database as a 500. Refuse it here, with the path of the offending field.
 */
export const refuseNulCharacters: RequestHandler = (req, _res, next) => {
  const path = nulPath(req.body, []);
  if (path) throw new ValidationError('Text may not contain the NUL character (U+0000).', [{ path: path.join('.') || '(body)', message: 'contains U+0000' }]);
  next();
};

function nulPath(value: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, [...path, i]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = key.includes('\u0000') ? [...path, key] : nulPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
