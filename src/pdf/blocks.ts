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
  ctx.doc.y += b.level === 2 ? 2 : 6;
  ctx.doc.text(b.text, ctx.left, ctx.doc.y, { width: ctx.width, lineGap: STYLE.lineGap });
  ctx.doc.y += 3;
}

function paragraph(ctx: Ctx, b: ParagraphBlock): void {
  font(ctx, STYLE.body, b.bold);
  ensureSpace(ctx, lineHeight(ctx));
  ctx.doc.text(b.text, ctx.left, ctx.doc.y, {
    width: ctx.width,
    lineGap: STYLE.lineGap,
    align: b.align ?? 'left',
    indent: b.indent ? 2 * STYLE.body : 0,
  });
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

const SIGN_LINE = 22;

/** Height of a signatory's printed lines (role, name, note). */
function printedHeight(ctx: Ctx, s: Signatory, w: number): number {
  font(ctx, STYLE.body, true);
  let h = textHeight(ctx, s.role, w);
  font(ctx, STYLE.body);
  if (s.name) h += textHeight(ctx, s.name, w);
  if (s.note) h += textHeight(ctx, s.note, w);
  return h;
}

/** Role, printed name and note, then the signing rule and the date at `lineY` (same per row). */
function signatory(ctx: Ctx, s: Signatory, x: number, y: number, w: number, lineY: number): void {
  const { doc } = ctx;
  font(ctx, STYLE.body, true);
  doc.text(s.role, x, y, { width: w, lineGap: STYLE.lineGap });
  font(ctx, STYLE.body);
  if (s.name) doc.text(s.name, x, doc.y, { width: w, lineGap: STYLE.lineGap });
  if (s.note) doc.fillColor(STYLE.muted).text(s.note, x, doc.y, { width: w, lineGap: STYLE.lineGap });
  doc.lineWidth(0.5).strokeColor(STYLE.ink).moveTo(x, lineY).lineTo(x + w * 0.85, lineY).stroke();
  font(ctx, STYLE.body);
  const date = s.date ?? (ctx.locale === 'zh-CN' ? '　　　　年　　月　　日' : 'Date: ____________');
  doc.text(date, x, lineY + 6, { width: w, lineGap: STYLE.lineGap });
}

/** Signatories in a grid; a row of signatories is never split across pages. */
function signatures(ctx: Ctx, b: SignatureBlock): void {
  const cols = b.columns ?? 2;
  const gap = 18;
  const w = (ctx.width - gap * (cols - 1)) / cols;
  const rows: Signatory[][] = [];
  for (let i = 0; i < b.parties.length; i += cols) rows.push(b.parties.slice(i, i + cols));
  const printed = rows.map((r) => Math.max(...r.map((s) => printedHeight(ctx, s, w))));
  const heights = printed.map((p) => p + SIGN_LINE + lineHeight(ctx) + 18);
  const total = heights.reduce((a, h) => a + h, 0);
  // keep the whole block together when it fits on one page
  if (total <= ctx.bottom - ctx.top) ensureSpace(ctx, total + 8);
  ctx.doc.y += 8;
  rows.forEach((row, r) => {
    ensureSpace(ctx, heights[r]!);
    const y = ctx.doc.y;
    const lineY = y + printed[r]! + SIGN_LINE;
    row.forEach((s, c) => signatory(ctx, s, ctx.left + c * (w + gap), y, w, lineY));
    ctx.doc.y = y + heights[r]!;
  });
}

function seal(ctx: Ctx, b: SealBlock): void {
  const w = Math.min(ctx.width * 0.5, 250);
  const x = ctx.left + ctx.width - w;
  font(ctx, STYLE.body);
  const lines = [b.organization, b.label, ...(b.date ? [b.date] : [])];
  const h = lines.reduce((a, l) => a + textHeight(ctx, l, w), 0) + 16;
  ensureSpace(ctx, h);
  ctx.doc.y += 8;
  for (const line of lines) ctx.doc.text(line, x, ctx.doc.y, { width: w, align: 'center', lineGap: STYLE.lineGap });
  ctx.doc.y += 8;
}

/** Vertical space; at the foot of a page it just ends the page (no blank page is added). */
function spacer(ctx: Ctx, size = 12): void {
  ctx.doc.y = Math.min(ctx.doc.y + size, ctx.bottom);
}

export function drawBlock(ctx: Ctx, block: Block): void {
  switch (block.kind) {
    case 'heading': return heading(ctx, block);
    case 'paragraph': return paragraph(ctx, block);
    case 'numbered': return numbered(ctx, block);
    case 'keyValue': return drawKeyValue(ctx, block);
    case 'table': return drawTable(ctx, block);
    case 'signatures': return signatures(ctx, block);
    case 'seal': return seal(ctx, block);
    case 'notice': return notice(ctx, block);
    case 'spacer': return spacer(ctx, block.size);
  }
}
