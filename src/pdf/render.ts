import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { LayoutDocument } from '../../templates/layout';
import { drawBlock } from './blocks';
import { type Ctx, type Locale, MM, PAGE, STYLE, font, makeCtx } from './context';
import { loadParsedFonts } from './fonts';

export type { Locale } from './context';

const PRODUCER = 'labor-case-engine (PDFKit)';

/**
 * The trailer's file ID. pdfkit derives it from the info dictionary (MD5 of its values); we
 * replace it with a digest of the whole layout so two different documents never share an ID
 * while the same input always gives the same bytes.
 */
function documentId(layout: LayoutDocument, locale: Locale): Buffer {
  return createHash('md5').update(JSON.stringify({ locale, layout })).digest();
}

function drawTitle(ctx: Ctx, layout: LayoutDocument): void {
  const { doc } = ctx;
  font(ctx, STYLE.title, true);
  doc.text(layout.title, ctx.left, ctx.top, { width: ctx.width, align: 'center', lineGap: 6 });
  if (layout.subtitle) {
    font(ctx, STYLE.subtitle);
    doc.text(layout.subtitle, ctx.left, doc.y + 2, { width: ctx.width, align: 'center', lineGap: 3 });
  }
  font(ctx, STYLE.body);
  doc.text(layout.caseNumber, ctx.left, doc.y + 4, { width: ctx.width, align: 'right' });
  doc.y += 8;
}

/**
 * The legal basis in small print just above the footer of the last page, between the body's
 * bottom margin and the page number: shrunk to fit one line (down to 6 pt), else two lines.
 */
function drawBasis(ctx: Ctx, text: string, footerY: number): void {
  const { doc } = ctx;
  let size = STYLE.dense;
  font(ctx, size).fillColor(STYLE.muted);
  const width = doc.widthOfString(text);
  if (width > ctx.width) size = Math.max(6, (size * ctx.width) / width);
  font(ctx, size).fillColor(STYLE.muted);
  const h = doc.heightOfString(text, { width: ctx.width, lineGap: 1 });
  doc.text(text, ctx.left, footerY - 4 - h, { width: ctx.width, lineGap: 1 });
}

/** Header (title and case number) and footer (page x of y) on every buffered page. */
function drawPageFurniture(ctx: Ctx, layout: LayoutDocument): void {
  const { doc, locale } = ctx;
  const range = doc.bufferedPageRange();
  const basis = layout.blocks.flatMap((b) => (b.kind === 'basis' ? [b.text] : [])).join(' ');
  const headerY = 11 * MM;
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    font(ctx, STYLE.small).fillColor(STYLE.muted);
    const label = locale === 'zh-CN' ? `案号：${layout.caseNumber}` : `Case No. ${layout.caseNumber}`;
    const half = ctx.width / 2;
    doc.text(layout.title, ctx.left, headerY, { width: half, lineBreak: false, ellipsis: true });
    doc.text(label, ctx.left + half, headerY, { width: half, align: 'right', lineBreak: false });
    const ruleY = headerY + doc.currentLineHeight(true) + 3;
    doc.lineWidth(0.5).strokeColor(STYLE.muted).moveTo(ctx.left, ruleY).lineTo(ctx.left + ctx.width, ruleY).stroke();
    const n = i + 1;
    const footer = locale === 'zh-CN' ? `第 ${n} 页 共 ${range.count} 页` : `Page ${n} of ${range.count}`;
    const footerY = doc.page.height - 12 * MM;
    doc.text(footer, ctx.left, footerY, { width: ctx.width, align: 'center', lineBreak: false });
    if (n === range.count && basis) drawBasis(ctx, basis, footerY);
    doc.page.margins.bottom = bottomMargin;
  }
}

/**
 * Renders a layout document to PDF bytes: A4, Noto Sans SC (subset embedded), case number in
 * every page header, "page x of y" footer. Deterministic: the dates come from
 * `meta.createdAt`, the file ID from the content; the same input gives the same bytes.
 */
export async function renderPdf(layout: LayoutDocument, locale: Locale): Promise<Buffer> {
  const created = new Date(layout.meta.createdAt);
  if (Number.isNaN(created.getTime())) throw new Error(`meta.createdAt is not an instant: ${layout.meta.createdAt}`);
  const fonts = loadParsedFonts();
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: locale,
    displayTitle: true,
    info: {
      Title: layout.meta.title,
      ...(layout.meta.subject ? { Subject: layout.meta.subject } : {}),
      ...(layout.meta.author ? { Author: layout.meta.author } : {}),
      Creator: PRODUCER,
      Producer: PRODUCER,
      CreationDate: created,
      ModDate: created,
    },
  });
  (doc as unknown as { _id: Uint8Array })._id = documentId(layout, locale);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit takes a parsed fontkit font as a font source (its types only list files and buffers)
  doc.registerFont(STYLE.regular, fonts.regular as unknown as Buffer);
  doc.registerFont(STYLE.bold, fonts.bold as unknown as Buffer);
  const ctx = makeCtx(doc, locale);
  drawTitle(ctx, layout);
  layout.blocks.forEach((block, i) => drawBlock(ctx, block, layout.blocks[i + 1]));
  drawPageFurniture(ctx, layout);
  doc.end();
  return done;
}
