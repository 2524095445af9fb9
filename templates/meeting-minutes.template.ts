/** 集体协商会议记录: minutes of one consultation meeting (CCP Arts 33-35). */
import { z } from 'zod';
import { BaseSchema, DateSchema, type DocumentTemplate, compact, date, layout } from './common';
import {
  PartiesSchema, basis, chiefOf, collectiveParties, recorderAt, representativesAt, sideLabel, sideName,
} from './collective-source';
import type { Locale } from './format';
import type { Block } from './layout';
import { t } from './labels';
import { findSource, ofType, upTo } from './source';

export const MeetingMinutesSchema = BaseSchema.extend({
  parties: PartiesSchema,
  meetingNo: z.number().int().positive(),
  heldOn: DateSchema,
  chairSide: z.enum(['union', 'employer']),
  chair: z.string().optional(),
  attendees: z.array(z.string()),
  summary: z.string(),
  agreed: z.array(z.string()),
  open: z.array(z.string()),
  recorder: z.string().optional(),
  unionChief: z.string().optional(),
  employerChief: z.string().optional(),
});
export type MeetingMinutesData = z.infer<typeof MeetingMinutesSchema>;

function list(items: string[], locale: Locale, none: string): Block {
  return items.length
    ? { kind: 'numbered', items, style: locale === 'zh-CN' ? 'cn' : 'arabic' }
    : { kind: 'paragraph', text: none };
}

function build(d: MeetingMinutesData, locale: Locale) {
  const title = t(locale, '集体协商会议记录', 'Minutes of a Collective Consultation Meeting');
  const org = sideName(d.chairSide, d.parties, locale);
  const chairSide = t(locale, `${sideLabel(d.chairSide, locale)}（${org}）`, `${sideLabel(d.chairSide, locale)} (${org})`);
  const blocks: Block[] = [
    {
      kind: 'keyValue',
      rows: [
        { label: t(locale, '协商事项', 'Consultation'), value: d.parties.title },
        { label: t(locale, '会议次数', 'Meeting'), value: t(locale, `第${d.meetingNo}次协商会议`, `Meeting no. ${d.meetingNo}`) },
        { label: t(locale, '会议日期', 'Date'), value: date(d.heldOn, locale) },
        { label: t(locale, '主持方', 'Chaired by'), value: d.chair ? `${d.chair}${t(locale, '，', ', ')}${chairSide}` : chairSide },
        { label: t(locale, '出席人员', 'Present'), value: d.attendees.join(t(locale, '、', ', ')) },
        { label: t(locale, '记录员', 'Recorder'), value: d.recorder ?? t(locale, '未指定', 'not appointed') },
      ],
    },
    { kind: 'heading', text: t(locale, '一、协商情况', '1. Proceedings') },
    { kind: 'paragraph', text: d.summary, indent: locale === 'zh-CN' },
    { kind: 'heading', text: t(locale, '二、双方达成一致的事项', '2. Points agreed') },
    list(d.agreed, locale, t(locale, '无。', 'None.')),
    { kind: 'heading', text: t(locale, '三、尚未达成一致的事项', '3. Points still open') },
    list(d.open, locale, t(locale, '无。', 'None.')),
    {
      kind: 'paragraph',
      text: t(locale, '以上记录经双方首席代表审阅确认。', 'These minutes have been read and confirmed by both chief representatives.'),
      indent: locale === 'zh-CN',
    },
    {
      kind: 'signatures',
      columns: 3,
      parties: [
        { role: t(locale, '职工方首席代表（签字）', 'Union chief (signature)'), ...(d.unionChief ? { name: d.unionChief } : {}) },
        { role: t(locale, '企业方首席代表（签字）', 'Employer chief (signature)'), ...(d.employerChief ? { name: d.employerChief } : {}) },
        { role: t(locale, '记录员（签字）', 'Recorder (signature)'), ...(d.recorder ? { name: d.recorder } : {}) },
      ],
    },
    basis(locale, '《集体合同规定》第三十三条至第三十五条', 'Collective Contract Provisions, Arts 33-35'),
  ];
  return layout(title, d, blocks, { subject: d.parties.title });
}

export const meetingMinutes: DocumentTemplate<typeof MeetingMinutesSchema> = {
  type: 'meeting_minutes',
  kind: 'collective',
  title: { 'zh-CN': '集体协商会议记录', en: 'Meeting Minutes' },
  schema: MeetingMinutesSchema,
  build,
  fromCase(c, history, orgs, options = {}) {
    const source = findSource(history, ofType('RECORD_MEETING'), options.sourceSeq);
    if (!source) return null;
    const p = source.payload ?? {};
    const reps = representativesAt(history, source.seq);
    const chairSide = p.chairSide === 'employer' ? 'employer' : 'union';
    const data: MeetingMinutesData = compact({
      caseNumber: c.number,
      issuedAt: source.occurredAt,
      parties: collectiveParties(c, orgs, history),
      meetingNo: upTo(history, source.seq).filter((e) => e.type === 'RECORD_MEETING').length,
      heldOn: p.heldOn,
      chairSide,
      chair: chiefOf(reps[chairSide]),
      attendees: p.attendees ?? [],
      summary: String(p.summary ?? ''),
      agreed: p.agreed ?? [],
      open: p.open ?? [],
      recorder: recorderAt(history, source.seq),
      unionChief: chiefOf(reps.union),
      employerChief: chiefOf(reps.employer),
    });
    return { sourceSeq: source.seq, data };
  },
};
