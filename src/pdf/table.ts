import type { KeyValueBlock, TableBlock } from '../../templates/layout';
import { type Ctx, STYLE, ensureSpace, font, newPage, textHeight } from './context';

type Align = 'left' | 'center' | 'right';

interface Grid {
  widths: number[];
  aligns: Align[];
  header?: string[];
  size: number;
  lineGap: number;
  /** Shade and embolden the first column (key-value tables). */
  labelColumn?: boolean;
}

function rowHeight(ctx: Ctx, grid: Grid, cells: string[], bold: (i: number) => boolean): number {
  let h = 0;
  cells.forEach((cell, i) => {
    font(ctx, grid.size, bold(i));
    h = Math.max(h, textHeight(ctx, cell, grid.widths[i]! - 2 * STYLE.cellPad, grid.lineGap));
  });
  return h + 2 * STYLE.cellPad;
}

function drawRow(ctx: Ctx, grid: Grid, cells: string[], y: number, h: number, header: boolean): void {
  const { doc } = ctx;
  let x = ctx.left;
  cells.forEach((cell, i) => {
    const w = grid.widths[i]!;
    const shaded = header || (grid.labelColumn && i === 0);
    if (shaded) doc.rect(x, y, w, h).fill(STYLE.fill);
    doc.lineWidth(STYLE.rule).strokeColor(STYLE.ink).rect(x, y, w, h).stroke();
    font(ctx, grid.size, shaded);
    doc.text(cell, x + STYLE.cellPad, y + STYLE.cellPad, {
      width: w - 2 * STYLE.cellPad,
      lineGap: grid.lineGap,
      align: header ? 'center' : grid.aligns[i],
    });
    x += w;
  });
}

/**
 * Draws rows with ruled cells. A row never splits: it moves to the next page, where the
 * header row is drawn again. A row taller than a whole page is printed as `header: value`
 * paragraphs instead, so no text is ever cut.
 */
function drawGrid(ctx: Ctx, grid: Grid, rows: string[][]): void {
  const { doc } = ctx;
  const headerBold = () => true;
  const cellBold = (i: number) => Boolean(grid.labelColumn && i === 0);
  const headerH = grid.header ? rowHeight(ctx, grid, grid.header, headerBold) : 0;
  const pageRoom = ctx.bottom - ctx.top - headerH;
  const drawHeader = () => {
    if (!grid.header) return;
    const y = doc.y;
    drawRow(ctx, grid, grid.header, y, headerH, true);
    doc.y = y + headerH;
  };
  const first = rows[0] ? Math.min(rowHeight(ctx, grid, rows[0], cellBold), pageRoom) : 0;
  ensureSpace(ctx, headerH + first);
  drawHeader();
  for (const row of rows) {
    const h = rowHeight(ctx, grid, row, cellBold);
    if (h > pageRoom) {
      drawOversizedRow(ctx, grid, row);
      continue;
    }
    if (doc.y + h > ctx.bottom) {
      newPage(ctx);
      drawHeader();
    }
    const y = doc.y;
    drawRow(ctx, grid, row, y, h, false);
    doc.y = y + h;
  }
  doc.x = ctx.left;
  doc.y += 8;
}

function drawOversizedRow(ctx: Ctx, grid: Grid, row: string[]): void {
  row.forEach((cell, i) => {
    const label = grid.header?.[i];
    font(ctx, grid.size, true);
    if (label) ctx.doc.text(label, ctx.left, ctx.doc.y, { width: ctx.width });
    font(ctx, grid.size);
    ctx.doc.text(cell, ctx.left, ctx.doc.y, { width: ctx.width, lineGap: grid.lineGap });
  });
  ctx.doc.moveTo(ctx.left, ctx.doc.y + 2).lineTo(ctx.left + ctx.width, ctx.doc.y + 2).stroke();
  ctx.doc.y += 6;
}

function caption(ctx: Ctx, title: string | undefined): void {
  if (!title) return;
  font(ctx, STYLE.subheading, true);
  ensureSpace(ctx, 3 * ctx.doc.currentLineHeight(true));
  ctx.doc.text(title, ctx.left, ctx.doc.y, { width: ctx.width });
  ctx.doc.y += 3;
}

export function drawTable(ctx: Ctx, block: TableBlock): void {
  caption(ctx, block.title);
  const weights = block.columns.map((c) => c.width ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const grid: Grid = {
    widths: weights.map((w) => (ctx.width * w) / total),
    aligns: block.columns.map((c) => c.align ?? 'left'),
    header: block.columns.map((c) => c.header),
    size: block.dense ? STYLE.dense : STYLE.small + 0.5,
    lineGap: block.dense ? STYLE.denseLineGap : 2,
  };
  drawGrid(ctx, grid, block.rows);
}

export function drawKeyValue(ctx: Ctx, block: KeyValueBlock): void {
  caption(ctx, block.title);
  const labelW = Math.round(ctx.width * 0.27);
  const grid: Grid = {
    widths: [labelW, ctx.width - labelW],
    aligns: ['left', 'left'],
    size: STYLE.body - 0.5,
    lineGap: 3,
    labelColumn: true,
  };
  drawGrid(ctx, grid, block.rows.map((r) => [r.label, r.value]));
}
