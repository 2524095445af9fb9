import type {
  Block,
  HeadingBlock,
  NoticeBlock,
  NumberedBlock,
  ParagraphBlock,
  SealBlock,
  SignatureBlock,
  Signatory,
} from '../../templates/layout';
import { type Ctx, STYLE, ensureSpace, font, lineHeight, textHeight } from './context';
import { drawKeyValue, drawTable } from './table';

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function cnLabel(i: number): string {
  const n = i + 1;
  if (n <= 10) return `（${CN_NUM[i]}）`;
  return `（${n < 20 ? '' : CN_NUM[Math.floor(n / 10) - 1]}十${n % 10 ? CN_NUM[(n % 10) - 1] : ''}）`;
}

function heading(ctx: Ctx, b: HeadingBlock): void {
  const size = b.level === 2 ? STYLE.subheading : STYLE.heading;
  font(ctx, size, true);
  // keep a heading with at least two lines of what follows
  ensureSpace(ctx, textHeight(ctx, b.text, ctx.width) + 3 * lineHeight(ctx));
  ctx.doc.y += b.level === 2 ? 2 : 4;
  ctx.doc.text(b.text, ctx.left, ctx.doc.y, { width: ctx.width, lineGap: STYLE.lineGap });
  ctx.doc.y += 3;
}

/** Paragraphs of up to four lines are kept on one page; longer ones break between lines. */
function paragraph(ctx: Ctx, b: ParagraphBlock): void {
  const size = b.small ? STYLE.small : STYLE.body;
  font(ctx, size, b.bold);
  if (b.small) ctx.doc.fillColor(STYLE.muted);
  const options = { width: ctx.width, lineGap: STYLE.lineGap, align: b.align ?? 'left', indent: b.indent ? 2 * size : 0 };
  const h = ctx.doc.heightOfString(b.text || ' ', options);
  ensureSpace(ctx, h <= 4 * lineHeight(ctx) ? h : 2 * lineHeight(ctx));
  ctx.doc.text(b.text, ctx.left, ctx.doc.y, options);
  ctx.doc.y += 5;
}

function numbered(ctx: Ctx, b: NumberedBlock): void {
  if (b.title) heading(ctx, { kind: 'heading', text: b.title, level: 2 });
  const labelW = b.style === 'cn' ? 3.2 * STYLE.body : 1.9 * STYLE.body;
  b.items.forEach((item, i) => {
    const label = b.style === 'cn' ? cnLabel(i) : `${i + 1}.`;
    font(ctx, STYLE.body);
    ensureSpace(ctx, lineHeight(ctx));
    const y = ctx.doc.y;
    ctx.doc.text(label, ctx.left, y, { width: labelW, lineBreak: false });
    ctx.doc.text(item, ctx.left + labelW, y, { width: ctx.width - labelW, lineGap: STYLE.lineGap });
    ctx.doc.y += 3;
  });
  ctx.doc.y += 3;
}

function notice(ctx: Ctx, b: NoticeBlock): void {
  const pad = 9;
  const inner = ctx.width - 2 * pad;
  font(ctx, STYLE.body, true);
  const titleH = b.title ? textHeight(ctx, b.title, inner) + 2 : 0;
  font(ctx, STYLE.body);
  const h = titleH + textHeight(ctx, b.text, inner) + 2 * pad;
  if (h > ctx.bottom - ctx.top) {
    // taller than a page: no box, plain text that may break across pages
    if (b.title) heading(ctx, { kind: 'heading', text: b.title, level: 2 });
    paragraph(ctx, { kind: 'paragraph', text: b.text });
    return;
  }
  ensureSpace(ctx, h);
  const y = ctx.doc.y + 2;
  ctx.doc.lineWidth(1).strokeColor(STYLE.ink).rect(ctx.left, y, ctx.width, h).stroke();
  if (b.title) {
    font(ctx, STYLE.body, true);
    ctx.doc.text(b.title, ctx.left + pad, y + pad, { width: inner, lineGap: STYLE.lineGap });
  }
  font(ctx, STYLE.body);
  ctx.doc.text(b.text, ctx.left + pad, y + pad + titleH, { width: inner, lineGap: STYLE.lineGap });
  ctx.doc.y = y + h + 10;
}

const SIGN_LINE = 18;

/** Heights of the role, name and note lines of a row: each line starts at the same y in every column. */
function rowMetrics(ctx: Ctx, row: Signatory[], w: number): [number, number, number] {
  const max = (f: (s: Signatory) => string | undefined, bold = false) => {
    font(ctx, STYLE.body, bold);
    return Math.max(0, ...row.map((s) => (f(s) ? textHeight(ctx, f(s)!, w) : 0)));
  };
  return [max((s) => s.role, true), max((s) => s.name), max((s) => s.note)];
}

/** Role, printed name and note, then the signing rule and the date (a blank date to fill in). */
function signatory(ctx: Ctx, s: Signatory, x: number, y: number, w: number, m: [number, number, number]): void {
  const { doc } = ctx;
  const opts = { width: w, lineGap: STYLE.lineGap };
  font(ctx, STYLE.body, true);
  doc.text(s.role, x, y, opts);
  font(ctx, STYLE.body);
  if (s.name) doc.text(s.name, x, y + m[0], opts);
  if (s.note) doc.fillColor(STYLE.muted).text(s.note, x, y + m[0] + m[1], opts);
  const lineY = y + m[0] + m[1] + m[2] + SIGN_LINE;
  doc.lineWidth(0.5).strokeColor(STYLE.ink).moveTo(x, lineY).lineTo(x + w * 0.85, lineY).stroke();
  font(ctx, STYLE.body);
  const date = s.date ?? (ctx.locale === 'zh-CN' ? '　　　　年　　月　　日' : 'Date: ____________');
  doc.text(date, x, lineY + 6, opts);
}

/** Signatories in a grid; a row is never split across pages, nor the block when it fits on one. */
function signatures(ctx: Ctx, b: SignatureBlock, reserve: number): void {
  const cols = b.columns ?? 2;
  const gap = 18;
  const w = (ctx.width - gap * (cols - 1)) / cols;
  const rows: Signatory[][] = [];
  for (let i = 0; i < b.parties.length; i += cols) rows.push(b.parties.slice(i, i + cols));
  const metrics = rows.map((r) => rowMetrics(ctx, r, w));
  const heights = metrics.map((m) => m[0] + m[1] + m[2] + SIGN_LINE + lineHeight(ctx) + 12);
  const total = heights.reduce((a, h) => a + h, 0);
  // keep the whole block (and the seal after it: `reserve`) together when it fits on one page
  if (total + reserve <= ctx.bottom - ctx.top) ensureSpace(ctx, total + reserve + 8);
  else if (total <= ctx.bottom - ctx.top) ensureSpace(ctx, total + 8);
  ctx.doc.y += 8;
  rows.forEach((row, r) => {
    ensureSpace(ctx, heights[r]!);
    const y = ctx.doc.y;
    row.forEach((s, c) => signatory(ctx, s, ctx.left + c * (w + gap), y, w, metrics[r]!));
    ctx.doc.y = y + heights[r]!;
  });
}

const sealWidth = (ctx: Ctx) => Math.min(ctx.width * 0.5, 250);
const sealLines = (b: SealBlock) => [b.organization, b.label, ...(b.date ? [b.date] : [])];

/** Height the seal block needs. */
function sealHeight(ctx: Ctx, b: SealBlock): number {
  font(ctx, STYLE.body);
  return sealLines(b).reduce((a, l) => a + textHeight(ctx, l, sealWidth(ctx)), 0) + 10;
}

function seal(ctx: Ctx, b: SealBlock): void {
  const w = sealWidth(ctx);
  const x = ctx.left + ctx.width - w;
  const lines = sealLines(b);
  ensureSpace(ctx, sealHeight(ctx, b));
  font(ctx, STYLE.body);
  ctx.doc.y += 4;
  for (const line of lines) ctx.doc.text(line, x, ctx.doc.y, { width: w, align: 'center', lineGap: STYLE.lineGap });
  ctx.doc.y += 6;
}

/** Vertical space; at the foot of a page it just ends the page (no blank page is added). */
function spacer(ctx: Ctx, size = 12): void {
  ctx.doc.y = Math.min(ctx.doc.y + size, ctx.bottom);
}

/**
 * Draws one block at the current position. `next` is the block that follows: a seal after a
 * signature block is kept on the same page as the signatures.
 */
export function drawBlock(ctx: Ctx, block: Block, next?: Block): void {
  switch (block.kind) {
    case 'heading': return heading(ctx, block);
    case 'paragraph': return paragraph(ctx, block);
    case 'numbered': return numbered(ctx, block);
    case 'keyValue': return drawKeyValue(ctx, block);
    case 'table': return drawTable(ctx, block);
    case 'signatures': return signatures(ctx, block, next?.kind === 'seal' ? sealHeight(ctx, next) : 0);
    case 'seal': return seal(ctx, block);
    case 'notice': return notice(ctx, block);
    case 'spacer': return spacer(ctx, block.size);
    case 'basis': return; // drawn with the page furniture, at the foot of the last page
  }
}
