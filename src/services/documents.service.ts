import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { z } from 'zod';
import { DOCUMENT_TYPES, TEMPLATES, appliesTo, prepareDocument, type DocumentType, type Orgs } from '../../templates';
import { renderPdf } from '../pdf/render';
import { caseDocuments, documentBytes, findDocument, findSameDocument, insertDocument, type DocumentRecord } from '../repositories/documents.repository';
import { findOrganizations, findUsers, type User } from '../repositories/people.repository';
import { caseDeadlines } from '../repositories/deadlines.repository';
import { actorOf, mayAct, notActing, seesEverything } from './access';
import { visibleCase } from './case-queries';
import { DocumentNotApplicable, Forbidden, NotFound } from './errors';
import { isUuid, parseOrThrow } from './event-input';
import { sha256Hex } from './hash-chain';
import { chainVerificationOf, historyAsOf } from './verify.service';
import { assertSoundBytes } from './document-integrity';

export const DocumentRequestSchema = z.object({
  type: z.enum(DOCUMENT_TYPES as [DocumentType, ...DocumentType[]]),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  sourceSeq: z.number().int().min(1).optional(),
});

export function documentView(d: DocumentRecord) {
  return { id: d.id, type: d.type, locale: d.locale, sourceSeq: d.sourceSeq, sha256: d.sha256, size: d.size, filename: d.filename, createdAt: d.createdAt.toISOString(), url: `/api/v1/documents/${d.id}` };
}

/**
 * Generates a document from the case's recorded data. Not a case event: it works on closed cases
 * and leaves the history alone. The same data renders to the same bytes, so the same document
 * asked for again is found by its hash and returned (created: false).
 */
/** `now` is the service's clock (architecture.md "One clock"): the record's creation instant. */
export async function generateDocument(db: Knex, user: User, caseId: string, body: unknown, now: Date) {
  const req = parseOrThrow(DocumentRequestSchema, body, 'The document request');
  const row = await visibleCase(db, user, caseId);
  // Auditors and admins read everything and change nothing; the history report is theirs to print.
  if (seesEverything(user) && req.type !== 'case_history') throw new Forbidden(`A ${user.role} may generate only the case history report.`);
  // Everyone else acts only through their role's own party field (audit.md O3).
  if (!seesEverything(user) && !mayAct(user, row)) throw notActing(user);
  if (!appliesTo(req.type, row.kind)) throw new DocumentNotApplicable(`A ${req.type} does not exist for a ${row.kind} case.`);
  const history = await historyAsOf(db, row);
  const deadlines = await caseDeadlines(db, row.id);
  const orgs: Orgs = Object.fromEntries((await findOrganizations(db, row.participants)).map((o) => [o.id, { name: o.name, kind: o.kind, region: o.region }]));
  const prepared = prepareDocument(
    req.type,
    { id: row.id, number: row.number, kind: row.kind, state: row.state, status: row.status, outcome: row.outcome, data: row.snapshot.context },
    history.map(({ caseId: _c, ...e }) => e),
    orgs,
    req.locale,
    {
      sourceSeq: req.sourceSeq,
      limitationDueOn: deadlines.find((d) => d.ruleId === 'dispute.limitation')?.dueOn ?? null,
      deadlines: Object.fromEntries(deadlines.map((d) => [d.ruleId, d.dueOn])),
      // Verified over every stored row, not only those up to the version (audit.md H2).
      verification: req.type === 'case_history' ? await chainVerificationOf(db, row.id) : undefined,
      people: req.type === 'case_history' ? await namesOf(db, history.map((e) => e.actor.id)) : undefined,
    },
  );
  if (!prepared) {
    throw new DocumentNotApplicable(req.sourceSeq ? `Event ${req.sourceSeq} is not a source of a ${req.type}.` : `The case has no data for a ${req.type} yet.`);
  }
  const bytes = await renderPdf(prepared.layout, req.locale);
  const identity = { caseId: row.id, type: req.type, locale: req.locale, sourceSeq: prepared.sourceSeq, sha256: sha256Hex(bytes) };
  const existing = await findSameDocument(db, identity);
  // The stored record is answered only while its bytes are still the ones it describes (F3).
  if (existing) {
    assertSoundBytes(existing, await documentBytes(db, existing.id));
    return { document: existing, created: false };
  }
  const id = randomUUID();
  const filename = `${row.number}-${TEMPLATES[req.type].title[req.locale]}-${prepared.sourceSeq}.pdf`;
  const document = await insertDocument(db, { ...identity, id, size: bytes.length, filename, createdBy: actorOf(user), createdAt: now }, bytes);
  // A concurrent twin won the insert: the record answered is theirs, checked like any stored one.
  if (document.id !== id) assertSoundBytes(document, await documentBytes(db, document.id));
  return { document, created: document.id === id };
}

async function namesOf(db: Knex, ids: (string | null)[]): Promise<Record<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  return Object.fromEntries((await findUsers(db, unique)).map((u) => [u.id, u.name]));
}

export async function listCaseDocuments(db: Knex, user: User, caseId: string) {
  await visibleCase(db, user, caseId);
  return (await caseDocuments(db, caseId)).map(documentView);
}

/** A document's bytes, for whoever may read its case (404 otherwise). */
export async function readDocument(db: Knex, user: User, id: string) {
  const doc = isUuid(id) ? await findDocument(db, id) : undefined;
  if (!doc) throw new NotFound('document');
  // Visible exactly when its case is; any other answer is "no such document".
  if (!(await visibleCase(db, user, doc.caseId).catch(() => undefined))) throw new NotFound('document');
  const bytes = await documentBytes(db, id);
  // Checked before a single byte goes out (F3): bytes changed behind the service never leave it.
  assertSoundBytes(doc, bytes);
  return { document: doc, bytes };
}
