/** 职工代表大会决议: the congress (or all-employee) vote on the draft (CCP Art 36; EDM Art 20). */
import { z } from 'zod';
import { BaseSchema, DateSchema, type DocumentTemplate, compact, date, layout } from './common';
import { PartiesSchema, basis, collectiveParties, sideName } from './collective-source';
import type { Locale } from './format';
import type { Block } from './layout';
import { VOTE_BODIES, VOTE_METHODS, label, t } from './labels';
import { findSource, type HistoryEvent, latestBefore, ofType } from './source';

export const CongressResolutionSchema = BaseSchema.extend({
  parties: PartiesSchema,
  body: z.enum(['workers_congress', 'all_employees']),
  total: z.number().int(),
  present: z.number().int(),
  yes: z.number().int(),
  no: z.number().int(),
  abstain: z.number().int(),
  invalid: z.number().int().optional(),
  method: z.string(),
  heldOn: DateSchema,
  presiding: z.string().optional(),
  result: z.enum(['passed', 'rejected', 'noQuorum']),
  draftVersion: z.number().int().optional(),
});
export type CongressResolutionData = z.infer<typeof CongressResolutionSchema>;

function outcome(d: CongressResolutionData, locale: Locale): string {
  const title = d.parties.title;
  const who = d.body === 'workers_congress' ? '职工代表' : '职工';
  if (d.result === 'noQuorum') {
    return t(locale, `到会人数不足全体${who}的三分之二，本次会议不能进行表决。`,
      'Fewer than two thirds of the members were present: no vote could be taken.');
  }
  if (d.result === 'passed') {
    const over = d.yes * 2 > d.total;
    return t(locale, `同意票${over ? '超过' : '达到'}全体${who}的半数。会议决议：通过《${title}》（草案）。`,
      `The votes in favor ${over ? 'exceed' : 'reach'} half of all members. Resolution: the draft "${title}" is approved.`);
  }
  return t(locale, `同意票未超过全体${who}的半数，《${title}》（草案）未获通过，双方应当重新协商。`,
    `The votes in favor do not exceed half of all members; the draft "${title}" is not approved and the parties are to consult again.`);
}

function build(d: CongressResolutionData, locale: Locale) {
  const body = label(VOTE_BODIES, d.body, locale);
  const employer = sideName('employer', d.parties, locale);
  const title = d.body === 'workers_congress'
    ? t(locale, '职工代表大会决议', "Resolution of the Workers' Congress")
    : t(locale, '全体职工大会决议', 'Resolution of the All-Employee Assembly');
  const counts = [
    { label: t(locale, '应到人数', 'Members'), value: String(d.total) },
    { label: t(locale, '实到人数', 'Present'), value: String(d.present) },
    { label: t(locale, '同意', 'In favor'), value: String(d.yes) },
    { label: t(locale, '反对', 'Against'), value: String(d.no) },
    { label: t(locale, '弃权', 'Abstentions'), value: String(d.abstain) },
    ...(d.invalid !== undefined ? [{ label: t(locale, '无效票', 'Invalid'), value: String(d.invalid) }] : []),
    { label: t(locale, '表决方式', 'Method'), value: label(VOTE_METHODS, d.method, locale) },
  ];
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      indent: locale === 'zh-CN',
      text: t(locale,
        `${employer}于${date(d.heldOn, locale)}召开${body}，审议《${d.parties.title}》（草案${d.draftVersion ? `第${d.draftVersion}稿` : ''}）。会议应到${d.total}人，实到${d.present}人，采用${label(VOTE_METHODS, d.method, locale)}方式表决。`,
        `${employer} held a ${body} on ${date(d.heldOn, locale)} to consider the draft "${d.parties.title}"${d.draftVersion ? ` (draft ${d.draftVersion})` : ''}. Of ${d.total} members, ${d.present} were present; the vote was by ${label(VOTE_METHODS, d.method, locale)}.`),
    },
    { kind: 'keyValue', title: t(locale, '表决结果', 'Result of the vote'), rows: counts },
    { kind: 'paragraph', text: outcome(d, locale), bold: true, indent: locale === 'zh-CN' },
    {
      kind: 'signatures',
      parties: [{ role: t(locale, '会议主持人（签字）', 'Presiding (signature)'), ...(d.presiding ? { name: d.presiding } : {}), date: date(d.heldOn, locale) }],
    },
    basis(locale, '《集体合同规定》第三十六条、《企业民主管理规定》第二十条', 'Collective Contract Provisions, Art 36; Provisions on Democratic Management of Enterprises, Art 20'),
  ];
  return layout(title, d, blocks, { subject: d.parties.title, author: employer });
}

/** Result as the machine decided it: the state the vote led to. */
function resultOf(e: HistoryEvent): CongressResolutionData['result'] {
  if (e.toState === 'signing') return 'passed';
  if (e.toState === 'consulting') return 'rejected';
  if (e.toState === 'congressReview') return 'noQuorum';
  const p = e.payload ?? {};
  if (p.present * 3 < p.total * 2) return 'noQuorum';
  return p.yes * 2 > p.total ? 'passed' : 'rejected';
}

export const congressResolution: DocumentTemplate<typeof CongressResolutionSchema> = {
  type: 'congress_resolution',
  kind: 'collective',
  title: { 'zh-CN': '职工代表大会决议', en: "Resolution of the Workers' Congress" },
  schema: CongressResolutionSchema,
  build,
  fromCase(c, history, orgs, options = {}) {
    const source = findSource(history, ofType('RECORD_VOTE'), options.sourceSeq);
    if (!source) return null;
    const p = source.payload ?? {};
    const data: CongressResolutionData = compact({
      caseNumber: c.number,
      issuedAt: source.occurredAt,
      parties: collectiveParties(c, orgs, history),
      body: p.body === 'all_employees' ? 'all_employees' : 'workers_congress',
      total: p.total,
      present: p.present,
      yes: p.yes,
      no: p.no,
      abstain: p.abstain,
      invalid: p.invalid,
      method: String(p.method ?? ''),
      heldOn: p.heldOn,
      presiding: p.presiding,
      result: resultOf(source),
      draftVersion: latestBefore(history, source.seq, 'DRAFT_AGREED')?.payload?.draftVersion,
    });
    return { sourceSeq: source.seq, data };
  },
};
