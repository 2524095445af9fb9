/** 集体协商回应书: the written reply to a consultation request (CCP Art 32). */
import { z } from 'zod';
import { BaseSchema, DateSchema, type DocumentTemplate, compact, date, layout } from './common';
import {
  MemberSchema, PartiesSchema, basis, collectiveParties, membersTable, otherSide, representativesAt, sideName,
} from './collective-source';
import { clause, type Locale } from './format';
import type { Block } from './layout';
import { t } from './labels';
import { eventDate, findSource, latestBefore, ofType } from './source';

export const ConsultationReplySchema = BaseSchema.extend({
  parties: PartiesSchema,
  responder: z.enum(['union', 'employer']),
  agrees: z.boolean(),
  reason: z.string().optional(),
  repliedOn: DateSchema,
  requestReceivedOn: DateSchema.optional(),
  representatives: z.array(MemberSchema).optional(),
});
export type ConsultationReplyData = z.infer<typeof ConsultationReplySchema>;

function build(d: ConsultationReplyData, locale: Locale) {
  const title = t(locale, '集体协商回应书', 'Reply to a Request for Collective Consultation');
  const from = sideName(d.responder, d.parties, locale);
  const to = sideName(otherSide(d.responder), d.parties, locale);
  const indent = locale === 'zh-CN';
  const received = d.requestReceivedOn
    ? t(locale, `贵方于${date(d.requestReceivedOn, locale)}送达的集体协商要约书收悉。`,
      `We received your request for collective consultation on ${date(d.requestReceivedOn, locale)}.`)
    : t(locale, '贵方的集体协商要约书收悉。', 'We have received your request for collective consultation.');
  const decision = d.agrees
    ? t(locale, `经研究，本方同意就订立《${d.parties.title}》进行集体协商，具体协商时间、地点由双方协商确定。`,
      ` Having considered it, we agree to consult collectively on concluding the "${d.parties.title}"; the time and place will be agreed between us.`)
    : t(locale, `经研究，本方不同意进行集体协商。理由：${d.reason ? clause(d.reason) : '未说明'}。`,
      ` Having considered it, we do not agree to consult. Reason: ${d.reason ? clause(d.reason) : 'none given'}.`);
  const blocks: Block[] = [
    { kind: 'paragraph', text: t(locale, `${to}：`, `To ${to}:`) },
    { kind: 'paragraph', text: received + decision, indent },
  ];
  if (d.agrees && d.representatives?.length) {
    blocks.push(membersTable(d.representatives, locale, t(locale, '本方协商代表', 'Our representatives')));
  }
  if (!d.agrees) {
    blocks.push({
      kind: 'notice',
      text: t(locale, '一方拒绝集体协商的，另一方可以提请劳动保障行政部门协调处理。',
        'Where one side refuses to consult, the other side may ask the labor administration to coordinate.'),
    });
  }
  blocks.push(
    { kind: 'paragraph', text: t(locale, '特此回复。', 'Yours faithfully.'), indent },
    { kind: 'seal', organization: from, label: t(locale, '（盖章）', '(Seal)'), date: date(d.repliedOn, locale) },
    basis(locale, '《集体合同规定》第三十二条', 'Collective Contract Provisions, Art 32'),
  );
  return layout(title, d, blocks, { subject: d.parties.title, author: from });
}

export const consultationReply: DocumentTemplate<typeof ConsultationReplySchema> = {
  type: 'consultation_reply',
  kind: 'collective',
  title: { 'zh-CN': '集体协商回应书', en: 'Reply to a Consultation Request' },
  schema: ConsultationReplySchema,
  build,
  fromCase(c, history, orgs, options = {}) {
    const source = findSource(history, ofType('RESPONSE'), options.sourceSeq);
    if (!source) return null;
    const requester = (c.data?.request?.side ?? c.data?.requester ?? 'union') as 'union' | 'employer';
    const responder = otherSide(requester);
    const request = latestBefore(history, source.seq, 'SEND_REQUEST');
    const data: ConsultationReplyData = compact({
      caseNumber: c.number,
      issuedAt: source.occurredAt,
      parties: collectiveParties(c, orgs, history),
      responder,
      agrees: Boolean(source.payload?.agrees),
      reason: source.payload?.reason,
      repliedOn: eventDate(source),
      requestReceivedOn: request?.payload?.receivedOn,
      representatives: representativesAt(history, source.seq)[responder],
    });
    return { sourceSeq: source.seq, data };
  },
};
