/**
 * The declarative document model templates produce and `src/pdf` renders. Text is plain
 * (no letter-spacing, no drawn glyphs) so a text extractor finds every title and value.
 */

export interface LayoutMeta {
  /** PDF Title. */
  title: string;
  subject?: string;
  /** ISO instant of the source event: the PDF's creation and modification date. */
  createdAt: string;
  author?: string;
}

/** A heading inside the body (level 1: section, level 2: sub-section). */
export interface HeadingBlock {
  kind: 'heading';
  text: string;
  level?: 1 | 2;
}

/** Running text; `indent` gives the Chinese two-character first-line indent. */
export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  indent?: boolean;
  bold?: boolean;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Small muted print, for legal bases and explanatory notes. */
  small?: boolean;
}

/** A titled section of numbered items (一、二、... or 1. 2. ...). */
export interface NumberedBlock {
  kind: 'numbered';
  title?: string;
  items: string[];
  /** `cn`: （一）（二）; `arabic`: 1. 2. (default). */
  style?: 'cn' | 'arabic';
}

/** Label / value pairs drawn as a two-column ruled table. */
export interface KeyValueBlock {
  kind: 'keyValue';
  title?: string;
  rows: { label: string; value: string }[];
}

/** A ruled table; the header row repeats on each page the table continues on. */
export interface TableBlock {
  kind: 'table';
  title?: string;
  /** `width`: relative weight of the column (default 1). */
  columns: { header: string; width?: number; align?: 'left' | 'center' | 'right' }[];
  rows: string[][];
  /** Small font, for dense tables such as the history report. */
  dense?: boolean;
}

/** One signatory: a role line with an optional printed name, and a date line. */
export interface Signatory {
  /** e.g. `申请人（签名或盖章）` / `Applicant (signature or seal)`. */
  role: string;
  name?: string;
  /** Printed when the signature is already recorded (e.g. `已签名，2026年11月10日`). */
  note?: string;
  /** Date line; a blank line to fill in by hand when absent. */
  date?: string;
}

export interface SignatureBlock {
  kind: 'signatures';
  parties: Signatory[];
  /** Columns per row (default 2). */
  columns?: 1 | 2 | 3;
}

/** The organization's seal area: name, `（盖章）` and date, right-aligned. */
export interface SealBlock {
  kind: 'seal';
  organization: string;
  label: string;
  date?: string;
}

/** A boxed notice (legal statements the reader must see). */
export interface NoticeBlock {
  kind: 'notice';
  title?: string;
  text: string;
}

/**
 * The legal basis of the document: not drawn in the flow but in small print at the foot of
 * the last page, above the page number (so it never pushes a signature block to a new page).
 */
export interface BasisBlock {
  kind: 'basis';
  text: string;
}

export interface SpacerBlock {
  kind: 'spacer';
  /** Height in points (default 12). */
  size?: number;
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | NumberedBlock
  | KeyValueBlock
  | TableBlock
  | SignatureBlock
  | SealBlock
  | NoticeBlock
  | SpacerBlock
  | BasisBlock;

export interface LayoutDocument {
  title: string;
  subtitle?: string;
  caseNumber: string;
  meta: LayoutMeta;
  blocks: Block[];
}
