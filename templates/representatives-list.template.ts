/** 协商代表名单: both sides' representatives (CCP Arts 19-24, 33). */
import { z } from 'zod';
import { BaseSchema, DateSchema, type DocumentTemplate, compact, date, layout } from './common';
import {
  type Member, MemberSchema, PartiesSchema, basis, chiefOf, collectiveParties, membersTable, recorderAt,
  representativesAt, sideName,
} from './collective-source';
import type { Locale } from './format';
import type { Block } from './layout';
import { t } from './labels';
import { eventDate, findSource, ofType } from './source';

export const RepresentativesListSchema = BaseSchema.extend({
  parties: PartiesSchema,
  union: z.array(MemberSchema).optional(),
  employer: z.array(MemberSchema).optional(),
  recorder: z.string().optional(),
  asOf: DateSchema,
});
export type RepresentativesListData = z.infer<typeof RepresentativesListSchema>;

function sideBlocks(members: Member[] | undefined, heading: string, locale: Locale): Block[] {
  if (!members?.length) {
    return [
      { kind: 'heading', text: heading, level: 2 },
      { kind: 'paragraph', text: t(locale, '尚未确定。', 'Not yet named.') },
    ];
  }
  const external = members.filter((m) => m.external).length;
  return [
    { kind: 'heading', text: heading, level: 2 },
    membersTable(members, locale),
    {
      kind: 'paragraph',
      text: t(locale, `共${members.length}人，其中首席代表${chiefOf(members) ?? '未确定'}，外聘人员${external}人。`,
        `${members.length} representatives; chief: ${chiefOf(members) ?? 'not named'}; external experts: ${external}.`),
    },
  ];
}

function build(d: RepresentativesListData, locale: Locale) {
  const title = t(locale, '集体协商代表名单', 'List of Collective Consultation Representatives');
  const union = sideName('union', d.parties, locale);
  const employer = sideName('employer', d.parties, locale);
  const blocks: Block[] = [
    {
      kind: 'keyValue',
      rows: [
        { label: t(locale, '协商事项', 'Consultation'), value: d.parties.title },
        { label: t(locale, '名单日期', 'As of'), value: date(d.asOf, locale) },
        { label: t(locale, '记录员', 'Recorder'), value: d.recorder ?? t(locale, '尚未指定', 'not yet appointed') },
      ],
    },
    ...sideBlocks(d.union, t(locale, `一、职工方（${union}）`, `1. Union side (${union})`), locale),
    ...sideBlocks(d.employer, t(locale, `二、企业方（${employer}）`, `2. Employer side (${employer})`), locale),
    {
      kind: 'paragraph',
      text: t(locale,
        '说明：双方协商代表人数应当对等，每方至少三人，并各确定一名首席代表；委托的本单位以外的专业人员不得超过本方代表的三分之一，首席代表不得由非本单位人员代理；记录员由双方共同指定，不得由协商代表兼任。',
        'Note: both sides have equal numbers of representatives, at least three each, with one chief each; outside experts may not exceed one third of a side and may not act as chief; the recorder, appointed jointly, is not a representative.'),
      small: true,
    },
    {
      kind: 'signatures',
      parties: [
        { role: t(locale, '职工方首席代表（签字）', 'Union chief representative (signature)'), ...(chiefOf(d.union) ? { name: chiefOf(d.union) } : {}) },
        { role: t(locale, '企业方首席代表（签字）', 'Employer chief representative (signature)'), ...(chiefOf(d.employer) ? { name: chiefOf(d.employer) } : {}) },
      ],
    },
    basis(locale, '《集体合同规定》第十九条至第二十四条、第三十三条', 'Collective Contract Provisions, Arts 19-24 and 33'),
  ];
  return layout(title, d, blocks, { subject: d.parties.title });
}

export const representativesList: DocumentTemplate<typeof RepresentativesListSchema> = {
  type: 'representatives_list',
  kind: 'collective',
  title: { 'zh-CN': '协商代表名单', en: 'Representatives List' },
  schema: RepresentativesListSchema,
  build,
  fromCase(c, history, orgs, options = {}) {
    const source = findSource(history, ofType('NAME_REPRESENTATIVES'), options.sourceSeq);
    if (!source) return null;
    const reps = representativesAt(history, source.seq);
    const data: RepresentativesListData = compact({
      caseNumber: c.number,
      issuedAt: source.occurredAt,
      parties: collectiveParties(c, orgs, history),
      union: reps.union,
      employer: reps.employer,
      recorder: recorderAt(history, source.seq),
      asOf: eventDate(source),
    });
    return { sourceSeq: source.seq, data };
  },
};
