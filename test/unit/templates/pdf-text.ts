/** Test helpers: build a document from a fixture case, render it, extract its text with pdftotext. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderPdf } from '../../../src/pdf/render';
import { type DocumentType, prepareDocument } from '../../../templates/index';
import type { CaseRecord, FromCaseOptions, HistoryEvent, Orgs } from '../../../templates/source';

/** pdftotext (poppler-utils) is needed to read the PDFs back; without it these suites are skipped. */
export const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
if (!hasPdftotext) console.warn('pdftotext not found (apt-get install poppler-utils): PDF text tests are skipped');

export function pdfToText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-text-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whitespace removed, so wrapped lines and table cells compare as contiguous text. */
export const squash = (s: string) => s.replace(/\s+/g, '');

export interface Rendered {
  pdf: Buffer;
  text: string;
  /** `text` without whitespace. */
  flat: string;
  pages: number;
  sourceSeq: number;
}

export async function renderCase(
  type: DocumentType,
  caseRecord: CaseRecord,
  history: readonly HistoryEvent[],
  orgs: Orgs,
  locale: 'zh-CN' | 'en',
  options: FromCaseOptions = {},
): Promise<Rendered> {
  const prepared = prepareDocument(type, caseRecord, history, orgs, locale, options);
  if (!prepared) throw new Error(`${type} not applicable`);
  const pdf = await renderPdf(prepared.layout, locale);
  const text = pdfToText(pdf);
  return { pdf, text, flat: squash(text), pages: text.split('\f').filter((p) => p.trim()).length, sourceSeq: prepared.sourceSeq };
}

/** Asserts each expected string occurs in the document (whitespace-insensitive). */
export function expectAll(r: Rendered, expected: readonly string[]): void {
  const missing = expected.filter((e) => !r.flat.includes(squash(e)));
  expect(missing).toEqual([]);
}
