import type * as Dagre from '@dagrejs/dagre' with { 'resolution-mode': 'import' };
import type { DiagramArrow, DiagramCluster, DiagramModel, DiagramNode } from './diagram-model';
import { textWidth } from './svg-text';

// dagre ships its type declarations as ES modules only; this CommonJS project loads its CommonJS build.
const dagre = require('@dagrejs/dagre') as typeof Dagre;

/** Sizes shared by the layout and the renderer, in px. */
export const METRICS = {
  titleSize: 14,
  titleHeight: 32,
  lineSize: 12,
  lineHeight: 17,
  staysGap: 8,
  padX: 14,
  finalInset: 4,
  startRadius: 7,
  labelSize: 12,
  labelLineHeight: 16,
  labelPad: 6,
  clusterLabelSize: 13,
} as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}

export type PlacedNode = DiagramNode & Box;
export type PlacedCluster = DiagramCluster & Box;
export type PlacedArrow = DiagramArrow & { points: Point[]; label?: Box };

export interface DiagramLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  clusters: PlacedCluster[];
  arrows: PlacedArrow[];
}

function nodeSize(n: DiagramNode): { width: number; height: number } {
  const m = METRICS;
  if (n.role === 'start') return { width: m.startRadius * 2, height: m.startRadius * 2 };
  const inset = n.final ? m.finalInset * 2 : 0;
  const titleWidth = textWidth(n.label, n.role === 'state' ? m.titleSize : m.lineSize + 0.5, n.role === 'state');
  const lineWidth = Math.max(0, ...n.stays.map((l) => textWidth(l.text, m.lineSize)));
  const staysHeight = n.stays.length ? m.staysGap + n.stays.length * m.lineHeight : 0;
  const titleHeight = n.role === 'state' ? m.titleHeight : m.titleHeight - 8;
  return { width: Math.ceil(Math.max(titleWidth, lineWidth) + 2 * m.padX + inset), height: titleHeight + staysHeight + inset };
}

function labelSize(a: DiagramArrow): { width: number; height: number } {
  if (!a.lines.length) return { width: 0, height: 0 };
  const m = METRICS;
  const width = Math.max(...a.lines.map((l) => textWidth(l.text, m.labelSize)));
  return { width: Math.ceil(width + 2 * m.labelPad), height: a.lines.length * m.labelLineHeight + m.labelPad };
}

/** Top-left box from dagre's centre coordinates. */
const boxOf = (l: { x?: number; y?: number; width: number; height: number }): Box => ({
  x: (l.x ?? 0) - l.width / 2, y: (l.y ?? 0) - l.height / 2, width: l.width, height: l.height,
});

/** Positions every box, cluster and arrow with dagre (top to bottom); deterministic for a given model. */
export function layoutDiagram(model: DiagramModel): DiagramLayout {
  const g = new dagre.graphlib.Graph<Dagre.GraphLabel, Dagre.NodeLabel, Dagre.EdgeLabel>({ compound: true });
  g.setGraph({ rankdir: 'TB', nodesep: 36, ranksep: 44, edgesep: 14, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const c of model.clusters) g.setNode(c.id, { width: 0, height: 0 });
  for (const c of model.clusters) if (c.parent) g.setParent(c.id, c.parent);
  for (const n of model.nodes) {
    g.setNode(n.id, nodeSize(n));
    if (n.parent) g.setParent(n.id, n.parent);
  }
  for (const a of model.arrows) {
    const size = labelSize(a);
    g.setEdge(a.from, a.to, size.width ? { ...size, labelpos: 'c', minlen: 1 } : { minlen: 1 });
  }
  dagre.layout(g);

  const nodes = model.nodes.map((n) => ({ ...n, ...boxOf(g.node(n.id) as Dagre.NodeLabel) }));
  const clusters = model.clusters.map((c) => ({ ...c, ...boxOf(g.node(c.id) as Dagre.NodeLabel) }));
  const arrows = model.arrows.map((a) => {
    const e: Dagre.EdgeLabel = g.edge(a.from, a.to);
    const points = (e.points ?? []).map((p: Point) => ({ x: p.x, y: p.y }));
    return e.width && e.height ? { ...a, points, label: boxOf({ x: e.x, y: e.y, width: e.width, height: e.height }) } : { ...a, points };
  });
  const graph = g.graph();
  return { width: graph.width ?? 0, height: graph.height ?? 0, nodes, clusters, arrows };
}
