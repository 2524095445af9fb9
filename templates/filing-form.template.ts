/** 集体合同报送表: submission of the signed contract to the labor administration (CCP Arts 42-47). */
import { z } from 'zod';
import { BaseSchema, DateSchema, type DocumentTemplate, compact, date, layout } from './common';
import { PartiesSchema, basis, chiefOf, collectiveParties, representativesAt, sideName } from './collective-source';
import type { Locale } from './format';
import type { Block } from './layout';
import { CONTRACT_TYPES, SCOPES, VOTE_BODIES, label, t } from './labels';
import { findSource, latestBefore, ofType } from './source';

export const FilingFormSchema = BaseSchema.extend({
  parties: PartiesSchema,
  contractType: z.string(),
  scope: z.string(),
  signedOn: DateSchema.optional(),
  termMonths: z.number().int().optional(),
  termStart: DateSchema.optional(),
  receivedOn: DateSchema,
  reviewDueOn: DateSchema.optional(),
  unionChief: z.string().optional(),
  employerChief: z.string().optional(),
  vote: z.object({ body: z.string(), heldOn: DateSchema, total: z.number(), present: z.number(), yes: z.number() }).optional(),
});
export type FilingFormData = z.infer<typeof FilingFormSchema>;

function materials(d: FilingFormData, locale: Locale): string[] {
  return [
    t(locale, '集体合同文本（一式三份）', 'The contract text (three copies)'),
    t(locale, '集体协商情况说明（协商代表产生情况、协商过程、主要问题及上一期合同履行情况）',
      'A note on the consultation: how the representatives were chosen, the process, the main issues and the performance of the previous contract'),
    t(locale, '职工代表大会或者全体职工讨论通过的决议（载明到会人数和表决结果）', "The congress or all-employee resolution, with the number present and the vote"),
    t(locale, '双方首席代表的身份证明及授权委托书', 'Identity documents and any letters of authority of both chief representatives'),
    t(locale, '双方协商代表名单', "Both sides' lists of representatives"),
    t(locale, '经双方首席代表签字的集体协商会议记录', 'The consultation minutes signed by both chiefs'),
    t(locale, '用人单位和工会依法成立的证明材料', 'Proof that the employer and the union were lawfully established'),
    ...(d.contractType === 'wages'
      ? [t(locale, '上年度职工平均工资、本年度工资调整幅度及涉及职工人数', "Last year's average wage, this year's adjustment rate and the number of employees covered")]
      : []),
  ];
}

const region = (r: string | undefined, locale: Locale) => (r ? t(locale, `（${r}）`, ` (${r})`) : '');

function build(d: FilingFormData, locale: Locale) {
  const title = t(locale, '集体合同报送表', 'Collective Contract Filing Form');
  const employer = sideName('employer', d.parties, locale);
  const union = sideName('union', d.parties, locale);
  const none = t(locale, '未记录', 'not recorded');
  const term = d.termMonths
    ? t(locale, `${d.termMonths}个月，自${d.termStart ? date(d.termStart, locale) : '生效之日'}起`,
      `${d.termMonths} months from ${d.termStart ? date(d.termStart, locale) : 'entry into force'}`)
    : none;
  const vote = d.vote
    ? t(locale, `${date(d.vote.heldOn, locale)}，${label(VOTE_BODIES, d.vote.body, locale)}应到${d.vote.total}人，实到${d.vote.present}人，同意${d.vote.yes}票，通过`,
      `${date(d.vote.heldOn, locale)}, ${label(VOTE_BODIES, d.vote.body, locale)}: ${d.vote.total} members, ${d.vote.present} present, ${d.vote.yes} in favor; approved`)
    : none;
  const blocks: Block[] = [
    {
      kind: 'keyValue',
      rows: [
        { label: t(locale, '合同名称', 'Contract'), value: d.parties.title },
        { label: t(locale, '合同类型', 'Type'), value: label(CONTRACT_TYPES, d.contractType, locale) },
        { label: t(locale, '适用范围', 'Scope'), value: label(SCOPES, d.scope, locale) },
        { label: t(locale, '用人单位', 'Employer'), value: employer + region(d.parties.employerRegion, locale) },
        { label: t(locale, '工会', 'Union'), value: union + region(d.parties.unionRegion, locale) },
        { label: t(locale, '企业方首席代表', 'Employer chief'), value: d.employerChief ?? none },
        { label: t(locale, '职工方首席代表', 'Union chief'), value: d.unionChief ?? none },
        { label: t(locale, '签订日期', 'Signed on'), value: date(d.signedOn, locale, none) },
        { label: t(locale, '合同期限', 'Term'), value: term },
        { label: t(locale, '审议通过情况', 'Approval'), value: vote },
        { label: t(locale, '审查机关', 'Reviewing authority'), value: d.parties.bureau ?? t(locale, '劳动保障行政部门', 'Labor administration') },
        { label: t(locale, '收到日期', 'Received on'), value: date(d.receivedOn, locale) },
        ...(d.reviewDueOn ? [{ label: t(locale, '审查期限届满日', 'Review due by'), value: date(d.reviewDueOn, locale) }] : []),
      ],
    },
    { kind: 'numbered', title: t(locale, '报送材料', 'Materials submitted'), items: materials(d, locale) },
    {
      kind: 'notice',
      text: t(locale, '劳动保障行政部门自收到集体合同文本之日起十五日内未提出异议的，集体合同即行生效。',
        'If the labor administration raises no objection within 15 days of receiving the contract text, the contract enters into force.'),
    },
    {
      kind: 'signatures',
      parties: [
        { role: t(locale, '报送单位（盖章）', 'Submitted by (seal)'), name: employer },
        { role: t(locale, '受理机关（盖章）', 'Received by (seal)'), ...(d.parties.bureau ? { name: d.parties.bureau } : {}), date: date(d.receivedOn, locale) },
      ],
    },
    basis(locale, '《集体合同规定》第四十二条至第四十七条', 'Collective Contract Provisions, Arts 42-47'),
  ];
  return layout(title, d, blocks, { subject: d.parties.title, author: employer });
}

export const filingForm: DocumentTemplate<typeof FilingFormSchema> = {
  type: 'filing_form',
  kind: 'collective',
  title: { 'zh-CN': '集体合同报送表', en: 'Filing Form' },
  schema: FilingFormSchema,
  build,
  fromCase(c, history, orgs, options = {}) {
    const source = findSource(history, ofType('SUBMIT_FOR_FILING'), options.sourceSeq);
    if (!source) return null;
    const sign = latestBefore(history, source.seq, 'SIGN_CONTRACT');
    const votes = history.filter((e) => e.seq < source.seq && e.type === 'RECORD_VOTE' && e.toState === 'signing');
    const v = votes[votes.length - 1]?.payload;
    const reps = representativesAt(history, source.seq);
    const dueFromData = c.data?.filing?.receivedOn === source.payload?.receivedOn ? c.data?.filing?.reviewDueOn : undefined;
    const data: FilingFormData = compact({
      caseNumber: c.number,
      issuedAt: source.occurredAt,
      parties: collectiveParties(c, orgs, history),
      contractType: String(c.data?.contractType ?? ''),
      scope: String(c.data?.scope ?? ''),
      signedOn: sign?.payload?.signedOn,
      termMonths: sign?.payload?.termMonths,
      termStart: sign?.payload?.termStart,
      receivedOn: source.payload?.receivedOn,
      reviewDueOn: options.deadlines?.['collective.review'] ?? dueFromData,
      unionChief: chiefOf(reps.union),
      employerChief: chiefOf(reps.employer),
      vote: v && { body: v.body, heldOn: v.heldOn, total: v.total, present: v.present, yes: v.yes },
    });
    return { sourceSeq: source.seq, data };
  },
};
