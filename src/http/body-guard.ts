import type { RequestHandler } from 'express';
import { ValidationError } from '../services/errors';

/** Deeper than any payload of the API; deeper bodies are refused before anything walks them. */
const MAX_DEPTH = 32;

/**
 * Text PostgreSQL cannot store faithfully fails deep in the database as a 500 (jsonb refuses
 * U+0000 and lone surrogates; text columns turn a lone surrogate into U+FFFD). Refuse it here,
 * in the body and in the query string, with the path of the offending field; and refuse bodies
 * nested deeper than any payload of the API could be.
 */
export const refuseUnstorableText: RequestHandler = (req, _res, next) => {
  for (const [root, value] of [['(body)', req.body], ['(query)', req.query]] as const) {
    const problem = findProblem(value);
    if (problem) throw new ValidationError(problem.message, [{ path: problem.path.join('.') || root, message: problem.message }]);
  }
  next();
};

// A lone (unpaired) UTF-16 surrogate: a string that is not well-formed Unicode.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'Text may not contain the NUL character (U+0000).';
  if (LONE_SURROGATE.test(text)) return 'Text must be well-formed Unicode (no lone surrogate).';
  return undefined;
}

/** Iterative walk (no recursion, so no stack overflow on hostile nesting). */
function findProblem(root: unknown): { path: (string | number)[]; message: string } | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (path.length > MAX_DEPTH) return { path: path.slice(0, MAX_DEPTH), message: `The body is nested deeper than ${MAX_DEPTH} levels.` };
    if (typeof value === 'string') {
      const message = textProblem(value);
      if (message) return { path, message };
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const message = textProblem(key);
        if (message) return { path: [...path, key], message };
        stack.push({ value: item, path: [...path, Array.isArray(value) ? Number(key) : key] });
      }
    }
  }
  return undefined;
}
