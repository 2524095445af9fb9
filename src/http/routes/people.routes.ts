import type { Knex } from 'knex';
import { z } from 'zod';
import { createOrganization, createUser, me, OrganizationInputSchema, organizationsFor, UserInputSchema } from '../../services/people.service';
import { requireAdmin } from '../auth';
import { defineRoute, type RouteSpec } from '../route';
import { MeSchema, OrganizationSchema, UserSchema } from '../schemas';

export function peopleRoutes(db: Knex): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/api/v1/organizations', operationId: 'createOrganization', tag: 'People',
      summary: 'Create an organization (admin)', body: OrganizationInputSchema,
      response: { status: 201, description: 'The organization', schema: OrganizationSchema }, errors: [400, 403, 413],
      handler: async ({ body }, res) => {
        requireAdmin(res);
        res.status(201).json(await createOrganization(db, body));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/organizations', operationId: 'listOrganizations', tag: 'People',
      summary: 'List the organizations the caller may see (all for admins and auditors; otherwise public bodies, their own and those of their cases)',
      response: { status: 200, description: 'Organizations', schema: z.object({ items: z.array(OrganizationSchema) }) }, errors: [],
      handler: async ({ user }, res) => {
        res.json({ items: await organizationsFor(db, user) });
      },
    }),
    defineRoute({
      method: 'post', path: '/api/v1/users', operationId: 'createUser', tag: 'People',
      summary: 'Create a user and their token (admin); the token is shown once', body: UserInputSchema,
      response: { status: 201, description: 'The user with their token', schema: UserSchema.extend({ token: z.string() }) }, errors: [400, 403, 413],
      handler: async ({ body }, res) => {
        requireAdmin(res);
        res.status(201).json(await createUser(db, body));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/me', operationId: 'getMe', tag: 'People',
      summary: "The caller's user, role and organization", response: { status: 200, description: 'The caller', schema: MeSchema }, errors: [],
      handler: async ({ user }, res) => {
        res.json(await me(db, user));
      },
    }),
  ];
}
