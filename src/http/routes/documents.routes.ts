import { z } from 'zod';
import { DocumentRequestSchema, documentView, generateDocument, listCaseDocuments, readDocument } from '../../services/documents.service';
import type { AppDeps } from '../deps';
import { defineRoute, type RouteSpec } from '../route';

const DocumentSchema = z.object({
  id: z.uuid(), type: z.string(), locale: z.string(), sourceSeq: z.number().int(), sha256: z.string(),
  size: z.number().int(), filename: z.string(), createdAt: z.string(), url: z.string(),
});

export function documentRoutes(deps: AppDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/api/v1/cases/:id/documents', operationId: 'generateDocument', tag: 'Documents',
      summary: 'Generate an official document (PDF) from the recorded case data; the same document again returns the stored one',
      body: DocumentRequestSchema,
      response: { status: 201, description: 'The stored document', schema: DocumentSchema },
      alsoResponses: [{ status: 200, description: 'The same document existed already: its stored record', schema: DocumentSchema }],
      errors: [400, 403, 404, 413, 422, 500],
      handler: async ({ params, body, user }, res) => {
        const { document, created } = await generateDocument(deps.db, user, params.id, body, deps.clock());
        res.status(created ? 201 : 200).json(documentView(document));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/cases/:id/documents', operationId: 'listCaseDocuments', tag: 'Documents',
      summary: "The case's generated documents", response: { status: 200, description: 'Documents', schema: z.object({ items: z.array(DocumentSchema) }) }, errors: [404],
      handler: async ({ params, user }, res) => {
        res.json({ items: await listCaseDocuments(deps.db, user, params.id) });
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/documents/:id', operationId: 'getDocument', tag: 'Documents',
      summary: 'A stored document as PDF, with a readable filename',
      response: { status: 200, description: 'The PDF', contentType: 'application/pdf', headers: ['Content-Disposition', 'ETag'] }, errors: [404, 500],
      handler: async ({ params, user }, res) => {
        const { document, bytes } = await readDocument(deps.db, user, params.id);
        res.attachment(document.filename);
        res.setHeader('ETag', `"${document.sha256}"`);
        res.type('application/pdf').send(bytes);
      },
    }),
  ];
}
