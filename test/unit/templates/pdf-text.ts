/** Test helpers: build a document from a fixture case, render it, read its text back (pdf-parse). */
import { renderPdf } from '../../../src/pdf/render';
import { type DocumentType, prepareDocument } from '../../../templates/index';
import type { CaseRecord, FromCaseOptions, HistoryEvent, Orgs } from '../../../templates/source';
import { pdfPages, squash } from '../../support/pdf-text';

export { squash };

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
  const pages = await pdfPages(pdf);
  const text = pages.join('\f'); // a form feed between pages, as pdftotext writes them
  return { pdf, text, flat: squash(text), pages: pages.filter((p) => p.trim()).length, sourceSeq: prepared.sourceSeq };
}

/** Asserts each expected string occurs in the document (whitespace-insensitive). */
export function expectAll(r: Rendered, expected: readonly string[]): void {
  const missing = expected.filter((e) => !r.flat.includes(squash(e)));
  expect(missing).toEqual([]);
}
