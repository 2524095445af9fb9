/** architecture.md: machines are pure (xstate, zod and other pure modules only; no clock, no I/O). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '../../../../machines/dispute');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

describe('machines/dispute purity', () => {
  it('has the expected files', () => {
    expect(files).toEqual(expect.arrayContaining(['index.ts', 'dispute.machine.ts', 'dispute.events.ts', 'dispute.rules.ts']));
  });

  it.each(files)('%s imports only xstate, zod and machines/shared or its own folder', (file) => {
    const source = readFileSync(join(DIR, file), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const spec of imports) expect(spec).toMatch(/^(xstate|zod|\.\.\/shared\/[\w-]+|\.\/[\w.-]+)$/);
  });

  it.each(files)('%s reads no clock and does no I/O, and stays under 250 lines', (file) => {
    const source = readFileSync(join(DIR, file), 'utf8');
    expect(source).not.toMatch(/Date\.now|new Date\(|process\.|require\(|fetch\(/);
    expect(source.split('\n').length).toBeLessThanOrEqual(250);
  });
});
