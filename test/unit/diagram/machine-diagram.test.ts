import { describeMachine } from '../../../machines/describe';
import { registry } from '../../../machines/registry';
import { machineSvg, type MachineDescription } from '../../../src/diagram/machine-diagram';
import { allElements, parseXml, textOf, type XmlElement } from './xml-check';

const machines = { dispute: describeMachine(registry.dispute), collective: describeMachine(registry.collective) };
const leavesOf = (d: MachineDescription) => d.states.map((s) => s.state).filter((p) => !d.states.some((q) => q.state.startsWith(`${p}.`)));
const elements = (svg: string) => allElements(parseXml(svg));
const withState = (els: XmlElement[], state: string) => els.filter((e) => e.attrs['data-state'] === state);
const byClass = (els: XmlElement[], cls: string) => els.filter((e) => e.attrs.class === cls);

describe.each(Object.entries(machines))('machineSvg(%s)', (_kind, d) => {
  const svg = machineSvg(d);
  const els = elements(svg);
  const text = textOf(parseXml(svg));

  it('is well-formed XML with an svg root, a title and the requested font family', () => {
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(root.attrs['font-family']).toBe("'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif");
    expect(root.children[0].name).toBe('title');
  });

  it('draws every leaf state as a box and every compound state as a labelled cluster', () => {
    for (const leaf of leavesOf(d)) {
      const boxes = byClass(withState(els, leaf), 'state');
      expect(boxes.length).toBeGreaterThan(0);
      expect(textOf(boxes[0])).toContain(leaf.slice(leaf.lastIndexOf('.') + 1));
    }
    const compound = d.states.map((s) => s.state).filter((p) => !leavesOf(d).includes(p));
    expect(byClass(els, 'cluster').map((e) => e.attrs['data-state']).sort()).toEqual(compound.sort());
  });

  it('names every event of every transition', () => {
    const events = new Set(d.states.flatMap((s) => s.transitions.map((t) => t.event)));
    for (const event of events) expect(text).toContain(event);
  });

  it('marks final states with a double border and initial states with a start dot', () => {
    for (const final of d.states.filter((s) => s.final)) {
      for (const box of byClass(withState(els, final.state), 'state')) expect(box.children.filter((c) => c.name === 'rect')).toHaveLength(2);
    }
    expect(byClass(els, 'start').map((e) => e.attrs['data-state']).sort()).toEqual([...d.initialStates].sort());
  });

  it('draws no loops: self-transitions are listed in their box', () => {
    const paths = byClass(els, 'transition');
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) expect(p.attrs['data-from']).not.toBe(p.attrs['data-to']);
  });

  it('keeps every box and arrow inside the drawing', () => {
    const width = Number(parseXml(svg).attrs.width);
    for (const rect of els.filter((e) => e.name === 'rect')) {
      expect(Number(rect.attrs.x)).toBeGreaterThanOrEqual(0);
      expect(Number(rect.attrs.x) + Number(rect.attrs.width)).toBeLessThanOrEqual(width);
    }
    for (const path of byClass(els, 'transition')) {
      const xs = path.attrs.d.split(/[MLQ ]+/).filter(Boolean).map((pt) => Number(pt.split(',')[0]));
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...xs)).toBeLessThanOrEqual(width);
    }
  });

  it('is deterministic and highlights nothing unless asked', () => {
    expect(machineSvg(d)).toBe(svg);
    expect(els.filter((e) => e.attrs['data-current'])).toEqual([]);
  });
});

describe('the XML check itself', () => {
  it.each(['<a><b></a>', '<a>&</a>', '<a x="<"/>', '<a x="1" x="2"/>', '<a/><b/>', '<a>', 'text'])('rejects %s', (bad) => {
    expect(() => parseXml(bad)).toThrow();
  });
});

describe('machineSvg highlights and labels', () => {
  it('gives the highlighted state a distinct fill and a bold border', () => {
    const svg = machineSvg(machines.dispute, { highlight: 'mediation.inProgress' });
    const current = elements(svg).filter((e) => e.attrs['data-current'] === 'true');
    expect(current.map((e) => e.attrs['data-state'])).toEqual(['mediation.inProgress']);
    const rect = current[0].children.find((c) => c.name === 'rect')!;
    const plain = byClass(withState(elements(svg), 'mediation.mediationFailed'), 'state')[0].children.find((c) => c.name === 'rect')!;
    expect(rect.attrs.fill).not.toBe(plain.attrs.fill);
    expect(Number(rect.attrs['stroke-width'])).toBeGreaterThan(Number(plain.attrs['stroke-width']));
    expect(textOf(parseXml(svg))).toContain('current state: mediation.inProgress');
  });

  it('highlights every drawing of a final state drawn once per source', () => {
    const current = elements(machineSvg(machines.collective, { highlight: 'closed' })).filter((e) => e.attrs['data-current']);
    expect(current.length).toBeGreaterThan(1);
    expect(new Set(current.map((e) => e.attrs['data-state']))).toEqual(new Set(['closed']));
  });

  it('merges parallel transitions into one arrow listing their events', () => {
    const els = elements(machineSvg(machines.dispute));
    const arrows = byClass(els, 'transition').filter((p) => p.attrs['data-from'] === 'mediation.inProgress' && p.attrs['data-to'] === 'mediation.mediationFailed');
    expect(arrows).toHaveLength(1);
    const label = byClass(els, 'label').map(textOf).find((t) => t.includes('PARTY_REFUSED'));
    expect(label).toContain('MEDIATION_FAILED');
  });

  it('marks legally guarded transitions with § and their citation in a tooltip', () => {
    const els = elements(machineSvg(machines.dispute));
    const accept = els.find((e) => e.name === 'text' && e.text === 'ACCEPT §')!;
    expect(accept.attrs.fill).toBe('#9f1239');
    const group = els.find((e) => e.children.includes(accept))!;
    expect(textOf(group.children[0])).toContain('企业劳动争议协商调解规定 第二十二条');
  });

  it('escapes markup in names and stays well-formed', () => {
    const hostile: MachineDescription = {
      kind: 'x<y', version: 1, initialStates: ['a&b'],
      states: [
        { state: 'a&b', final: false, transitions: [{ event: 'GO<"now">', target: "c'd", rules: [{ id: 'r', citation: '第<一>条 & "二"' }] }, { event: 'STAY&', target: null, rules: [] }] },
        { state: "c'd", final: true, transitions: [] },
      ],
    };
    const svg = machineSvg(hostile, { highlight: "c'd" });
    const text = textOf(parseXml(svg));
    expect(text).toContain('GO<"now"> §');
    expect(text).toContain('第<一>条 & "二"');
    expect(text).toContain('↻ STAY&');
    expect(svg).not.toContain('GO<"');
  });
});
