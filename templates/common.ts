/** Shared schemas and layout pieces of the document templates. */
import { z } from 'zod';
import { amountInCapitals, clause, formatAmount, formatDate, type Locale } from './format';
import type { Block, KeyValueBlock, LayoutDocument } from './layout';
import { CLAIM_TYPES, label, t } from './labels';
import type { CaseKind, FromCase } from './source';

export const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const AmountSchema = z.string().regex(/^\d{1,15}(\.\d{1,2})?$/, 'decimal string');

/** Every document carries its case number and the instant of its source event. */
export const BaseSchema = z.object({
  caseNumber: z.string().min(1),
  /** `occurredAt` of the source event: the document's date and the PDF's creation date. */
  issuedAt: z.string().min(1),
});

export const ApplicantSchema = z.object({
  name: z.string(),
  idNumber: z.string().optional(),
  phone: z.string().optional(),
  address: z.string().optional(),
  workers: z.number().int().optional(),
});
export const RespondentSchema = z.object({
  name: z.string(),
  creditCode: z.string().optional(),
  address: z.string().optional(),
  legalRepresentative: z.string().optional(),
});
export const TermSchema = z.object({ description: z.string(), amount: AmountSchema.optional() });
export const ClaimSchema = z.object({ type: z.string(), amount: AmountSchema.optional(), description: z.string() });

export type Applicant = z.infer<typeof ApplicantSchema>;
export type Respondent = z.infer<typeof RespondentSchema>;
export type Term = z.infer<typeof TermSchema>;
export type Claim = z.infer<typeof ClaimSchema>;

export type DocumentType =
  | 'mediation_application' | 'acceptance_notice' | 'mediation_record' | 'mediation_agreement'
  | 'settlement_agreement' | 'mediation_failure_record' | 'case_history'
  | 'consultation_request' | 'consultation_reply' | 'representatives_list' | 'meeting_minutes'
  | 'collective_contract' | 'congress_resolution' | 'filing_form' | 'review_opinion'
  | 'coordination_agreement';

export interface DocumentTemplate<S extends z.ZodType = z.ZodType> {
  type: DocumentType;
  /** The case kind the document applies to (`both`: any case). */
  kind: CaseKind | 'both';
  title: { 'zh-CN': string; en: string };
  schema: S;
  build(data: z.infer<S>, locale: Locale): LayoutDocument;
  fromCase: FromCase<z.infer<S>>;
}

/** Drops `null` and `undefined` members so optional zod fields accept the object. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
}

/** `¥12,000.00（人民币壹万贰仟元整）` in zh-CN, `CNY 12,000.00` in en. */
export function money(amount: string, locale: Locale): string {
  return locale === 'zh-CN' ? `${formatAmount(amount, locale)}（${amountInCapitals(amount)}）` : formatAmount(amount, locale);
}

export function date(d: string | undefined | null, locale: Locale, missing = ''): string {
  return d ? formatDate(d, locale) : missing;
}

/** The parties' particulars as a key-value table. */
export function partiesTable(
  applicant: Applicant,
  respondent: Respondent,
  locale: Locale,
  more: { label: string; value: string }[] = [],
): KeyValueBlock {
  const a = [
    applicant.name,
    applicant.idNumber && t(locale, `公民身份号码：${applicant.idNumber}`, `ID number: ${applicant.idNumber}`),
    applicant.phone && t(locale, `联系电话：${applicant.phone}`, `Telephone: ${applicant.phone}`),
    applicant.address && t(locale, `住址：${applicant.address}`, `Address: ${applicant.address}`),
    applicant.workers && t(locale, `劳动者人数：${applicant.workers}人`, `Number of workers: ${applicant.workers}`),
  ];
  const r = [
    respondent.name,
    respondent.creditCode && t(locale, `统一社会信用代码：${respondent.creditCode}`, `Unified social credit code: ${respondent.creditCode}`),
    respondent.address && t(locale, `住所：${respondent.address}`, `Address: ${respondent.address}`),
    respondent.legalRepresentative &&
      t(locale, `法定代表人：${respondent.legalRepresentative}`, `Legal representative: ${respondent.legalRepresentative}`),
  ];
  return {
    kind: 'keyValue',
    rows: [
      { label: t(locale, '申请人', 'Applicant'), value: a.filter(Boolean).join('\n') },
      { label: t(locale, '被申请人', 'Respondent'), value: r.filter(Boolean).join('\n') },
      ...more,
    ],
  };
}

/** Agreed terms as numbered items, with amounts in figures (and capitals in zh-CN). */
export function termItems(terms: readonly Term[], locale: Locale): string[] {
  return terms.map((term) =>
    term.amount ? `${clause(term.description)}${t(locale, '，金额', '; amount: ')}${money(term.amount, locale)}` : term.description,
  );
}

/** Claims as a table: type, amount, description. */
export function claimsTable(claims: readonly Claim[], locale: Locale): Block {
  return {
    kind: 'table',
    columns: [
      { header: t(locale, '请求事项类别', 'Type of claim'), width: 1.3 },
      { header: t(locale, '金额', 'Amount'), width: locale === 'zh-CN' ? 2.3 : 1.3 },
      { header: t(locale, '具体请求', 'Request'), width: 2.6 },
    ],
    rows: claims.map((c) => [
      label(CLAIM_TYPES, c.type, locale),
      c.amount ? money(c.amount, locale) : t(locale, '—', '—'),
      c.description,
    ]),
  };
}

/** Assembles the layout document every template returns. */
export function layout(
  title: string,
  data: { caseNumber: string; issuedAt: string },
  blocks: Block[],
  extra: { subtitle?: string; subject?: string; author?: string } = {},
): LayoutDocument {
  return {
    title,
    ...(extra.subtitle ? { subtitle: extra.subtitle } : {}),
    caseNumber: data.caseNumber,
    meta: compact({ title: `${title} ${data.caseNumber}`, subject: extra.subject, author: extra.author, createdAt: data.issuedAt }),
    blocks,
  };
}
