/** 受理通知书 / 不予受理通知书: acceptance or non-acceptance of a mediation application (Order17 Art 22). */
import { z } from 'zod';
import { BaseSchema, DateSchema, type DocumentTemplate, compact, date, layout } from './common';
import { basis, between, committee, committeeOrDefault, mediationReceivedOn, parties } from './dispute-source';
import { clause, type Locale } from './format';
import type { Block } from './layout';
import { DECLINE_REASONS, label, t } from './labels';
import { eventDate, findSource, ofType } from './source';

export const AcceptanceNoticeSchema = BaseSchema.extend({
  decision: z.enum(['accepted', 'declined']),
  applicant: z.string(),
  respondent: z.string(),
  committee: z.string().optional(),
  receivedOn: DateSchema.optional(),
  decidedOn: DateSchema,
  reason: z.string().optional(),
  detail: z.string().optional(),
  mediators: z.number().int().optional(),
});
export type AcceptanceNoticeData = z.infer<typeof AcceptanceNoticeSchema>;

function build(d: AcceptanceNoticeData, locale: Locale) {
  const accepted = d.decision === 'accepted';
  const title = accepted
    ? t(locale, '劳动争议调解受理通知书', 'Notice of Acceptance of a Mediation Application')
    : t(locale, '劳动争议调解不予受理通知书', 'Notice of Non-Acceptance of a Mediation Application');
  const org = committeeOrDefault(d.committee, locale);
  const received = d.receivedOn
    ? t(locale, `本委员会于${date(d.receivedOn, locale)}收到`, `received by this committee on ${date(d.receivedOn, locale)}`)
    : t(locale, '本委员会收到', 'received by this committee');
  const intro = t(
    locale,
    `${between(d.applicant, d.respondent, locale)}劳动争议一案的调解申请，${received}。经审查，`,
    `The application for mediation of the labor dispute ${between(d.applicant, d.respondent, locale)}, ${received}, has been examined. `,
  );
  const indent = locale === 'zh-CN';
  const blocks: Block[] = [{ kind: 'paragraph', text: t(locale, `${d.applicant}：`, `To ${d.applicant}:`) }];
  if (accepted) {
    blocks.push({
      kind: 'paragraph',
      text: intro + t(locale, '本委员会决定予以受理。', 'This committee has decided to accept it.'),
      indent,
    });
    blocks.push({
      kind: 'paragraph',
      text: t(
        locale,
        '本委员会将指派调解员主持调解，调解应当自受理之日起十五日内结束；双方当事人同意的，可以延长。自本委员会收到调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁。',
        'A mediator will be assigned. Mediation should end within 15 days of acceptance unless both parties agree to extend it. If no mediation agreement is reached within 15 days of the committee receiving the application, a party may apply for arbitration.',
      ),
      indent,
    });
  } else {
    const reason = [label(DECLINE_REASONS, d.reason, locale), d.detail].filter(Boolean).map((x) => clause(x!)).join(t(locale, '；', '; '));
    blocks.push({
      kind: 'paragraph',
      text: intro + t(locale, `本委员会决定不予受理。理由：${reason}。`, `This committee has decided not to accept it. Reason: ${reason}.`),
      indent,
    });
    blocks.push({
      kind: 'notice',
      title: t(locale, '告知事项', 'Your rights'),
      text: t(
        locale,
        '当事人可以依法向有管辖权的劳动争议仲裁委员会申请仲裁。',
        'A party may apply for arbitration to the competent labor dispute arbitration commission.',
      ),
    });
  }
  blocks.push({ kind: 'paragraph', text: t(locale, '特此通知。', 'Notice is hereby given.'), indent });
  blocks.push({ kind: 'seal', organization: org, label: t(locale, '（盖章）', '(Seal)'), date: date(d.decidedOn, locale) });
  blocks.push(basis(locale, '《企业劳动争议协商调解规定》第二十二条', 'Order No. 17 (2011), Art 22'));
  return layout(title, d, blocks, { subject: title, author: org });
}

export const acceptanceNotice: DocumentTemplate<typeof AcceptanceNoticeSchema> = {
  type: 'acceptance_notice',
  kind: 'dispute',
  title: { 'zh-CN': '受理通知书', en: 'Notice of Acceptance' },
  schema: AcceptanceNoticeSchema,
  build,
  fromCase(c, history, orgs, options = {}) {
    const source = findSource(history, ofType('ACCEPT', 'DECLINE'), options.sourceSeq);
    if (!source) return null;
    const p = parties(c);
    const data: AcceptanceNoticeData = compact({
      caseNumber: c.number,
      issuedAt: source.occurredAt,
      decision: source.type === 'ACCEPT' ? 'accepted' : 'declined',
      applicant: p.applicant.name,
      respondent: p.respondent.name,
      committee: committee(c, orgs),
      receivedOn: mediationReceivedOn(c),
      decidedOn: eventDate(source),
      reason: source.type === 'DECLINE' ? source.payload?.reason : undefined,
      detail: source.type === 'DECLINE' ? source.payload?.detail : undefined,
      mediators: Array.isArray(source.payload?.mediatorIds) ? source.payload.mediatorIds.length : undefined,
    });
    return { sourceSeq: source.seq, data };
  },
};
