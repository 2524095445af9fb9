/** 调解协议书: the mediation agreement (LDMAL Arts 14-16; Order17 Arts 26-27). */
import { z } from 'zod';
import {
  ApplicantSchema, BaseSchema, ClaimSchema, DateSchema, type DocumentTemplate, RespondentSchema, TermSchema,
  compact, date, layout, money, partiesTable, termItems,
} from './common';
import { basis, claims, committee, committeeOrDefault, mediationReceivedOn, parties } from './dispute-source';
import { clause, formatAmount, sumAmounts, type Locale } from './format';
import type { Block, Signatory } from './layout';
import { CLAIM_TYPES, SIGN_METHODS, label, t } from './labels';
import { eventDate, findSource, type HistoryEvent, upTo } from './source';

const SignedSchema = z.object({ method: z.string(), on: DateSchema });

export const MediationAgreementSchema = BaseSchema.extend({
  applicant: ApplicantSchema,
  respondent: RespondentSchema,
  committee: z.string().optional(),
  appliedOn: DateSchema.optional(),
  claims: z.array(ClaimSchema),
  terms: z.array(TermSchema).min(1),
  performanceDue: DateSchema,
  performanceManner: z.string(),
  draftedOn: DateSchema,
  signatures: z.object({ applicant: SignedSchema.optional(), respondent: SignedSchema.optional(), mediator: SignedSchema.optional() }),
  sealedOn: DateSchema.optional(),
  inForceOn: DateSchema.optional(),
});
export type MediationAgreementData = z.infer<typeof MediationAgreementSchema>;
type Signed = z.infer<typeof SignedSchema>;

function signed(s: Signed | undefined, locale: Locale): Partial<Signatory> {
  if (!s) return {};
  return { note: t(locale, `已${label(SIGN_METHODS, s.method, locale)}`, `Recorded as ${label(SIGN_METHODS, s.method, locale)}`), date: date(s.on, locale) };
}

/** The dispute and the requests in one sentence, amounts in figures. */
function matters(d: MediationAgreementData, locale: Locale): string {
  const sep = t(locale, '；', '; ');
  const types = [...new Set(d.claims.map((c) => label(CLAIM_TYPES, c.type, locale)))].join(t(locale, '、', ', '));
  const requests = d.claims
    .map((c) => (c.amount ? `${clause(c.description)}${t(locale, '（', ' (')}${formatAmount(c.amount, locale)}${t(locale, '）', ')')}` : clause(c.description)))
    .join(sep);
  const on = d.appliedOn ? t(locale, `于${date(d.appliedOn, locale)}`, ` on ${date(d.appliedOn, locale)}`) : '';
  return t(locale, `申请人因${types}争议，${on}向本委员会申请调解，请求：${requests}。`,
    `The applicant applied for mediation${on} of a dispute concerning ${types.toLowerCase()}, requesting: ${requests}.`);
}

function build(d: MediationAgreementData, locale: Locale) {
  const title = t(locale, '劳动争议调解协议书', 'Labor-Dispute Mediation Agreement');
  const org = committeeOrDefault(d.committee, locale);
  const indent = locale === 'zh-CN';
  const amounts = d.terms.flatMap((x) => (x.amount ? [x.amount] : []));
  const blocks: Block[] = [
    partiesTable(d.applicant, d.respondent, locale, [{ label: t(locale, '调解组织', 'Mediation organization'), value: org }]),
    { kind: 'heading', text: t(locale, '一、争议事项', '1. Matters in dispute') },
    { kind: 'paragraph', text: matters(d, locale), indent: locale === 'zh-CN' },
    { kind: 'heading', text: t(locale, '二、协议内容及履行期限和方式', '2. Terms, performance period and manner') },
    {
      kind: 'paragraph',
      text: t(locale, `经${org}主持调解，双方当事人在平等自愿的基础上达成如下协议：`,
        `Through mediation by ${org}, the parties have freely agreed as follows:`),
      indent,
    },
    { kind: 'numbered', items: termItems(d.terms, locale), style: indent ? 'cn' : 'arabic' },
  ];
  if (amounts.length > 1) {
    blocks.push({ kind: 'paragraph', text: t(locale, '以上款项合计：', 'Total of the amounts above: ') + money(sumAmounts(amounts), locale), indent });
  }
  blocks.push(
    {
      kind: 'paragraph',
      indent,
      text: t(locale, `履行期限：${date(d.performanceDue, locale)}前。履行方式：${d.performanceManner}。`,
        `Performance period: on or before ${date(d.performanceDue, locale)}. Manner of performance: ${d.performanceManner}.`),
    },
    { kind: 'heading', text: t(locale, '三、其他约定', '3. Other provisions') },
    {
      kind: 'numbered',
      style: indent ? 'cn' : 'arabic',
      items: [
        t(locale, '本协议自双方当事人签名或者盖章，经调解员签名并加盖调解委员会印章后生效，对双方当事人具有约束力，当事人应当履行。',
          'This agreement takes effect once both parties have signed or sealed it, the mediator has signed it and the mediation committee has affixed its seal; it binds both parties, who shall perform it.'),
        t(locale, '双方当事人可以自本协议生效之日起十五日内，共同向有管辖权的劳动争议仲裁委员会提出仲裁审查申请。',
          'Within 15 days of this agreement taking effect, the parties may jointly apply to the competent labor dispute arbitration commission for arbitral review.'),
        t(locale, '一方当事人在协议约定期限内不履行本协议的，另一方当事人可以依法申请仲裁。因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成调解协议，用人单位在协议约定期限内不履行的，劳动者可以持本协议书依法向人民法院申请支付令。',
          'If a party fails to perform this agreement within the agreed period, the other party may apply for arbitration. Where the agreement concerns unpaid wages, work-injury medical expenses, economic compensation or damages and the employer fails to perform within the agreed period, the worker may apply to the people\'s court for a payment order on the strength of this agreement.'),
        t(locale, '本协议一式三份，双方当事人和调解委员会各执一份。',
          'This agreement is made in three copies: one for each party and one for the mediation committee.'),
      ],
    },
    {
      kind: 'signatures',
      columns: 3,
      parties: [
        { role: t(locale, '申请人（签名或盖章）', 'Applicant (signature or seal)'), name: d.applicant.name, ...signed(d.signatures.applicant, locale) },
        { role: t(locale, '被申请人（签名或盖章）', 'Respondent (signature or seal)'), name: d.respondent.name, ...signed(d.signatures.respondent, locale) },
        { role: t(locale, '调解员（签名）', 'Mediator (signature)'), ...signed(d.signatures.mediator, locale) },
      ],
    },
    { kind: 'seal', organization: org, label: t(locale, '（盖章）', '(Seal)'), ...(d.sealedOn ? { date: date(d.sealedOn, locale) } : {}) },
  );
  if (d.inForceOn) {
    blocks.push({ kind: 'paragraph', text: t(locale, `本协议于${date(d.inForceOn, locale)}生效。`, `This agreement took effect on ${date(d.inForceOn, locale)}.`), bold: true });
  }
  blocks.push(basis(locale, '《中华人民共和国劳动争议调解仲裁法》第十四条至第十六条、《企业劳动争议协商调解规定》第二十六条、第二十七条',
    'Labor Dispute Mediation and Arbitration Law, Arts 14-16; Order No. 17 (2011), Arts 26-27'));
  return layout(title, d, blocks, { subject: title, author: org });
}

const AGREEMENT_EVENTS = ['AGREEMENT_DRAFTED', 'SIGN', 'SEAL'];

/** The draft the source belongs to, then the signatures and seal recorded after it up to the source. */
function fromHistory(history: readonly HistoryEvent[], source: HistoryEvent) {
  const events = upTo(history, source.seq);
  const drafted = [...events].reverse().find((e) => e.type === 'AGREEMENT_DRAFTED');
  if (!drafted) return null;
  const after = events.filter((e) => e.seq > drafted.seq);
  const signatures: MediationAgreementData['signatures'] = {};
  for (const e of after.filter((x) => x.type === 'SIGN')) {
    const who = e.payload?.signatory as keyof MediationAgreementData['signatures'];
    if (who === 'applicant' || who === 'respondent' || who === 'mediator') {
      signatures[who] = { method: e.payload?.method ?? 'signature', on: eventDate(e) };
    }
  }
  const seal = after.find((e) => e.type === 'SEAL');
  const inForce = after.find((e) => e.toState === 'agreement.inForce' && e.fromState !== 'agreement.inForce');
  return { drafted, signatures, sealedOn: seal && eventDate(seal), inForceOn: inForce && eventDate(inForce) };
}

export const mediationAgreement: DocumentTemplate<typeof MediationAgreementSchema> = {
  type: 'mediation_agreement',
  kind: 'dispute',
  title: { 'zh-CN': '调解协议书', en: 'Mediation Agreement' },
  schema: MediationAgreementSchema,
  build,
  fromCase(c, history, orgs, options = {}) {
    const hasDraft = (e: HistoryEvent) =>
      AGREEMENT_EVENTS.includes(e.type) && history.some((x) => x.type === 'AGREEMENT_DRAFTED' && x.seq <= e.seq);
    const source = findSource(history, hasDraft, options.sourceSeq);
    const found = source && fromHistory(history, source);
    if (!source || !found) return null;
    const p = found.drafted.payload ?? {};
    const data: MediationAgreementData = compact({
      caseNumber: c.number,
      issuedAt: source.occurredAt,
      ...parties(c),
      committee: committee(c, orgs),
      appliedOn: mediationReceivedOn(c),
      claims: claims(c),
      terms: (p.terms ?? []).map((x: any) => compact({ description: String(x.description ?? ''), amount: x.amount })),
      performanceDue: p.performanceDue,
      performanceManner: String(p.performanceManner ?? ''),
      draftedOn: eventDate(found.drafted),
      signatures: found.signatures,
      sealedOn: found.sealedOn,
      inForceOn: found.inForceOn,
    });
    return { sourceSeq: source.seq, data };
  },
};
