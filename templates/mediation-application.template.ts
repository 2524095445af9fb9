/** 调解申请书 / 口头申请记录: the mediation application (LDMAL Art 12). */
import { z } from 'zod';
import {
  ApplicantSchema, BaseSchema, ClaimSchema, DateSchema, type DocumentTemplate, RespondentSchema,
  claimsTable, compact, date, layout, money, partiesTable,
} from './common';
import { basis, claims, committee, committeeOrDefault, parties } from './dispute-source';
import { sumAmounts, type Locale } from './format';
import type { Block } from './layout';
import { CHANNELS, label, t } from './labels';
import { eventDate, findSource, type HistoryEvent } from './source';

export const MediationApplicationSchema = BaseSchema.extend({
  applicant: ApplicantSchema,
  respondent: RespondentSchema,
  claims: z.array(ClaimSchema),
  facts: z.string(),
  channel: z.string(),
  receivedOn: DateSchema,
  committee: z.string().optional(),
  knewOn: DateSchema.optional(),
});
export type MediationApplicationData = z.infer<typeof MediationApplicationSchema>;

/** Oral applications (in person, by telephone) are recorded on the spot (LDMAL Art 12). */
const isOral = (channel: string) => channel === 'walk_in' || channel === 'hotline';

function build(d: MediationApplicationData, locale: Locale) {
  const oral = isOral(d.channel);
  const title = oral
    ? t(locale, '劳动争议调解口头申请记录', 'Record of an Oral Application for Labor-Dispute Mediation')
    : t(locale, '劳动争议调解申请书', 'Application for Labor-Dispute Mediation');
  const amounts = d.claims.flatMap((c) => (c.amount ? [c.amount] : []));
  const blocks: Block[] = [
    {
      kind: 'keyValue',
      rows: [
        { label: t(locale, '调解组织', 'Mediation organization'), value: committeeOrDefault(d.committee, locale) },
        { label: t(locale, '申请方式', 'Channel'), value: label(CHANNELS, d.channel, locale) },
        { label: t(locale, '申请时间', 'Received on'), value: date(d.receivedOn, locale) },
      ],
    },
    { kind: 'heading', text: t(locale, '一、当事人基本情况', '1. The parties') },
    partiesTable(d.applicant, d.respondent, locale),
    { kind: 'heading', text: t(locale, '二、调解请求', '2. Requests') },
    claimsTable(d.claims, locale),
  ];
  if (amounts.length) {
    blocks.push({
      kind: 'paragraph',
      text: t(locale, '请求金额合计：', 'Total amount claimed: ') + money(sumAmounts(amounts), locale),
    });
  }
  blocks.push(
    { kind: 'heading', text: t(locale, '三、事实和理由', '3. Facts and reasons') },
    { kind: 'paragraph', text: d.facts, indent: locale === 'zh-CN' },
  );
  if (d.knewOn) {
    blocks.push({
      kind: 'paragraph',
      text: t(locale, '申请人知道或者应当知道其权利被侵害之日：', 'Date the applicant knew or should have known of the infringement: ') +
        date(d.knewOn, locale),
    });
  }
  if (oral) {
    blocks.push({
      kind: 'paragraph',
      text: t(locale, '以上记录已向申请人宣读（或经申请人阅看），确认无误。',
        'This record has been read to (or by) the applicant, who confirms it is correct.'),
      indent: locale === 'zh-CN',
    });
  }
  blocks.push({
    kind: 'signatures',
    parties: [
      { role: t(locale, '申请人（签名或盖章）', 'Applicant (signature or seal)'), name: d.applicant.name, date: date(d.receivedOn, locale) },
      ...(oral ? [{ role: t(locale, '记录人（签名）', 'Recorded by (signature)') }] : []),
    ],
  });
  blocks.push(basis(locale, '《中华人民共和国劳动争议调解仲裁法》第十二条', 'Labor Dispute Mediation and Arbitration Law, Art 12'));
  return layout(title, d, blocks, { subject: t(locale, '劳动争议调解申请', 'Mediation application') });
}

/** Default source: the latest APPLY_MEDIATION, else the opening on the mediation route. */
function isApplication(e: HistoryEvent, route: unknown): boolean {
  return e.type === 'APPLY_MEDIATION' || (e.type === 'CASE_OPENED' && route === 'mediation');
}

export const mediationApplication: DocumentTemplate<typeof MediationApplicationSchema> = {
  type: 'mediation_application',
  kind: 'dispute',
  title: { 'zh-CN': '劳动争议调解申请书', en: 'Application for Labor-Dispute Mediation' },
  schema: MediationApplicationSchema,
  build,
  fromCase(c, history, orgs, options = {}) {
    const route = c.data?.route ?? history.find((e) => e.type === 'CASE_OPENED')?.payload?.route;
    const source = findSource(history, (e) => isApplication(e, route), options.sourceSeq);
    if (!source) return null;
    const receivedOn = source.type === 'CASE_OPENED' ? (c.data?.receivedOn ?? source.payload?.receivedOn) : eventDate(source);
    const data: MediationApplicationData = compact({
      caseNumber: c.number,
      issuedAt: source.occurredAt,
      ...parties(c),
      claims: claims(c),
      facts: String(c.data?.facts ?? ''),
      channel: String(c.data?.channel ?? (source.type === 'APPLY_MEDIATION' ? 'written' : '')),
      receivedOn: receivedOn ?? eventDate(source),
      committee: committee(c, orgs),
      knewOn: c.data?.knewOn,
    });
    return { sourceSeq: source.seq, data };
  },
};
