import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** A font parsed by fontkit; pdfkit accepts it in place of the file (anything with `layout`). */
export interface ParsedFont {
  layout(text: string): unknown;
  postscriptName: string;
}

let parsed: { regular: ParsedFont; bold: ParsedFont } | undefined;

/**
 * Both fonts parsed once per process and shared by every document: parsing the 8 MB CFF
 * fonts per document would dominate the render time. Each document still makes its own
 * subset, so sharing changes no byte of the output. fontkit is loaded the way pdfkit loads it
 * (pdfkit's own dependency), so the two always agree on the font object.
 */
export function loadParsedFonts(): { regular: ParsedFont; bold: ParsedFont } {
  if (!parsed) {
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Uint8Array): ParsedFont };
    const files = loadFonts();
    parsed = { regular: fontkit.create(files.regular), bold: fontkit.create(files.bold) };
  }
  return parsed;
}

/** Forgets the cached buffers and parsed fonts (the cold-start benchmark uses it). */
export function resetFontCache(): void {
  cached = undefined;
  parsed = undefined;
}
