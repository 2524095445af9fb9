import { diagramModel, type DiagramLine, type MachineDescription } from './diagram-model';
import { layoutDiagram, METRICS as M, type PlacedArrow, type PlacedCluster, type PlacedNode, type Point } from './diagram-layout';
import { escapeXml as x, FONT_FAMILY, num, textWidth } from './svg-text';

export type { MachineDescription } from './diagram-model';

const C = {
  ink: '#1e293b', muted: '#475569', edge: '#64748b', legal: '#9f1239', stateFill: '#ffffff', stateStroke: '#475569',
  clusterFill: '#f1f5f9', clusterStroke: '#94a3b8', currentFill: '#fde68a', currentStroke: '#b45309', labelBg: '#ffffff',
};
const HEADER = 64;

/**
 * The machine as an SVG drawing: leaf states as boxes inside their compound states, transitions
 * as arrows labelled with their events, `§` (and red) where a legal rule guards the transition,
 * its citation in the tooltip. `highlight` (a dotted state path) gets the "current state" look.
 * Pure and deterministic: the same description gives the same bytes.
 */
export function machineSvg(description: MachineDescription, options: { highlight?: string } = {}): string {
  const model = diagramModel(description);
  const layout = layoutDiagram(model);
  const current = options.highlight;
  const width = Math.ceil(Math.max(layout.width, 980));
  const height = Math.ceil(layout.height + HEADER);
  const markerId = `arrow-${description.kind.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${x(FONT_FAMILY)}" role="img">`,
    `<title>${x(`${model.title}${current ? ` — current state: ${current}` : ''}`)}</title>`,
    `<defs><marker id="${markerId}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">`
      + `<path d="M0,0 L10,5 L0,10 z" fill="${C.edge}"/></marker></defs>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    ...header(model.title, current),
    `<g transform="translate(0,${HEADER})">`,
    ...[...layout.clusters].sort((a, b) => a.depth - b.depth).map((c) => cluster(c, current)),
    ...layout.arrows.map((a) => arrowPath(a, markerId)),
    ...layout.nodes.map((n) => node(n, current)),
    ...layout.arrows.map(arrowLabel),
    '</g>',
    '</svg>',
  ];
  return `${out.join('\n')}\n`;
}

/** Title, the current state, and a one-line legend. */
function header(title: string, current: string | undefined): string[] {
  const out = [`<text x="16" y="24" font-size="16" font-weight="bold" fill="${C.ink}">${x(title)}</text>`];
  if (current) {
    const left = 16 + textWidth(title, 16, true) + 24;
    out.push(`<rect x="${num(left)}" y="10" width="18" height="18" rx="4" fill="${C.currentFill}" stroke="${C.currentStroke}" stroke-width="2.5"/>`,
      `<text x="${num(left + 26)}" y="24" font-size="13" fill="${C.ink}">current state: <tspan font-weight="bold">${x(current)}</tspan></text>`);
  }
  const y = 48;
  out.push(
    `<g font-size="11" fill="${C.muted}">`,
    `<circle cx="22" cy="${y - 4}" r="5" fill="${C.ink}"/><text x="32" y="${y}">start</text>`,
    `<rect x="76" y="${y - 11}" width="16" height="14" rx="3" fill="none" stroke="${C.ink}" stroke-width="1.2"/>`
      + `<rect x="79" y="${y - 8}" width="10" height="8" rx="2" fill="none" stroke="${C.ink}" stroke-width="1.2"/><text x="98" y="${y}">final</text>`,
    `<text x="142" y="${y}"><tspan fill="${C.legal}" font-weight="bold">§</tspan> guarded by a legal rule (hover for the citation)</text>`,
    `<text x="420" y="${y}">↻ events that keep the state · [condition]</text>`,
    `<rect x="676" y="${y - 12}" width="26" height="16" rx="8" fill="none" stroke="${C.clusterStroke}" stroke-dasharray="4 2"/>`
      + `<text x="708" y="${y}">any state: applies in every state of its group</text>`,
    '</g>',
  );
  return out;
}

function cluster(c: PlacedCluster, current: string | undefined): string {
  const on = c.id === current;
  return `<g class="cluster" data-state="${x(c.id)}"${on ? ' data-current="true"' : ''}>`
    + `<rect x="${num(c.x)}" y="${num(c.y)}" width="${num(c.width)}" height="${num(c.height)}" rx="10" fill="${on ? C.currentFill : C.clusterFill}" `
    + `stroke="${on ? C.currentStroke : C.clusterStroke}" stroke-width="${on ? 3 : 1.2}"/>`
    + `<text x="${num(c.x + 10)}" y="${num(c.y + M.clusterLabelSize + 5)}" font-size="${M.clusterLabelSize}" font-weight="bold" fill="${C.muted}">${x(c.label)}</text></g>`;
}

function node(n: PlacedNode, current: string | undefined): string {
  if (n.role === 'start') {
    return `<circle class="start" data-state="${x(n.state)}" cx="${num(n.x + n.width / 2)}" cy="${num(n.y + n.height / 2)}" r="${M.startRadius}" fill="${C.ink}"/>`;
  }
  const on = n.role === 'state' && n.state === current;
  const stroke = on ? C.currentStroke : n.role === 'any' ? C.clusterStroke : C.stateStroke;
  const attrs = `fill="${on ? C.currentFill : C.stateFill}" stroke="${stroke}" stroke-width="${on ? 3 : 1.4}"${n.role === 'any' ? ' stroke-dasharray="5 3"' : ''}`;
  const out = [`<g class="${n.role}" data-state="${x(n.state)}"${on ? ' data-current="true"' : ''}>`];
  out.push(`<rect x="${num(n.x)}" y="${num(n.y)}" width="${num(n.width)}" height="${num(n.height)}" rx="${n.role === 'any' ? 14 : 8}" ${attrs}/>`);
  const inset = n.final ? M.finalInset : 0;
  if (n.final) {
    out.push(`<rect x="${num(n.x + inset)}" y="${num(n.y + inset)}" width="${num(n.width - 2 * inset)}" height="${num(n.height - 2 * inset)}" rx="6" fill="none" stroke="${stroke}" stroke-width="${on ? 2.5 : 1.4}"/>`);
  }
  const titleY = n.y + inset + (n.role === 'state' ? 21 : 16);
  out.push(n.role === 'state'
    ? `<text x="${num(n.x + n.width / 2)}" y="${num(titleY)}" text-anchor="middle" font-size="${M.titleSize}" font-weight="bold" fill="${C.ink}">${x(n.label)}</text>`
    : `<text x="${num(n.x + n.width / 2)}" y="${num(titleY)}" text-anchor="middle" font-size="${M.lineSize + 0.5}" font-style="italic" fill="${C.muted}">${x(n.label)}</text>`);
  if (n.stays.length) {
    const top = n.y + inset + (n.role === 'state' ? M.titleHeight : M.titleHeight - 8);
    out.push(`<line x1="${num(n.x + 6)}" y1="${num(top)}" x2="${num(n.x + n.width - 6)}" y2="${num(top)}" stroke="#cbd5e1"/>`);
    n.stays.forEach((l, i) => out.push(line(l, n.x + M.padX, top + M.staysGap + (i + 0.75) * M.lineHeight, M.lineSize, 'start')));
  }
  out.push('</g>');
  return out.join('');
}

/** One text line with its tooltip; legal lines in the legal colour. */
function line(l: DiagramLine, at: number, y: number, size: number, anchor: 'start' | 'middle'): string {
  const fill = l.legal ? C.legal : C.ink;
  return `<g><title>${x(l.tooltip)}</title><text x="${num(at)}" y="${num(y)}" font-size="${size}" text-anchor="${anchor}" fill="${fill}"${l.legal ? ' font-weight="bold"' : ''}>${x(l.text)}</text></g>`;
}

/**
 * A path through dagre's points: straight segments with rounded corners. It passes (within the
 * corner radius) through every point, the label's included, and never overshoots like a spline.
 */
function pathData(points: Point[]): string {
  if (points.length < 2) return '';
  const p = (q: Point) => `${num(q.x)},${num(q.y)}`;
  const toward = (from: Point, to: Point, r: number) => {
    const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
    return { x: from.x + ((to.x - from.x) * r) / len, y: from.y + ((to.y - from.y) * r) / len };
  };
  let d = `M${p(points[0])}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [prev, at, next] = [points[i - 1], points[i], points[i + 1]];
    const r = Math.min(CORNER, Math.hypot(at.x - prev.x, at.y - prev.y) / 2, Math.hypot(next.x - at.x, next.y - at.y) / 2);
    d += ` L${p(toward(at, prev, r))} Q${p(at)} ${p(toward(at, next, r))}`;
  }
  return `${d} L${p(points[points.length - 1])}`;
}
const CORNER = 14;

function arrowPath(a: PlacedArrow, markerId: string): string {
  const legalOnly = a.lines.length > 0 && a.lines.every((l) => l.legal);
  return `<path class="transition" data-from="${x(a.from)}" data-to="${x(a.to)}" d="${pathData(a.points)}" fill="none" `
    + `stroke="${legalOnly ? C.legal : C.edge}" stroke-width="1.4" marker-end="url(#${markerId})"/>`;
}

function arrowLabel(a: PlacedArrow): string {
  if (!a.label) return '';
  const { x: lx, y: ly, width, height } = a.label;
  const lines = a.lines.map((l, i) => line(l, lx + width / 2, ly + M.labelPad / 2 + (i + 0.78) * M.labelLineHeight, M.labelSize, 'middle'));
  return `<g class="label"><rect x="${num(lx)}" y="${num(ly)}" width="${num(width)}" height="${num(height)}" rx="4" fill="${C.labelBg}" fill-opacity="0.92" stroke="#e2e8f0"/>${lines.join('')}</g>`;
}
