/** 调解笔录: the record of one mediation session (practice; signed by mediator and parties). */
import { z } from 'zod';
import { BaseSchema, DateSchema, type DocumentTemplate, compact, date, layout } from './common';
import { basis, committee, committeeOrDefault, parties } from './dispute-source';
import type { Locale } from './format';
import type { Block } from './layout';
import { CLAIM_TYPES, label, t } from './labels';
import { findSource, ofType, upTo } from './source';

export const MediationRecordSchema = BaseSchema.extend({
  applicant: z.string(),
  respondent: z.string(),
  committee: z.string().optional(),
  claimTypes: z.array(z.string()),
  sessionNo: z.number().int().positive(),
  heldOn: DateSchema,
  place: z.string().optional(),
  attendees: z.array(z.string()),
  summary: z.string(),
  proposals: z.array(z.string()),
});
export type MediationRecordData = z.infer<typeof MediationRecordSchema>;

function build(d: MediationRecordData, locale: Locale) {
  const title = t(locale, '劳动争议调解笔录', 'Record of a Mediation Session');
  const sep = t(locale, '、', ', ');
  const matters = [...new Set(d.claimTypes)].map((c) => label(CLAIM_TYPES, c, locale)).join(sep);
  const blocks: Block[] = [
    {
      kind: 'keyValue',
      rows: [
        { label: t(locale, '案由', 'Matters in dispute'), value: matters || t(locale, '劳动争议', 'Labor dispute') },
        { label: t(locale, '调解次数', 'Session'), value: t(locale, `第${d.sessionNo}次调解`, `Session no. ${d.sessionNo}`) },
        { label: t(locale, '调解时间', 'Date'), value: date(d.heldOn, locale) },
        { label: t(locale, '调解地点', 'Place'), value: d.place ?? t(locale, '未记录', 'not recorded') },
        { label: t(locale, '调解组织', 'Mediation organization'), value: committeeOrDefault(d.committee, locale) },
        { label: t(locale, '申请人', 'Applicant'), value: d.applicant },
        { label: t(locale, '被申请人', 'Respondent'), value: d.respondent },
        { label: t(locale, '到场人员', 'Present'), value: d.attendees.join(sep) || t(locale, '未记录', 'not recorded') },
      ],
    },
    { kind: 'heading', text: t(locale, '一、调解情况及当事人陈述', '1. Proceedings and statements') },
    { kind: 'paragraph', text: d.summary, indent: locale === 'zh-CN' },
    { kind: 'heading', text: t(locale, '二、调解建议和方案', '2. Proposals') },
  ];
  if (d.proposals.length) blocks.push({ kind: 'numbered', items: d.proposals, style: locale === 'zh-CN' ? 'cn' : 'arabic' });
  else blocks.push({ kind: 'paragraph', text: t(locale, '本次调解未提出调解方案。', 'No proposal was made at this session.') });
  blocks.push(
    {
      kind: 'paragraph',
      text: t(locale, '以上笔录经当事人阅看（或已向当事人宣读），确认无误。',
        'The parties have read this record (or had it read to them) and confirm that it is correct.'),
      indent: locale === 'zh-CN',
    },
    {
      kind: 'signatures',
      parties: [
        { role: t(locale, '申请人（签名）', 'Applicant (signature)'), name: d.applicant },
        { role: t(locale, '被申请人（签名或盖章）', 'Respondent (signature or seal)'), name: d.respondent },
        { role: t(locale, '调解员（签名）', 'Mediator (signature)') },
        { role: t(locale, '记录人（签名）', 'Recorder (signature)') },
      ],
    },
    basis(locale, '《中华人民共和国劳动争议调解仲裁法》第十三条、《企业劳动争议协商调解规定》',
      'Labor Dispute Mediation and Arbitration Law, Art 13; Order No. 17 (2011)'),
  );
  return layout(title, d, blocks, { subject: title });
}

export const mediationRecord: DocumentTemplate<typeof MediationRecordSchema> = {
  type: 'mediation_record',
  kind: 'dispute',
  title: { 'zh-CN': '调解笔录', en: 'Record of a Mediation Session' },
  schema: MediationRecordSchema,
  build,
  fromCase(c, history, orgs, options = {}) {
    const source = findSource(history, ofType('RECORD_SESSION'), options.sourceSeq);
    if (!source) return null;
    const p = source.payload ?? {};
    const names = parties(c);
    const data: MediationRecordData = compact({
      caseNumber: c.number,
      issuedAt: source.occurredAt,
      applicant: names.applicant.name,
      respondent: names.respondent.name,
      committee: committee(c, orgs),
      claimTypes: (c.data?.claims ?? []).map((x: any) => String(x.type)),
      sessionNo: upTo(history, source.seq).filter((e) => e.type === 'RECORD_SESSION').length,
      heldOn: p.heldOn,
      place: p.place,
      attendees: p.attendees ?? [],
      summary: String(p.summary ?? ''),
      proposals: p.proposals ?? [],
    });
    return { sourceSeq: source.seq, data };
  },
};
