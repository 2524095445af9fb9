/** 协调处理协议书: the labor administration's coordination of a consultation dispute (CCP Arts 49-55). */
import { z } from 'zod';
import { BaseSchema, DateSchema, type DocumentTemplate, compact, date, layout } from './common';
import {
  PartiesSchema, basis, chiefOf, collectiveParties, representativesAt, sideLabel, sideName,
} from './collective-source';
import type { Locale } from './format';
import type { Block } from './layout';
import { t } from './labels';
import { eventDate, findSource, latestBefore, ofType } from './source';

export const CoordinationAgreementSchema = BaseSchema.extend({
  parties: PartiesSchema,
  via: z.enum(['request', 'escalation']),
  requestedBy: z.enum(['union', 'employer']).optional(),
  requestedOn: DateSchema.optional(),
  reason: z.string().optional(),
  acceptedOn: DateSchema.optional(),
  concludedOn: DateSchema,
  result: z.string(),
  openMatters: z.array(z.string()),
  unionChief: z.string().optional(),
  employerChief: z.string().optional(),
});
export type CoordinationAgreementData = z.infer<typeof CoordinationAgreementSchema>;

function build(d: CoordinationAgreementData, locale: Locale) {
  const title = t(locale, '集体协商争议协调处理协议书', 'Coordination Agreement on a Collective Consultation Dispute');
  const bureau = d.parties.bureau ?? t(locale, '劳动保障行政部门', 'Labor administration');
  const none = t(locale, '未记录', 'not recorded');
  const applicant = d.requestedBy
    ? t(locale, `${sideLabel(d.requestedBy, locale)}（${sideName(d.requestedBy, d.parties, locale)}）`,
      `${sideLabel(d.requestedBy, locale)} (${sideName(d.requestedBy, d.parties, locale)})`)
    : none;
  const indent = locale === 'zh-CN';
  const blocks: Block[] = [
    {
      kind: 'keyValue',
      rows: [
        { label: t(locale, '协商事项', 'Consultation'), value: d.parties.title },
        { label: t(locale, '职工方', 'Union side'), value: sideName('union', d.parties, locale) },
        { label: t(locale, '企业方', 'Employer side'), value: sideName('employer', d.parties, locale) },
        { label: t(locale, '协调处理机构', 'Coordinating authority'), value: bureau },
        {
          label: t(locale, '申请方式', 'Brought by'),
          value: d.via === 'escalation'
            ? t(locale, '一方拒绝协商后提请协调', 'Referral after a refusal to consult')
            : t(locale, '协商过程中申请协调处理', 'Request during consultation'),
        },
        { label: t(locale, '申请方', 'Applicant side'), value: applicant },
        { label: t(locale, '申请日期', 'Requested on'), value: date(d.requestedOn, locale, none) },
        { label: t(locale, '受理日期', 'Accepted on'), value: date(d.acceptedOn, locale, none) },
      ],
    },
    { kind: 'heading', text: t(locale, '一、争议事项', '1. Matters in dispute') },
    { kind: 'paragraph', text: d.reason ?? none, indent },
    { kind: 'heading', text: t(locale, '二、协调处理结果', '2. Result of coordination') },
    { kind: 'paragraph', text: d.result, indent },
    { kind: 'heading', text: t(locale, '三、需双方继续协商的事项', '3. Matters left for further consultation') },
    d.openMatters.length
      ? { kind: 'numbered', items: d.openMatters, style: indent ? 'cn' : 'arabic' }
      : { kind: 'paragraph', text: t(locale, '无。', 'None.') },
    {
      kind: 'paragraph',
      indent,
      text: t(locale, '本协议书由协调处理人员和争议双方首席代表签字盖章后生效，争议双方均应遵守。',
        'This agreement takes effect when signed and sealed by the coordinators and both chief representatives; both sides shall abide by it.'),
    },
    {
      kind: 'signatures',
      columns: 3,
      parties: [
        { role: t(locale, '协调处理人员（签字）', 'Coordinator (signature)') },
        { role: t(locale, '职工方首席代表（签字）', 'Union chief (signature)'), ...(d.unionChief ? { name: d.unionChief } : {}) },
        { role: t(locale, '企业方首席代表（签字）', 'Employer chief (signature)'), ...(d.employerChief ? { name: d.employerChief } : {}) },
      ],
    },
    { kind: 'seal', organization: bureau, label: t(locale, '（盖章）', '(Seal)'), date: date(d.concludedOn, locale) },
    basis(locale, '《集体合同规定》第四十九条至第五十五条', 'Collective Contract Provisions, Arts 49-55'),
  ];
  return layout(title, d, blocks, { subject: d.parties.title, author: bureau });
}

export const coordinationAgreement: DocumentTemplate<typeof CoordinationAgreementSchema> = {
  type: 'coordination_agreement',
  kind: 'collective',
  title: { 'zh-CN': '协调处理协议书', en: 'Coordination Agreement' },
  schema: CoordinationAgreementSchema,
  build,
  fromCase(c, history, orgs, options = {}) {
    const source = findSource(history, ofType('COORDINATION_CONCLUDED'), options.sourceSeq);
    if (!source) return null;
    const applied = latestBefore(history, source.seq, 'REQUEST_COORDINATION', 'ESCALATE_TO_LABOR_BUREAU');
    const accepted = latestBefore(history, source.seq, 'ACCEPT_COORDINATION');
    const role = applied?.actor.role;
    const reps = representativesAt(history, source.seq);
    const data: CoordinationAgreementData = compact({
      caseNumber: c.number,
      issuedAt: source.occurredAt,
      parties: collectiveParties(c, orgs, history),
      via: applied?.type === 'ESCALATE_TO_LABOR_BUREAU' ? 'escalation' : 'request',
      requestedBy: role === 'union_rep' ? 'union' : role === 'employer_rep' ? 'employer' : undefined,
      requestedOn: applied && eventDate(applied),
      reason: applied?.payload?.reason,
      acceptedOn: accepted && accepted.seq > (applied?.seq ?? 0) ? eventDate(accepted) : undefined,
      concludedOn: eventDate(source),
      result: String(source.payload?.result ?? ''),
      openMatters: source.payload?.openMatters ?? [],
      unionChief: chiefOf(reps.union),
      employerChief: chiefOf(reps.employer),
    });
    return { sourceSeq: source.seq, data };
  },
};
