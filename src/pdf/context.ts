/** Shared drawing state and the style sheet of the official-document look. */
export type Locale = 'zh-CN' | 'en';

export const MM = 72 / 25.4;

/** A4 with ~25 mm side margins; the header and footer live inside the top and bottom margins. */
export const PAGE = {
  size: 'A4' as const,
  margins: { top: 23 * MM, bottom: 20 * MM, left: 25 * MM, right: 25 * MM },
};

export const STYLE = {
  regular: 'NotoSC',
  bold: 'NotoSC-Bold',
  title: 17,
  subtitle: 11,
  heading: 12,
  subheading: 11.5,
  body: 10.5,
  small: 9,
  dense: 7.5,
  lineGap: 3.5,
  denseLineGap: 1.5,
  cellPad: 4,
  rule: 0.6,
  ink: '#000000',
  muted: '#444444',
  fill: '#eeeeee',
};

export interface Ctx {
  doc: PDFKit.PDFDocument;
  locale: Locale;
  left: number;
  width: number;
  /** y where the body starts on each page. */
  top: number;
  /** Lowest y the body may reach on a page. */
  bottom: number;
}

export function makeCtx(doc: PDFKit.PDFDocument, locale: Locale): Ctx {
  const { width, height } = doc.page;
  const m = PAGE.margins;
  return { doc, locale, left: m.left, width: width - m.left - m.right, top: m.top, bottom: height - m.bottom };
}

/** Starts a new page when fewer than `height` points remain on this one. */
export function ensureSpace(ctx: Ctx, height: number): void {
  if (ctx.doc.y + height > ctx.bottom && ctx.doc.y > ctx.top + 1) newPage(ctx);
}

export function newPage(ctx: Ctx): void {
  ctx.doc.addPage();
  ctx.doc.x = ctx.left;
  ctx.doc.y = ctx.top;
}

/** Sets font and size; `bold` picks the bold face. */
export function font(ctx: Ctx, size: number, bold = false): PDFKit.PDFDocument {
  return ctx.doc.font(bold ? STYLE.bold : STYLE.regular).fontSize(size).fillColor(STYLE.ink);
}

/** Height of `text` wrapped to `width` in the current font. */
export function textHeight(ctx: Ctx, text: string, width: number, lineGap = STYLE.lineGap): number {
  return ctx.doc.heightOfString(text || ' ', { width, lineGap });
}

/** Height of one line of the current font. */
export function lineHeight(ctx: Ctx, lineGap = STYLE.lineGap): number {
  return ctx.doc.currentLineHeight(true) + lineGap;
}
