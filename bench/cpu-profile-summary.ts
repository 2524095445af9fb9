import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the time went in a `node --cpu-prof` profile (e.g. the bench's HTTP server child, run
 * with BENCH_CPU_PROF=<dir>): self time by function and by module (package or source folder),
 * and inclusive time of the project's own functions.
 * Usage: npx tsx bench/cpu-profile-summary.ts <file.cpuprofile | dir> [top=25] [events]
 * With `events`, figures are also given per event (ms of CPU per request).
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

function moduleOf(url: string): string {
  if (!url) return '(native / VM)';
  const u = url.replace(/^file:\/\//, '');
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = u.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (u.startsWith('node:')) return u;
  const m = /\/work\/main\/(.*)$/.exec(u);
  if (m) return path.dirname(m[1]);
  return u;
}

function main() {
  const arg = process.argv[2];
  const top = Number(process.argv[3] ?? 25);
  const events = process.argv[4] ? Number(process.argv[4]) : undefined;
  if (!arg) throw new Error('usage: cpu-profile-summary <file|dir> [top] [events]');
  const file = statSync(arg).isDirectory()
    ? path.join(arg, readdirSync(arg).filter((f) => f.endsWith('.cpuprofile')).sort().pop()!)
    : arg;
  const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const totalUs = prof.endTime - prof.startTime;
  const interval = totalUs / prof.samples.length;
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Samples spent loading modules (start-up) or in `verify` are not the command's: left out.
  const excluded = new Map<number, string | undefined>();
  const reason = (id: number): string | undefined => {
    if (excluded.has(id)) return excluded.get(id);
    const f = byId.get(id)!.callFrame;
    let r: string | undefined;
    if (/node:internal\/modules|\/tsx\//.test(f.url) || f.functionName === 'wrapSafe' || /^\(anonymous\)$/.test(f.functionName) && f.lineNumber === 0 && /\/work\/main\//.test(f.url)) r = 'module loading';
    else if (/verify/i.test(f.functionName) || /verify\.service|versioned-replay/.test(f.url)) r = 'verify';
    else {
      const p = parent.get(id);
      r = p === undefined ? undefined : reason(p);
    }
    excluded.set(id, r);
    return r;
  };
  const self = new Map<number, number>();
  const left = new Map<string, number>();
  for (const s of prof.samples) {
    const r = reason(s);
    if (r) left.set(r, (left.get(r) ?? 0) + interval);
    else self.set(s, (self.get(s) ?? 0) + interval);
  }

  const fmt = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / busyUs()).toFixed(1).padStart(5)} %${events ? ` ${(us / 1000 / events).toFixed(2).padStart(6)} ms/event` : ''}`;
  const busyUs = () => [...self].reduce((a, [, t]) => a + t, 0) - idle;
  const idle = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, t]) => a + t, 0);
  const busy = [...self].reduce((a, [, t]) => a + t, 0) - idle;
  console.log(`${file}: ${(totalUs / 1000).toFixed(0)} ms wall, ${prof.samples.length} samples; busy (requests) ${(busy / 1000).toFixed(0)} ms${events ? ` = ${(busy / 1000 / events).toFixed(2)} ms CPU per event` : ''}, idle ${(idle / 1000).toFixed(0)} ms; left out: ${[...left].map(([k, t]) => `${k} ${(t / 1000).toFixed(0)} ms`).join(', ')}`);

  const fnSelf = new Map<string, number>();
  const modSelf = new Map<string, number>();
  for (const [id, t] of self) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)') continue;
    const key = `${f.functionName || '(anonymous)'}  ${moduleOf(f.url)}${f.url ? `/${path.basename(f.url)}:${f.lineNumber + 1}` : ''}`;
    fnSelf.set(key, (fnSelf.get(key) ?? 0) + t);
    modSelf.set(moduleOf(f.url), (modSelf.get(moduleOf(f.url)) ?? 0) + t);
  }
  console.log('\nself time by module:');
  for (const [k, t] of [...modSelf].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${fmt(t)}  ${k}`);
  console.log('\nself time by function:');
  for (const [k, t] of [...fnSelf].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${fmt(t)}  ${k}`);

  // Inclusive time of each project function (a function counted once per sample stack).
  const incl = new Map<string, number>();
  for (const [id, t] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (!/\/work\/main\/(src|machines|templates)\//.test(f.url) && !/node_modules\/(knex|pg|express|zod|xstate|canonicalize|@noble)\//.test(f.url)) continue;
      const key = `${f.functionName || '(anonymous)'}  ${moduleOf(f.url)}/${path.basename(f.url)}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + t);
    }
  }
  console.log('\ninclusive time (project code and main libraries):');
  for (const [k, t] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, top * 2)) console.log(`  ${fmt(t)}  ${k}`);
}

main();
