/** 集体协商要约书: the written request for collective consultation (CCP Art 32). */
import { z } from 'zod';
import { BaseSchema, DateSchema, type DocumentTemplate, compact, date, layout } from './common';
import {
  MemberSchema, PartiesSchema, basis, collectiveParties, membersTable, otherSide, representativesAt, sideName,
} from './collective-source';
import type { Locale } from './format';
import type { Block } from './layout';
import { CONTRACT_TYPES, SCOPES, TOPICS, label, t } from './labels';
import { eventDate, findSource, ofType } from './source';

export const ConsultationRequestSchema = BaseSchema.extend({
  parties: PartiesSchema,
  requester: z.enum(['union', 'employer']),
  contractType: z.string(),
  scope: z.string(),
  topics: z.array(z.string()),
  proposedTime: z.string().optional(),
  proposedPlace: z.string().optional(),
  sentOn: DateSchema,
  receivedOn: DateSchema,
  replyDueOn: DateSchema.optional(),
  representatives: z.array(MemberSchema).optional(),
});
export type ConsultationRequestData = z.infer<typeof ConsultationRequestSchema>;

function build(d: ConsultationRequestData, locale: Locale) {
  const title = t(locale, '集体协商要约书', 'Request for Collective Consultation');
  const from = sideName(d.requester, d.parties, locale);
  const to = sideName(otherSide(d.requester), d.parties, locale);
  const indent = locale === 'zh-CN';
  const sep = t(locale, '、', '; ');
  const unset = t(locale, '由双方商定', 'to be agreed');
  const blocks: Block[] = [
    { kind: 'paragraph', text: t(locale, `${to}：`, `To ${to}:`) },
    {
      kind: 'paragraph',
      text: t(
        locale,
        `根据《中华人民共和国劳动法》《中华人民共和国劳动合同法》和《集体合同规定》的有关规定，本方提议与贵方就订立《${d.parties.title}》进行集体协商。现将有关事项函告如下：`,
        `Under the Labor Law, the Labor Contract Law and the Collective Contract Provisions, we propose to consult with you collectively on concluding the "${d.parties.title}". The particulars are as follows:`,
      ),
      indent,
    },
    {
      kind: 'keyValue',
      rows: [
        { label: t(locale, '合同名称', 'Contract'), value: d.parties.title },
        { label: t(locale, '合同类型', 'Type'), value: label(CONTRACT_TYPES, d.contractType, locale) },
        { label: t(locale, '适用范围', 'Scope'), value: label(SCOPES, d.scope, locale) },
        { label: t(locale, '协商内容', 'Topics'), value: d.topics.map((x) => label(TOPICS, x, locale)).join(sep) },
        { label: t(locale, '建议协商时间', 'Proposed time'), value: d.proposedTime ?? unset },
        { label: t(locale, '建议协商地点', 'Proposed place'), value: d.proposedPlace ?? unset },
        { label: t(locale, '要约送达日期', 'Received by the other side on'), value: date(d.receivedOn, locale) },
      ],
    },
  ];
  if (d.representatives?.length) {
    blocks.push(membersTable(d.representatives, locale, t(locale, '本方协商代表', 'Our representatives')));
  }
  blocks.push({
    kind: 'notice',
    title: t(locale, '请予回应', 'Reply requested'),
    text:
      t(locale, '请贵方自收到本要约书之日起二十日内以书面形式予以回应，无正当理由不得拒绝进行集体协商。',
        'Please reply in writing within 20 days of receiving this request; collective consultation may not be refused without good reason.') +
      (d.replyDueOn ? t(locale, `回应期限届满日：${date(d.replyDueOn, locale)}。`, ` Reply due by ${date(d.replyDueOn, locale)}.`) : ''),
  });
  blocks.push(
    { kind: 'seal', organization: from, label: t(locale, '（盖章）', '(Seal)'), date: date(d.sentOn, locale) },
    basis(locale, '《集体合同规定》第三十二条', 'Collective Contract Provisions, Art 32'),
  );
  return layout(title, d, blocks, { subject: d.parties.title, author: from });
}

export const consultationRequest: DocumentTemplate<typeof ConsultationRequestSchema> = {
  type: 'consultation_request',
  kind: 'collective',
  title: { 'zh-CN': '集体协商要约书', en: 'Request for Collective Consultation' },
  schema: ConsultationRequestSchema,
  build,
  fromCase(c, history, orgs, options = {}) {
    const source = findSource(history, ofType('SEND_REQUEST'), options.sourceSeq);
    if (!source) return null;
    const p = source.payload ?? {};
    const requester = (c.data?.request?.side ?? c.data?.requester ?? 'union') as 'union' | 'employer';
    const data: ConsultationRequestData = compact({
      caseNumber: c.number,
      issuedAt: source.occurredAt,
      parties: collectiveParties(c, orgs, history),
      requester,
      contractType: String(c.data?.contractType ?? ''),
      scope: String(c.data?.scope ?? ''),
      topics: c.data?.topics ?? [],
      proposedTime: p.proposedTime,
      proposedPlace: p.proposedPlace,
      sentOn: eventDate(source),
      receivedOn: p.receivedOn ?? eventDate(source),
      replyDueOn: options.deadlines?.['collective.request.response'],
      representatives: representativesAt(history, source.seq)[requester],
    });
    return { sourceSeq: source.seq, data };
  },
};
