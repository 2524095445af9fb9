import { PDFParse } from 'pdf-parse';

/**
 * The text of each page of a PDF, read back with pdf.js (pdf-parse, pure JavaScript: no system
 * tool needed): what a reader's copy-paste would give.
 */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).pages.map((p) => p.text);
  } finally {
    await parser.destroy();
  }
}

export async function pdfText(pdf: Buffer): Promise<string> {
  return (await pdfPages(pdf)).join('\n');
}

/** Whitespace removed, so wrapped lines and table cells compare as contiguous text. */
export const squash = (s: string) => s.replace(/\s+/g, '');
