import path from 'node:path';
import express, { type Router } from 'express';
import { z } from 'zod';
import { ping } from '../../db/knex';
import type { AppDeps } from '../deps';
import { openApiDocument, type RouteSpec } from '../route';

/** Health, the OpenAPI document and the /docs page: public, no token. */
export function systemRoutes(deps: AppDeps, allRoutes: () => RouteSpec[]): RouteSpec[] {
  const health: RouteSpec['handler'] = async (_req, res) => {
    if (await ping(deps.db)) res.json({ status: 'ok' });
    else res.status(503).json({ status: 'unavailable' });
  };
  return [
    {
      method: 'get', path: '/healthz', operationId: 'getHealth', tag: 'System', public: true,
      summary: 'Health: 200 when the database answers',
      response: { status: 200, description: 'Healthy', schema: z.object({ status: z.literal('ok') }) },
      alsoResponses: [{ status: 503, description: 'The database does not answer', schema: z.object({ status: z.literal('unavailable') }) }],
      errors: [], handler: health,
    },
    {
      method: 'get', path: '/api/v1/healthz', operationId: 'getHealthV1', tag: 'System', public: true,
      summary: 'Health under the API prefix (same as /healthz)',
      response: { status: 200, description: 'Healthy', schema: z.object({ status: z.literal('ok') }) },
      alsoResponses: [{ status: 503, description: 'The database does not answer', schema: z.object({ status: z.literal('unavailable') }) }],
      errors: [], handler: health,
    },
    {
      method: 'get', path: '/openapi.json', operationId: 'getOpenApi', tag: 'System', public: true,
      summary: 'This API as OpenAPI 3.1, generated from the zod schemas',
      response: { status: 200, description: 'OpenAPI document', schema: z.record(z.string(), z.unknown()) }, errors: [],
      handler: (_req, res) => {
        res.json(openApiDocument(allRoutes()));
      },
    },
    {
      method: 'get', path: '/docs', operationId: 'getDocs', tag: 'System', public: true,
      summary: 'Interactive API documentation (Swagger UI)',
      response: { status: 200, description: 'HTML page', contentType: 'text/html' }, errors: [],
      handler: (_req, res) => {
        res.type('html').send(DOCS_PAGE);
      },
    },
  ];
}

/** Swagger UI's static files, served from the npm package (no CDN: the service may run offline). */
export function docsAssets(): Router {
  const dir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  return express.static(dir, { index: false }) as unknown as Router;
}

const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Labor case engine API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body></html>`;

export const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', persistAuthorization: true });`;
