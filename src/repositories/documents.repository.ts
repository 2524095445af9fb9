import type { Knex } from 'knex';

export interface DocumentRecord {
  id: string;
  caseId: string;
  type: string;
  locale: string;
  sourceSeq: number;
  sha256: string;
  size: number;
  filename: string;
  createdBy: { id: string | null; role: string };
  createdAt: Date;
}

const META = ['id', 'case_id', 'type', 'locale', 'source_seq', 'sha256', 'size', 'filename', 'created_by', 'created_at'];

const fromRow = (r: any): DocumentRecord => ({
  id: r.id, caseId: r.case_id, type: r.type, locale: r.locale, sourceSeq: r.source_seq, sha256: r.sha256,
  size: r.size, filename: r.filename, createdBy: r.created_by, createdAt: r.created_at,
});

export async function findSameDocument(db: Knex, d: Pick<DocumentRecord, 'caseId' | 'type' | 'locale' | 'sourceSeq' | 'sha256'>): Promise<DocumentRecord | undefined> {
  const row = await db('documents').where({ case_id: d.caseId, type: d.type, locale: d.locale, source_seq: d.sourceSeq, sha256: d.sha256 }).first(META);
  return row ? fromRow(row) : undefined;
}

/** Inserts unless the same document exists already (a concurrent twin); returns the stored one. */
export async function insertDocument(db: Knex, d: DocumentRecord, bytes: Buffer): Promise<DocumentRecord> {
  await db('documents')
    .insert({
      id: d.id, case_id: d.caseId, type: d.type, locale: d.locale, source_seq: d.sourceSeq, sha256: d.sha256,
      size: d.size, bytes, filename: d.filename, created_by: JSON.stringify(d.createdBy), created_at: d.createdAt,
    })
    .onConflict(['case_id', 'type', 'locale', 'source_seq', 'sha256'])
    .ignore();
  return (await findSameDocument(db, d))!;
}

export async function findDocument(db: Knex, id: string): Promise<DocumentRecord | undefined> {
  const row = await db('documents').where({ id }).first(META);
  return row ? fromRow(row) : undefined;
}

export async function documentBytes(db: Knex, id: string): Promise<Buffer> {
  const row = await db('documents').where({ id }).first('bytes');
  return Buffer.from(row.bytes);
}

export async function caseDocuments(db: Knex, caseId: string): Promise<DocumentRecord[]> {
  return (await db('documents').where({ case_id: caseId }).orderBy([{ column: 'created_at' }, { column: 'id' }]).select(META)).map(fromRow);
}

/** Every document of the case with its bytes, for verification (oldest first). */
export async function caseDocumentsWithBytes(db: Knex, caseId: string): Promise<{ record: DocumentRecord; bytes: Buffer }[]> {
  const rows = await db('documents').where({ case_id: caseId }).orderBy([{ column: 'created_at' }, { column: 'id' }]).select([...META, 'bytes']);
  return rows.map((r) => ({ record: fromRow(r), bytes: Buffer.from(r.bytes) }));
}
