/**
 * Text helpers for the machine diagrams: XML escaping and a width estimate. The layout runs on
 * the server without fonts, so widths are estimated per character, on the generous side (as wide
 * as DejaVu Sans, the usual fallback) so that labels fit in any of the listed fonts.
 */

export const FONT_FAMILY = "'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** Text for XML content and attribute values; drops the control characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 && ch !== '\n' && ch !== '\t') continue;
    if (code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff)) continue;
    switch (ch) {
      case '&': out += '&amp;'; break;
      case '<': out += '&lt;'; break;
      case '>': out += '&gt;'; break;
      case '"': out += '&quot;'; break;
      case "'": out += '&apos;'; break;
      default: out += ch;
    }
  }
  return out;
}

/** Estimated advance of one character, in em. */
function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x2e80) return 1; // CJK ideographs, kana, full-width forms
  if (ch === ' ') return 0.32;
  if ('il.,:;|!\'`'.includes(ch)) return 0.3;
  if ('fjtr()[]'.includes(ch)) return 0.4;
  if ('MW'.includes(ch)) return 0.9;
  if ('mw'.includes(ch)) return 0.88;
  if (ch >= 'A' && ch <= 'Z') return 0.73;
  if (ch >= 'a' && ch <= 'z') return 0.6;
  if (ch >= '0' && ch <= '9') return 0.64;
  if (ch === '_') return 0.5;
  return 0.7;
}

/** Estimated width in px of `text` at `fontSize` px. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return em * fontSize * (bold ? 1.1 : 1);
}

/** A number for an SVG attribute: one decimal, no `-0`, so the output is stable. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
