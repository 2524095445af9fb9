import express, { type Express, Router } from 'express';
import { NotFound } from '../services/errors';
import { requireToken } from './auth';
import { securityHeaders } from './security-headers';
import { trustProxySetting } from '../config/trust-proxy';
import { refuseUnstorableText } from './body-guard';
import { errorHandler } from './problem';
import { mount, mountEarlyBodies, type RouteSpec } from './route';
import { caseRoutes } from './routes/cases.routes';
import { machineRoutes } from './routes/machines.routes';
import { peopleRoutes } from './routes/people.routes';
import { docsAssets, DOCS_INIT, systemRoutes } from './routes/system.routes';
import { clockRoutes } from './routes/clock.routes';
import { draftRoutes } from './routes/drafts.routes';
import { documentRoutes } from './routes/documents.routes';
import { machineMigrationRoutes } from './routes/machine-migration.routes';
import type { AppDeps } from './deps';

export type { AppDeps };

/** The HTTP app: thin routes over the services, one error mapping, no stack traces out. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  if (deps.trustProxy !== undefined) app.set('trust proxy', trustProxySetting(deps.trustProxy));
  app.use(securityHeaders);
  app.use(express.json({ limit: '1mb', strict: false, type: ['application/json', 'application/*+json'] }));
  app.use(refuseUnstorableText);

  const { publicRoutes, protectedRoutes } = appRoutes(deps);

  const open = Router();
  mount(open, publicRoutes);
  // api.md's order: a malformed event is 400 before the token is looked at (401) and the case (404).
  mountEarlyBodies(open, protectedRoutes);
  open.get('/docs/init.js', (_req, res) => void res.type('application/javascript').send(DOCS_INIT));
  open.use('/docs/assets', docsAssets());
  app.use(open);

  const api = Router();
  api.use('/api/v1', requireToken(deps.db, { perMinute: deps.rateLimitPerMinute, authFailuresPerMinute: deps.authFailuresPerMinute ?? 60, demoMode: deps.demoMode ?? false, clock: deps.clock }));
  mount(api, protectedRoutes);
  app.use(api);

  app.use(() => {
    throw new NotFound('route');
  });
  app.use(errorHandler);
  return app;
}

/** Every route of the app, public and behind a token (also what the response-schema test walks). */
export function appRoutes(deps: AppDeps): { publicRoutes: RouteSpec[]; protectedRoutes: RouteSpec[] } {
  const protectedRoutes = [...peopleRoutes(deps.db), ...caseRoutes(deps), ...draftRoutes(deps), ...documentRoutes(deps), ...machineRoutes(deps), ...machineMigrationRoutes(deps), ...clockRoutes(deps)];
  const publicRoutes = systemRoutes(deps, () => all);
  const all: RouteSpec[] = [...publicRoutes, ...protectedRoutes];
  return { publicRoutes, protectedRoutes };
}
