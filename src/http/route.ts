import type { Request, Response, Router } from 'express';
import { z, type ZodType } from 'zod';

/**
 * One declaration per operation serves both Express and the OpenAPI document, so the
 * documentation is generated from the same zod schemas that validate requests.
 */
export interface RouteSpec {
  method: 'get' | 'post';
  /** Express path, e.g. `/api/v1/cases/:id`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  public?: boolean;
  body?: ZodType;
  query?: ZodType;
  headers?: { name: string; description: string; schema: ZodType }[];
  response: { status: number; description: string; schema?: ZodType; contentType?: string; headers?: string[] };
  /** Other non-error answers (e.g. 200 for a document that existed already, 503 when unhealthy). */
  alsoResponses?: { status: number; description: string; schema?: ZodType }[];
  errors: number[];
  handler: (req: Request, res: Response) => Promise<void> | void;
}

export function mount(router: Router, routes: RouteSpec[]): void {
  for (const route of routes) router[route.method](route.path, route.handler);
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Validation failed', 401: 'Missing or unknown token', 403: 'The role may not do this', 404: 'Not found',
  409: 'Not allowed in the current state, or out of order', 412: 'If-Match does not match the version',
  413: 'Body over 1 MiB', 422: 'Rejected by a rule', 429: 'Rate limited',
  500: 'Stored data failed its integrity check (INTEGRITY_FAILURE), or an internal error',
};

const ProblemSchema = z.object({
  type: z.string(), title: z.string(), status: z.number().int(), code: z.string(), detail: z.string(),
}).catchall(z.unknown());

function jsonSchema(schema: ZodType, io: 'input' | 'output') {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as Record<string, unknown>;
  return rest;
}

/** OpenAPI 3.1 document of every route. */
export function openApiDocument(routes: RouteSpec[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const oaPath = r.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [
      ...[...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: pathParamSchema(m[1]) })),
      ...queryParameters(r.query),
      ...(r.headers ?? []).map((h) => ({ name: h.name, in: 'header', required: false, description: h.description, schema: jsonSchema(h.schema, 'input') })),
    ];
    const success: Record<string, unknown> = { description: r.response.description };
    if (r.response.schema) success.content = { [r.response.contentType ?? 'application/json']: { schema: jsonSchema(r.response.schema, 'output') } };
    else if (r.response.contentType) success.content = { [r.response.contentType]: { schema: { type: 'string', format: 'binary' } } };
    if (r.response.headers?.length) success.headers = Object.fromEntries(r.response.headers.map((h) => [h, { description: h, schema: { type: 'string' } }]));
    const errors = [...new Set([...(r.public ? [] : [401, 429]), ...r.errors])].sort();
    paths[oaPath] ??= {};
    paths[oaPath][r.method] = {
      operationId: r.operationId,
      summary: r.summary,
      tags: [r.tag],
      ...(r.public ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } } : {}),
      responses: {
        [String(r.response.status)]: success,
        ...Object.fromEntries((r.alsoResponses ?? []).map((a) => [String(a.status), { description: a.description, ...(a.schema ? { content: { 'application/json': { schema: jsonSchema(a.schema, 'output') } } } : {}) }])),
        ...Object.fromEntries(errors.map((s) => [String(s), { description: ERROR_TEXT[s] ?? 'Error', content: { 'application/problem+json': { schema: jsonSchema(ProblemSchema, 'output') } } }])),
      },
    };
  }
  const tags = [...new Set(routes.map((r) => r.tag))].map((name) => ({ name, description: `${name} operations` }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Labor case engine API',
      version: '1.0.0',
      description: 'Labor-dispute and collective-consultation cases carried by the law, step by step.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/' }],
    tags,
    security: [{ bearerAuth: [] }],
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}

/** Ids are UUIDs; versions are whole numbers; a kind is one of the machines. */
function pathParamSchema(name: string): Record<string, unknown> {
  if (name === 'id') return { type: 'string', format: 'uuid' };
  if (name === 'version' || name === 'a' || name === 'b') return { type: 'integer', minimum: 1 };
  if (name === 'kind') return { type: 'string', enum: ['dispute', 'collective'] };
  return { type: 'string' };
}

function queryParameters(schema: ZodType | undefined) {
  if (!schema) return [];
  const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: js.required?.includes(name) ?? false, schema: s }));
}
