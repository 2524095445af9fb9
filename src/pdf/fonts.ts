import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Noto Sans SC (Noto Sans Hans), shipped by `@embedpdf/fonts-sc`; pdfkit embeds a subset. */
export interface FontFiles {
  regular: Buffer;
  bold: Buffer;
}

const PACKAGE = '@embedpdf/fonts-sc';
const REGULAR = 'NotoSansHans-Regular.otf';
const BOLD = 'NotoSansHans-Bold.otf';

/**
 * The package's `fonts/` folder. The package has an `exports` map without `./package.json`,
 * so resolve its entry point (dist/index.cjs) and go up; failing that, walk the node_modules
 * folders Node would search.
 */
export function resolveFontDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(path.join(path.dirname(require.resolve(PACKAGE)), '..', 'fonts'));
  } catch {
    // fall through to the node_modules walk
  }
  for (const dir of require.resolve.paths(PACKAGE) ?? []) {
    candidates.push(path.join(dir, PACKAGE, 'fonts'));
  }
  candidates.push(path.join(process.cwd(), 'node_modules', PACKAGE, 'fonts'));
  const found = candidates.find((dir) => existsSync(path.join(dir, REGULAR)));
  if (!found) throw new Error(`font ${REGULAR} not found: is ${PACKAGE} installed?`);
  return path.normalize(found);
}

let cached: FontFiles | undefined;

/** Reads both font files once per process (about 17 MB); later documents reuse the buffers. */
export function loadFonts(): FontFiles {
  if (!cached) {
    const dir = resolveFontDir();
    cached = { regular: readFileSync(path.join(dir, REGULAR)), bold: readFileSync(path.join(dir, BOLD)) };
  }
  return cached;
}

/** Forgets the cached buffers (the cold-start benchmark uses it). */
export function resetFontCache(): void {
  cached = undefined;
}
