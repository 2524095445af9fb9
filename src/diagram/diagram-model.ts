/** What the diagram needs from `describeMachine(def)` (machines/describe.ts). */
export interface MachineDescription {
  kind: string;
  version: string | number;
  initialStates: string[];
  states: { state: string; final: boolean; transitions: Transition[] }[];
}
interface Transition {
  event: string;
  /** Dotted path, or null for a transition that stays in the state. */
  target: string | null;
  rules: { id: string; citation: string }[];
  condition?: string;
}

/** One line of text with the tooltip that explains it (conditions, legal citations). */
export interface DiagramLine {
  text: string;
  legal: boolean;
  tooltip: string;
}

/**
 * A box to lay out: a leaf state, the "any state" box of a compound state (its own
 * transitions, which every child inherits), or the dot an initial state starts from.
 */
export interface DiagramNode {
  id: string;
  role: 'state' | 'any' | 'start';
  label: string;
  /** Dotted path of the state this box stands for (the compound state for `any`). */
  state: string;
  parent?: string;
  final: boolean;
  /** Events that leave the case in this state, one line each. */
  stays: DiagramLine[];
}

export interface DiagramCluster {
  id: string;
  label: string;
  parent?: string;
  depth: number;
}

/** Every transition between the same two boxes, merged into one arrow. */
export interface DiagramArrow {
  from: string;
  to: string;
  lines: DiagramLine[];
}

export interface DiagramModel {
  title: string;
  nodes: DiagramNode[];
  clusters: DiagramCluster[];
  arrows: DiagramArrow[];
}

const parentOf = (path: string) => (path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : undefined);
const lastSegment = (path: string) => path.slice(path.lastIndexOf('.') + 1);

/** Boxes, clusters and merged arrows of a described machine, in the description's order. */
export function diagramModel(d: MachineDescription): DiagramModel {
  const paths = d.states.map((s) => s.state);
  const compound = new Set(paths.filter((p) => paths.some((q) => q.startsWith(`${p}.`))));
  const leaves = paths.filter((p) => !compound.has(p));
  const leafOf = (target: string): string => {
    if (!compound.has(target)) return target;
    const under = (p: string) => p.startsWith(`${target}.`);
    return d.initialStates.find(under) ?? leaves.find(under) ?? target;
  };
  const boxOf = (state: string) => (compound.has(state) ? `any:${state}` : state);

  const clusters: DiagramCluster[] = [...compound].map((id) => ({ id, label: lastSegment(id), parent: parentOf(id), depth: id.split('.').length }));
  const nodes: DiagramNode[] = [];
  const arrows = new Map<string, DiagramArrow>();
  for (const s of d.states) {
    const isCompound = compound.has(s.state);
    if (isCompound && s.transitions.length === 0) continue;
    const stays = s.transitions.filter((t) => t.target === null || t.target === s.state);
    nodes.push({
      id: boxOf(s.state), role: isCompound ? 'any' : 'state', label: isCompound ? 'any state' : lastSegment(s.state),
      state: s.state, parent: isCompound ? s.state : parentOf(s.state), final: s.final, stays: stayLines(stays),
    });
    for (const t of s.transitions) {
      if (t.target === null || t.target === s.state) continue;
      const from = boxOf(s.state);
      const to = leafOf(t.target);
      const arrow = arrows.get(`${from}\n${to}`) ?? { from, to, lines: [] };
      arrows.set(`${from}\n${to}`, arrow);
      addLine(arrow.lines, arrowLine(t, d.kind));
    }
  }
  for (const initial of d.initialStates) {
    const leaf = leafOf(initial);
    nodes.push({ id: `start:${leaf}`, role: 'start', label: '', state: leaf, parent: parentOf(leaf), final: false, stays: [] });
    arrows.set(`start:${leaf}\n${leaf}`, { from: `start:${leaf}`, to: leaf, lines: [] });
  }
  return { title: `${d.kind} · version ${d.version}`, nodes, clusters, arrows: splitBusyFinals(nodes, [...arrows.values()]) };
}

/** A final state reached from this many boxes is drawn once under each of them instead. */
const SPLIT_FINAL_AT = 4;

/**
 * Many long arrows converging on one final state (`closed`) make the drawing unreadable; a copy
 * of the final state next to each source keeps every arrow short. Copies keep the state's path.
 */
function splitBusyFinals(nodes: DiagramNode[], arrows: DiagramArrow[]): DiagramArrow[] {
  for (const final of nodes.filter((n) => n.final && n.role === 'state')) {
    const incoming = arrows.filter((a) => a.to === final.id && !a.from.startsWith('start:'));
    if (incoming.length < SPLIT_FINAL_AT) continue;
    incoming.slice(1).forEach((a, i) => {
      a.to = `${final.id}#${i + 2}`;
      nodes.push({ ...final, id: a.to, stays: [] });
    });
  }
  return arrows;
}

/** `deadline dispute.mediation.term and inModification` -> `mediation.term and inModification`. */
function shortCondition(condition: string, kind: string): string {
  return condition.split(' ').filter((w) => w !== 'deadline').map((w) => (w.startsWith(`${kind}.`) ? w.slice(kind.length + 1) : w)).join(' ');
}

function tooltipOf(t: Transition): string {
  const head = `${t.event}${t.condition ? ` when ${t.condition}` : ''}`;
  return [head, ...t.rules.map((r) => `§ ${r.citation} (${r.id})`)].join('\n');
}

function arrowLine(t: Transition, kind: string): DiagramLine {
  const condition = t.condition ? ` [${shortCondition(t.condition, kind)}]` : '';
  const legal = t.rules.length > 0;
  return { text: `${t.event}${condition}${legal ? ' §' : ''}`, legal, tooltip: tooltipOf(t) };
}

/** Self-transitions as one line per event (the conditions and citations go to the tooltip). */
function stayLines(transitions: Transition[]): DiagramLine[] {
  const lines: DiagramLine[] = [];
  for (const t of transitions) {
    const legal = t.rules.length > 0;
    addLine(lines, { text: `↻ ${t.event}${legal ? ' §' : ''}`, legal, tooltip: tooltipOf(t) }, (l) => l.text === `↻ ${t.event}` || l.text === `↻ ${t.event} §`);
  }
  return lines;
}

/** Adds a line, or merges it into an existing one for the same text (tooltips joined, legal if any is). */
function addLine(lines: DiagramLine[], line: DiagramLine, same: (l: DiagramLine) => boolean = (l) => l.text === line.text) {
  const existing = lines.find(same);
  if (!existing) {
    lines.push(line);
    return;
  }
  if (line.legal && !existing.legal) existing.text += ' §';
  existing.legal ||= line.legal;
  if (!existing.tooltip.includes(line.tooltip)) existing.tooltip += `\n${line.tooltip}`;
}
