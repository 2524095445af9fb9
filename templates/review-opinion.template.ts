/** 集体合同审查意见书: the labor administration's objection to a filed contract (CCP Arts 44-46). */
import { z } from 'zod';
import { BaseSchema, DateSchema, type DocumentTemplate, compact, date, layout } from './common';
import { PartiesSchema, basis, collectiveParties, sideName } from './collective-source';
import type { Locale } from './format';
import type { Block } from './layout';
import { t } from './labels';
import { findSource, latestBefore, ofType } from './source';

export const ReviewOpinionSchema = BaseSchema.extend({
  parties: PartiesSchema,
  receivedOn: DateSchema.optional(),
  signedOn: DateSchema.optional(),
  opinion: z.string(),
  servedOn: DateSchema,
});
export type ReviewOpinionData = z.infer<typeof ReviewOpinionSchema>;

function build(d: ReviewOpinionData, locale: Locale) {
  const title = t(locale, '集体合同审查意见书', 'Review Opinion on a Collective Contract');
  const employer = sideName('employer', d.parties, locale);
  const union = sideName('union', d.parties, locale);
  const bureau = d.parties.bureau ?? t(locale, '劳动保障行政部门', 'Labor administration');
  const none = t(locale, '未记录', 'not recorded');
  const where = (region?: string) => region ?? none;
  const blocks: Block[] = [
    { kind: 'paragraph', text: t(locale, `${employer}、${union}：`, `To ${employer} and ${union}:`) },
    {
      kind: 'keyValue',
      rows: [
        { label: t(locale, '用人单位', 'Employer'), value: employer },
        { label: t(locale, '用人单位所在地', 'Employer address'), value: where(d.parties.employerRegion) },
        { label: t(locale, '工会', 'Union'), value: union },
        { label: t(locale, '工会所在地', 'Union address'), value: where(d.parties.unionRegion) },
        { label: t(locale, '合同名称', 'Contract'), value: d.parties.title },
        { label: t(locale, '签订日期', 'Signed on'), value: date(d.signedOn, locale, none) },
        { label: t(locale, '收到合同文本日期', 'Text received on'), value: date(d.receivedOn, locale, none) },
      ],
    },
    {
      kind: 'paragraph',
      indent: locale === 'zh-CN',
      text: t(locale, `你们报送的《${d.parties.title}》收悉。经依法审查，提出如下审查意见：`,
        `We have received and reviewed the "${d.parties.title}" you submitted. Our opinion is as follows:`),
    },
    { kind: 'heading', text: t(locale, '审查意见', 'Opinion') },
    { kind: 'paragraph', text: d.opinion, indent: locale === 'zh-CN' },
    {
      kind: 'notice',
      text: t(locale, '请双方就审查意见所提事项重新进行协商，修改后的集体合同应当按规定重新报送审查。',
        'The parties are to consult again on the matters raised; the amended contract is to be submitted for review again.'),
    },
    {
      kind: 'keyValue',
      rows: [{ label: t(locale, '送达日期', 'Served on'), value: date(d.servedOn, locale) }],
    },
    { kind: 'seal', organization: bureau, label: t(locale, '（盖章）', '(Seal)'), date: date(d.servedOn, locale) },
    basis(locale, '《集体合同规定》第四十四条至第四十六条', 'Collective Contract Provisions, Arts 44-46'),
  ];
  return layout(title, d, blocks, { subject: d.parties.title, author: bureau });
}

export const reviewOpinion: DocumentTemplate<typeof ReviewOpinionSchema> = {
  type: 'review_opinion',
  kind: 'collective',
  title: { 'zh-CN': '审查意见书', en: 'Review Opinion' },
  schema: ReviewOpinionSchema,
  build,
  fromCase(c, history, orgs, options = {}) {
    const source = findSource(history, ofType('REVIEW_OBJECTION'), options.sourceSeq);
    if (!source) return null;
    const filing = latestBefore(history, source.seq, 'SUBMIT_FOR_FILING');
    const sign = latestBefore(history, source.seq, 'SIGN_CONTRACT');
    const data: ReviewOpinionData = compact({
      caseNumber: c.number,
      issuedAt: source.occurredAt,
      parties: collectiveParties(c, orgs, history),
      receivedOn: filing?.payload?.receivedOn,
      signedOn: sign?.payload?.signedOn,
      opinion: String(source.payload?.opinion ?? ''),
      servedOn: source.payload?.servedOn,
    });
    return { sourceSeq: source.seq, data };
  },
};
