import type { RequestHandler, Response } from 'express';
import type { Knex } from 'knex';
import { DEMO_TOKENS } from '../services/demo.seed';
import { authenticate, type User } from '../services/people.service';
import { AppError, Forbidden, RateLimited, Unauthenticated } from '../services/errors';
import { clientAddress } from './client-address';
import { TokenBuckets } from './rate-limit';

export interface TokenCheckOptions {
  /** Requests per minute per token (api.md `RATE_LIMIT_PER_MINUTE`); 0: off. */
  perMinute: number;
  /** Failed authentications per minute per client address, burst the same (audit.md T7); 0: off. */
  authFailuresPerMinute: number;
  /** Whether the demo's well-known tokens may authenticate (audit.md S5). */
  demoMode: boolean;
  /** The service's one clock (architecture.md): buckets refill by it, so tests that pin it are exact. */
  clock: () => Date;
}

/** audit.md T7: the 429 of an address that failed to authenticate too often. */
class TooManyAuthFailures extends AppError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', 'Too many failed authentications from this address; try again later.', { retryAfterSeconds });
  }
}

/**
 * Resolves `Authorization: Bearer <token>` to a user (401 otherwise) and applies the rate limits.
 * An address whose failure bucket is empty is refused before its token is looked at, so that a
 * valid token cannot be told from an invalid one by guessing on (T7).
 */
export function requireToken(db: Knex, options: TokenCheckOptions): RequestHandler {
  const perToken = new TokenBuckets(options.perMinute, Math.min(200, Math.max(options.perMinute, 1)));
  const failures = new TokenBuckets(options.authFailuresPerMinute, options.authFailuresPerMinute);
  const refusedTokens = new Set(options.demoMode ? [] : DEMO_TOKENS);
  return async (req, res, next) => {
    const address = clientAddress(req);
    const blocked = failures.wait(address, options.clock().getTime());
    if (blocked > 0) throw new TooManyAuthFailures(Math.ceil(blocked / 1000));

    const refuse = (challenge: string) => {
      failures.take(address, options.clock().getTime());
      // S4: one body for every failure; the challenge only says whether a token was offered at all.
      res.setHeader('WWW-Authenticate', challenge);
      return new Unauthenticated();
    };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    if (!match) throw refuse('Bearer');
    // Outside demo mode a database seeded by an earlier demo start still holds these (S5).
    const found = refusedTokens.has(match[1]) ? undefined : await authenticate(db, match[1]);
    if (!found) throw refuse('Bearer error="invalid_token"');

    const wait = perToken.take(found.tokenId, options.clock().getTime());
    if (wait > 0) throw new RateLimited(Math.ceil(wait / 1000));
    res.locals.user = found.user;
    res.locals.tokenId = found.tokenId;
    next();
  };
}

export function currentUser(res: Response): User {
  return res.locals.user as User;
}

export function tokenId(res: Response): string {
  return res.locals.tokenId as string;
}

export function requireAdmin(res: Response): User {
  const user = currentUser(res);
  if (user.role !== 'admin') throw new Forbidden('Only an administrator may do this.');
  return user;
}
