import type { RequestHandler, Response } from 'express';
import type { Knex } from 'knex';
import type { User } from '../repositories/people.repository';
import { authenticate } from '../services/people.service';
import { Forbidden, RateLimited, Unauthenticated } from '../services/errors';
import { TokenBuckets } from './rate-limit';

/** Resolves `Authorization: Bearer <token>` to a user (401 otherwise) and applies the rate limit. */
export function requireToken(db: Knex, perMinute: number): RequestHandler {
  const buckets = new TokenBuckets(perMinute, Math.min(200, Math.max(perMinute, 1)));
  return async (req, res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    const found = match ? await authenticate(db, match[1]) : undefined;
    if (!found) throw new Unauthenticated();
    const wait = buckets.take(found.tokenId, Date.now());
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
