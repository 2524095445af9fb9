import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { z, type ZodType } from 'zod';
import type { User } from '../services/people.service';
import { parseOrThrow } from '../services/event-input';

/** What `mount()` hands a handler: the request's parts, each parsed by its declared schema. */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The authenticated caller (undefined on public routes). */
  user: User;
  req: Request;
}

/**
 * One declaration per operation serves Express, validation and the OpenAPI document, so what is
 * documented is what is enforced: `mount()` parses params, query and body with these schemas
 * (400 VALIDATION_FAILED before the handler runs) and the handler's response is typed by the
 * response schema.
 */
export interface RouteSpec<P = any, Q = any, B = any, R = any> {
  method: 'get' | 'post';
  /** Express path, e.g. `/api/v1/cases/:id`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  public?: boolean;
  /** Path parameters; default: each one a string. */
  params?: ZodType<P>;
  body?: ZodType<B>;
  /**
   * Parses the body instead of `body` when one schema cannot (an event is parsed by its case
   * kind's schema); `body` still documents it.
   */
  parseBody?: (raw: unknown) => B;
  /** api.md: a malformed body is 400 before the token is looked at (401) and the resource (404). */
  bodyBeforeAuth?: boolean;
  query?: ZodType<Q>;
  headers?: { name: string; description: string; schema: ZodType }[];
  response: { status: number; description: string; schema?: ZodType<R>; contentType?: string; headers?: string[] };
  /** Other non-error answers (e.g. 200 for a document that existed already, 503 when unhealthy). */
  alsoResponses?: { status: number; description: string; schema?: ZodType }[];
  errors: number[];
  handler: (input: RouteInput<P, Q, B>, res: Response<R>) => Promise<void> | void;
}

/** Declares a route with its types inferred from its schemas (lists hold the erased `RouteSpec`). */
export function defineRoute<P = Record<string, string>, Q = Record<string, unknown>, B = undefined, R = unknown>(spec: RouteSpec<P, Q, B, R>): RouteSpec {
  return spec as RouteSpec;
}

const PARSED_BODY = 'parsedBody';

function parseBodyOf(route: RouteSpec, req: Request, res: Response) {
  if (PARSED_BODY in res.locals) return res.locals[PARSED_BODY];
  const body = route.parseBody ? route.parseBody(req.body) : route.body ? parseOrThrow(route.body, req.body, 'The request body') : undefined;
  res.locals[PARSED_BODY] = body;
  return body;
}

const pathParams = (path: string) => z.object(Object.fromEntries([...path.matchAll(/:(\w+)/g)].map((m) => [m[1], z.string()])));

/** Mounts each route: its request parsed by its declaration, then its handler. */
export function mount(router: Router, routes: RouteSpec[]): void {
  for (const route of routes) {
    const params = route.params ?? pathParams(route.path);
    router[route.method](route.path, async (req: Request, res: Response, next: NextFunction) => {
      try {
        const input: RouteInput<unknown, unknown, unknown> = {
          params: parseOrThrow(params, req.params, 'The path', '(path)'),
          query: route.query ? parseOrThrow(route.query, req.query, 'The query', '(query)') : req.query,
          body: parseBodyOf(route, req, res),
          user: res.locals.user,
          req,
        };
        await route.handler(input, res);
      } catch (err) {
        next(err);
      }
    });
  }
}

/** For routes that promise `bodyBeforeAuth`: their body is parsed (once) before authentication. */
export function mountEarlyBodies(router: Router, routes: RouteSpec[]): void {
  for (const route of routes.filter((r) => r.bodyBeforeAuth)) {
    const early: RequestHandler = (req, res, next) => {
      parseBodyOf(route, req, res);
      next();
    };
    router[route.method](route.path, early);
  }
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
