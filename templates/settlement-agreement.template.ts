/** 和解协议书: the settlement reached in consultation (Order17 Art 11; LDMAL Art 5). */
import { z } from 'zod';
import {
  ApplicantSchema, BaseSchema, DateSchema, type DocumentTemplate, RespondentSchema, TermSchema,
  compact, date, layout, money, partiesTable, termItems,
} from './common';
import { basis, parties } from './dispute-source';
import { sumAmounts, type Locale } from './format';
import type { Block } from './layout';
import { t } from './labels';
import { eventDate, findSource, ofType, orgName } from './source';

export const SettlementAgreementSchema = BaseSchema.extend({
  applicant: ApplicantSchema,
  respondent: RespondentSchema,
  union: z.string().optional(),
  terms: z.array(TermSchema).min(1),
  performanceDue: DateSchema,
  reachedOn: DateSchema,
});
export type SettlementAgreementData = z.infer<typeof SettlementAgreementSchema>;

function build(d: SettlementAgreementData, locale: Locale) {
  const title = t(locale, '劳动争议和解协议书', 'Labor-Dispute Settlement Agreement');
  const indent = locale === 'zh-CN';
  const amounts = d.terms.flatMap((x) => (x.amount ? [x.amount] : []));
  const blocks: Block[] = [
    partiesTable(d.applicant, d.respondent, locale),
    {
      kind: 'paragraph',
      text: t(
        locale,
        `双方当事人就劳动争议事项${d.union ? `在${d.union}的参与下` : ''}进行协商，于${date(d.reachedOn, locale)}自愿达成如下和解协议：`,
        `The parties consulted on their labor dispute${d.union ? ` with the assistance of ${d.union}` : ''} and on ${date(d.reachedOn, locale)} freely agreed as follows:`,
      ),
      indent,
    },
    { kind: 'heading', text: t(locale, '一、和解内容', '1. Terms') },
    { kind: 'numbered', items: termItems(d.terms, locale), style: indent ? 'cn' : 'arabic' },
  ];
  if (amounts.length > 1) {
    blocks.push({ kind: 'paragraph', text: t(locale, '以上款项合计：', 'Total of the amounts above: ') + money(sumAmounts(amounts), locale), indent });
  }
  blocks.push(
    { kind: 'heading', text: t(locale, '二、履行期限', '2. Performance') },
    {
      kind: 'paragraph',
      text: t(locale, `被申请人应于${date(d.performanceDue, locale)}前履行完毕上述各项。`,
        `The respondent shall perform all the above on or before ${date(d.performanceDue, locale)}.`),
      indent,
    },
    { kind: 'heading', text: t(locale, '三、其他约定', '3. Other provisions') },
    {
      kind: 'numbered',
      style: indent ? 'cn' : 'arabic',
      items: [
        t(locale, '本协议经双方当事人签名或者盖章后成立，对双方当事人具有约束力，当事人应当履行。',
          'This agreement is concluded when both parties have signed or sealed it; it binds both parties, who shall perform it.'),
        t(locale, '一方当事人在约定的期限内不履行本协议的，另一方当事人可以依法申请调解，也可以依法向劳动争议仲裁委员会申请仲裁。',
          'If a party fails to perform within the agreed period, the other party may apply for mediation or for arbitration to the labor dispute arbitration commission.'),
        t(locale, '本协议一式两份，双方当事人各执一份。', 'This agreement is made in two copies, one for each party.'),
      ],
    },
    {
      kind: 'signatures',
      parties: [
        { role: t(locale, '申请人（签名或盖章）', 'Applicant (signature or seal)'), name: d.applicant.name },
        { role: t(locale, '被申请人（签名或盖章）', 'Respondent (signature or seal)'), name: d.respondent.name },
      ],
    },
    basis(locale, '《企业劳动争议协商调解规定》第十一条、《中华人民共和国劳动争议调解仲裁法》第五条',
      'Order No. 17 (2011), Art 11; Labor Dispute Mediation and Arbitration Law, Art 5'),
  );
  return layout(title, d, blocks, { subject: title });
}

export const settlementAgreement: DocumentTemplate<typeof SettlementAgreementSchema> = {
  type: 'settlement_agreement',
  kind: 'dispute',
  title: { 'zh-CN': '和解协议书', en: 'Settlement Agreement' },
  schema: SettlementAgreementSchema,
  build,
  fromCase(c, history, orgs, options = {}) {
    const source = findSource(history, ofType('SETTLEMENT_REACHED'), options.sourceSeq);
    if (!source) return null;
    const p = source.payload ?? {};
    const union = orgName(orgs, c.data?.unionOrganizationId, '');
    const data: SettlementAgreementData = compact({
      caseNumber: c.number,
      issuedAt: source.occurredAt,
      ...parties(c),
      union: union || undefined,
      terms: (p.terms ?? []).map((x: any) => compact({ description: String(x.description ?? ''), amount: x.amount })),
      performanceDue: p.performanceDue,
      reachedOn: eventDate(source),
    });
    return { sourceSeq: source.seq, data };
  },
};
