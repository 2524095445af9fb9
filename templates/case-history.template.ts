/** 案件历史报告: every event of the case with its hash, and the chain verification (audit). */
import { z } from 'zod';
import { BaseSchema, type DocumentTemplate, compact, layout } from './common';
import { EVENT_TYPES, STATES } from './event-labels';
import { formatInstant, type Locale } from './format';
import type { Block } from './layout';
import { CASE_KINDS, OUTCOMES, ROLES, label, t } from './labels';
import { findSource, upTo } from './source';

const VerificationSchema = z.union([
  z.object({ ok: z.literal(true), events: z.number().int(), headHash: z.string() }),
  z.object({ ok: z.literal(false), brokenAt: z.number().int(), reason: z.string() }),
]);

export const CaseHistorySchema = BaseSchema.extend({
  kind: z.enum(['dispute', 'collective']),
  subject: z.string(),
  state: z.string(),
  status: z.enum(['open', 'closed']),
  outcome: z.string().optional(),
  events: z.array(
    z.object({
      seq: z.number().int(),
      type: z.string(),
      ruleId: z.string().optional(),
      actorRole: z.string(),
      actorId: z.string().optional(),
      actorName: z.string().optional(),
      occurredAt: z.string(),
      fromState: z.string().optional(),
      toState: z.string(),
      hash: z.string(),
    }),
  ),
  verification: VerificationSchema.optional(),
});
export type CaseHistoryData = z.infer<typeof CaseHistorySchema>;

function verificationText(d: CaseHistoryData, locale: Locale): string {
  const v = d.verification;
  if (!v) return t(locale, '本报告生成时未提供哈希链校验结果。', 'No hash-chain verification result was supplied when this report was generated.');
  if (v.ok) {
    return t(locale, `哈希链校验通过：共${v.events}个事件，链头哈希为 ${v.headHash}。`,
      `Hash chain verified: ${v.events} events, head hash ${v.headHash}.`);
  }
  return t(locale, `哈希链校验未通过：链在第${v.brokenAt}号事件处断裂。原因：${v.reason}`,
    `Hash chain verification FAILED: the chain breaks at event ${v.brokenAt}. Reason: ${v.reason}`);
}

const paren = (s: string, locale: Locale) => t(locale, `（${s}）`, ` (${s})`);

function build(d: CaseHistoryData, locale: Locale) {
  const title = t(locale, '案件历史报告', 'Case History Report');
  const state = label(STATES, d.state, locale);
  const status = d.status === 'closed'
    ? t(locale, '已结案', 'closed') + (d.outcome ? paren(label(OUTCOMES, d.outcome, locale), locale) : '')
    : t(locale, '办理中', 'open');
  const last = d.events[d.events.length - 1];
  const blocks: Block[] = [
    {
      kind: 'keyValue',
      rows: [
        { label: t(locale, '案件类型', 'Kind of case'), value: label(CASE_KINDS, d.kind, locale) },
        { label: t(locale, '案件', 'Case'), value: d.subject },
        { label: t(locale, '当前状态', 'State'), value: state + paren(d.state, locale) },
        { label: t(locale, '办理状态', 'Status'), value: status },
        { label: t(locale, '事件数', 'Events'), value: String(d.events.length) },
        { label: t(locale, '最新事件哈希', 'Latest event hash'), value: last?.hash ?? '—' },
      ],
    },
    { kind: 'notice', title: t(locale, '哈希链校验', 'Hash-chain verification'), text: verificationText(d, locale) },
    {
      kind: 'paragraph',
      text: t(locale, '说明：每个事件的哈希为其规范化 JSON（RFC 8785）的 SHA-256 值，并包含前一事件的哈希；时间为北京时间。',
        'Each event hash is the SHA-256 of its canonical JSON (RFC 8785) and includes the previous event\'s hash; times are Beijing time (UTC+8).'),
      small: true,
    },
    {
      kind: 'table',
      title: t(locale, '事件记录', 'Events'),
      dense: true,
      columns: [
        { header: t(locale, '序号', 'No.'), width: 0.45, align: 'center' },
        { header: t(locale, '事件', 'Event'), width: 1.75 },
        { header: t(locale, '操作人', 'Actor'), width: 1.25 },
        { header: t(locale, '发生时间', 'Occurred'), width: 1.2 },
        { header: t(locale, '状态变化', 'State change'), width: 1.7 },
        { header: t(locale, '哈希', 'Hash'), width: 2.1 },
      ],
      rows: d.events.map((e) => [
        String(e.seq),
        [label(EVENT_TYPES, e.type, locale), e.type, e.ruleId].filter(Boolean).join('\n'),
        // A person's name when known (their id stays in the stored history), else the id.
        [label(ROLES, e.actorRole, locale), e.actorName ?? e.actorId].filter(Boolean).join('\n'),
        formatInstant(e.occurredAt, locale),
        e.fromState === e.toState
          ? `${label(STATES, e.toState, locale)}${t(locale, '（不变）', ' (unchanged)')}`
          : `${e.fromState ? label(STATES, e.fromState, locale) : t(locale, '（开始）', '(start)')} → ${label(STATES, e.toState, locale)}`,
        e.hash,
      ]),
    },
  ];
  return layout(title, d, blocks, { subject: title });
}

export const caseHistory: DocumentTemplate<typeof CaseHistorySchema> = {
  type: 'case_history',
  kind: 'both',
  title: { 'zh-CN': '案件历史报告', en: 'Case History Report' },
  schema: CaseHistorySchema,
  build,
  fromCase(c, history, _orgs, options = {}) {
    const source = findSource(history, () => true, options.sourceSeq);
    if (!source) return null;
    const latest = source.seq === Math.max(...history.map((e) => e.seq));
    const subject = c.kind === 'dispute'
      ? `${c.data?.applicant?.name ?? ''} / ${c.data?.respondent?.name ?? ''}`
      : String(c.data?.title ?? '');
    const data: CaseHistoryData = compact({
      caseNumber: c.number,
      issuedAt: source.occurredAt,
      kind: c.kind,
      subject,
      state: latest ? c.state : source.toState,
      status: latest ? c.status : source.toState === 'closed' ? 'closed' : 'open',
      outcome: latest ? (c.outcome ?? undefined) : undefined,
      events: upTo(history, source.seq).map((e) =>
        compact({
          seq: e.seq,
          type: e.type,
          ruleId: e.type === 'DEADLINE_ELAPSED' ? e.payload?.ruleId : undefined,
          actorRole: e.actor.role,
          actorId: e.actor.id ?? undefined,
          actorName: e.actor.id ? options.people?.[e.actor.id] : undefined,
          occurredAt: e.occurredAt,
          fromState: e.fromState ?? undefined,
          toState: e.toState,
          hash: e.hash,
        }),
      ),
      verification: options.verification,
    });
    return { sourceSeq: source.seq, data };
  },
};
