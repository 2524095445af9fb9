import { PDFParse } from 'pdf-parse';

/** The text of a PDF, read back with pdf.js (pdf-parse): what a reader's copy-paste would give. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** Whitespace removed, so wrapped lines and table cells compare as contiguous text. */
export const squash = (s: string) => s.replace(/\s+/g, '');
