/** 调解不成记录及仲裁告知书: failed mediation and the right to arbitration (Order17 Art 30; LDMAL Arts 14, 27). */
import { z } from 'zod';
import { BaseSchema, DateSchema, type DocumentTemplate, compact, date, layout } from './common';
import { basis, between, committee, committeeOrDefault, mediationReceivedOn, parties } from './dispute-source';
import { clause, type Locale } from './format';
import type { Block } from './layout';
import { t } from './labels';
import { eventDate, findSource, type HistoryEvent, latestBefore, type Orgs } from './source';

export const MediationFailureSchema = BaseSchema.extend({
  applicant: z.string(),
  respondent: z.string(),
  committee: z.string().optional(),
  receivedOn: DateSchema.optional(),
  acceptedOn: DateSchema.optional(),
  endedOn: DateSchema,
  failure: z.enum(['no_agreement', 'party_refused', 'term_expired', 'agreement_abandoned']),
  reason: z.string().optional(),
  party: z.enum(['applicant', 'respondent']).optional(),
  arbitrationCommission: z.string().optional(),
  /** Due date of the `dispute.limitation` deadline; absent when the case cannot tell. */
  limitationDueOn: DateSchema.optional(),
});
export type MediationFailureData = z.infer<typeof MediationFailureSchema>;

function what(d: MediationFailureData, locale: Locale): string {
  const reason = d.reason ? t(locale, `原因：${clause(d.reason)}。`, ` Reason: ${clause(d.reason)}.`) : '';
  switch (d.failure) {
    case 'party_refused': {
      const who = d.party === 'respondent' ? d.respondent : d.applicant;
      return t(locale, `${who}拒绝继续调解，调解终结。`, `${who} refused to continue the mediation, which ended.`) + reason;
    }
    case 'term_expired':
      return t(locale, '调解期限届满，双方当事人未能达成调解协议，视为调解不成。',
        'The mediation period expired without a mediation agreement; the mediation is deemed to have failed.');
    case 'agreement_abandoned':
      return t(locale, '调解协议未经签署生效即被放弃，调解不成。', 'The draft agreement was abandoned before it took effect; the mediation failed.') + reason;
    default:
      return t(locale, '经调解，双方当事人未能达成调解协议，调解不成。', 'The parties did not reach a mediation agreement; the mediation failed.') + reason;
  }
}

function build(d: MediationFailureData, locale: Locale) {
  const title = t(locale, '劳动争议调解不成记录及仲裁告知书', 'Record of Failed Mediation and Notice of the Right to Arbitration');
  const org = committeeOrDefault(d.committee, locale);
  const indent = locale === 'zh-CN';
  const none = t(locale, '未记录', 'not recorded');
  const commission = d.arbitrationCommission ? t(locale, `（${d.arbitrationCommission}）`, ` (${d.arbitrationCommission})`) : '';
  const limitation = d.limitationDueOn
    ? t(locale, `根据本案记录，申请仲裁的时效期间届满日为${date(d.limitationDueOn, locale)}。`,
      `According to the case record, the limitation period for applying for arbitration ends on ${date(d.limitationDueOn, locale)}.`)
    : t(locale, '本案记录不足以确定申请仲裁的时效期间届满日（如未记载当事人知道或者应当知道其权利被侵害之日），本告知书因此不载明该日期，请当事人及时申请仲裁。',
      'The case record does not allow the end of the limitation period to be determined (for example, the date the applicant knew of the infringement is not recorded), so this notice states no date; the parties should apply for arbitration without delay.');
  const blocks: Block[] = [
    {
      kind: 'keyValue',
      rows: [
        { label: t(locale, '申请人', 'Applicant'), value: d.applicant },
        { label: t(locale, '被申请人', 'Respondent'), value: d.respondent },
        { label: t(locale, '调解组织', 'Mediation organization'), value: org },
        { label: t(locale, '收到申请日期', 'Application received'), value: date(d.receivedOn, locale, none) },
        { label: t(locale, '受理日期', 'Accepted'), value: date(d.acceptedOn, locale, none) },
        { label: t(locale, '调解终结日期', 'Mediation ended'), value: date(d.endedOn, locale) },
      ],
    },
    { kind: 'heading', text: t(locale, '一、调解不成的情况', '1. How the mediation ended') },
    {
      kind: 'paragraph',
      text: t(locale, `${between(d.applicant, d.respondent, locale)}劳动争议一案，`, `In the labor dispute ${between(d.applicant, d.respondent, locale)}: `) + what(d, locale),
      indent,
    },
    { kind: 'heading', text: t(locale, '二、仲裁告知', '2. Notice of the right to arbitration') },
    {
      kind: 'notice',
      title: t(locale, '告知事项', 'Your rights'),
      text: [
        t(locale, `当事人可以自本记录作出之日起，依法向有管辖权的劳动争议仲裁委员会${commission}申请仲裁。`,
          `The parties may, from the date of this record, apply for arbitration to the competent labor dispute arbitration commission${commission}.`),
        t(locale, '劳动争议申请仲裁的时效期间为一年，从当事人知道或者应当知道其权利被侵害之日起计算；因当事人申请调解等事由中断的，从中断时起重新计算。',
          'The limitation period for arbitration is one year from the day the party knew or should have known of the infringement; it restarts when interrupted, for example by an application for mediation.'),
        limitation,
      ].join('\n'),
    },
    {
      kind: 'signatures',
      columns: 3,
      parties: [
        { role: t(locale, '申请人（签名或盖章）', 'Applicant (signature or seal)'), name: d.applicant },
        { role: t(locale, '被申请人（签名或盖章）', 'Respondent (signature or seal)'), name: d.respondent },
        { role: t(locale, '调解员（签名）', 'Mediator (signature)') },
      ],
    },
    { kind: 'seal', organization: org, label: t(locale, '（盖章）', '(Seal)'), date: date(d.endedOn, locale) },
    basis(locale, '《企业劳动争议协商调解规定》第三十条、《中华人民共和国劳动争议调解仲裁法》第十四条、第二十七条',
      'Order No. 17 (2011), Art 30; Labor Dispute Mediation and Arbitration Law, Arts 14 and 27'),
  ];
  return layout(title, d, blocks, { subject: title, author: org });
}

const FAILURES: Record<string, MediationFailureData['failure']> = {
  MEDIATION_FAILED: 'no_agreement',
  PARTY_REFUSED: 'party_refused',
  DEADLINE_ELAPSED: 'term_expired',
  AGREEMENT_ABANDONED: 'agreement_abandoned',
};

/** The event that moved the case into `mediation.mediationFailed`. */
function isFailure(e: HistoryEvent): boolean {
  if (e.toState) return e.toState === 'mediation.mediationFailed' && e.fromState !== e.toState;
  return e.type in FAILURES && (e.type !== 'DEADLINE_ELAPSED' || e.payload?.ruleId === 'dispute.mediation.term');
}

function arbitrationCommission(orgs: Orgs): string | undefined {
  const ids = Object.keys(orgs).sort().filter((id) => orgs[id]!.kind === 'arbitration_commission');
  return ids.length === 1 ? orgs[ids[0]!]!.name : undefined;
}

export const mediationFailureRecord: DocumentTemplate<typeof MediationFailureSchema> = {
  type: 'mediation_failure_record',
  kind: 'dispute',
  title: { 'zh-CN': '调解不成记录及仲裁告知书', en: 'Record of Failed Mediation' },
  schema: MediationFailureSchema,
  build,
  fromCase(c, history, orgs, options = {}) {
    const source = findSource(history, isFailure, options.sourceSeq);
    if (!source) return null;
    const names = parties(c);
    const accepted = latestBefore(history, source.seq, 'ACCEPT');
    const data: MediationFailureData = compact({
      caseNumber: c.number,
      issuedAt: source.occurredAt,
      applicant: names.applicant.name,
      respondent: names.respondent.name,
      committee: committee(c, orgs),
      receivedOn: mediationReceivedOn(c),
      acceptedOn: accepted && eventDate(accepted),
      endedOn: eventDate(source),
      failure: FAILURES[source.type] ?? 'no_agreement',
      reason: source.payload?.reason,
      party: source.payload?.party,
      arbitrationCommission: arbitrationCommission(orgs),
      limitationDueOn: options.limitationDueOn ?? options.deadlines?.['dispute.limitation'],
    });
    return { sourceSeq: source.seq, data };
  },
};
