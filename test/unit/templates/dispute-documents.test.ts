/**
 * Every dispute document, in both locales, built from the fixture cases, rendered and read
 * back with pdftotext: title, parties, amounts (figures, and capitals in zh-CN), dates in the
 * locale's format, and the legal statements each must carry.
 */
import type { DocumentType } from '../../../templates/index';
import type { CaseRecord, FromCaseOptions, HistoryEvent } from '../../../templates/source';
import {
  AGREEMENT_CASE, AGREEMENT_HISTORY, DECLINED_CASE, DECLINED_HISTORY, FAILURE_CASE, FAILURE_HISTORY, ORGS,
  SETTLEMENT_CASE, SETTLEMENT_HISTORY,
} from './fixtures';
import { expectAll, renderCase, type Rendered } from './pdf-text';

interface Case {
  name: string;
  type: DocumentType;
  record: CaseRecord;
  history: HistoryEvent[];
  options?: FromCaseOptions;
  zh: string[];
  en: string[];
}

const PARTIES = ['王小明', '北京星辰科技有限公司'];
const COMMITTEE = '北京市朝阳区劳动争议人民调解委员会';

const CASES: Case[] = [
  {
    name: 'oral application (consultation, then mediation)', type: 'mediation_application', record: FAILURE_CASE, history: FAILURE_HISTORY,
    zh: ['劳动争议调解口头申请记录', ...PARTIES, COMMITTEE, '当面口头申请', '2026年9月21日', '拖欠劳动报酬', '¥12,000.00', '人民币壹万贰仟元整',
      '¥18,030.50', '人民币壹万捌仟零叁拾元伍角整', '¥3,500.00', '人民币叁仟伍佰元整', '¥33,530.50', '人民币叁万叁仟伍佰叁拾元伍角整',
      '2026年8月20日', '申请人（签名或盖章）', '记录人（签名）', '第十二条'],
    en: ['Record of an Oral Application for Labor-Dispute Mediation', ...PARTIES, '21 September 2026', 'Unpaid wages', 'Economic compensation',
      'CNY 12,000.00', 'CNY 18,030.50', 'CNY 33,530.50', '20 August 2026', 'Applicant (signature or seal)'],
  },
  {
    name: 'written application', type: 'mediation_application', record: AGREEMENT_CASE, history: AGREEMENT_HISTORY,
    zh: ['劳动争议调解申请书', '书面申请', '2026年10月12日', '91110105MA01XYZ12K', '李建国'],
    en: ['Application for Labor-Dispute Mediation', '12 October 2026', 'In writing'],
  },
  {
    name: 'acceptance', type: 'acceptance_notice', record: AGREEMENT_CASE, history: AGREEMENT_HISTORY,
    zh: ['劳动争议调解受理通知书', ...PARTIES, '2026年10月12日', '决定予以受理', '2026年10月13日', COMMITTEE, '（盖章）', '第二十二条'],
    en: ['Notice of Acceptance of a Mediation Application', '12 October 2026', '13 October 2026', 'decided to accept', '(Seal)'],
  },
  {
    name: 'non-acceptance', type: 'acceptance_notice', record: DECLINED_CASE, history: DECLINED_HISTORY,
    zh: ['劳动争议调解不予受理通知书', '决定不予受理', '被申请人不同意调解', '被申请人书面表示不同意调解', '2026年11月4日', '劳动争议仲裁委员会申请仲裁'],
    en: ['Notice of Non-Acceptance of a Mediation Application', 'the respondent does not agree to mediation', '4 November 2026', 'apply for arbitration'],
  },
  {
    name: 'session record', type: 'mediation_record', record: AGREEMENT_CASE, history: AGREEMENT_HISTORY,
    zh: ['劳动争议调解笔录', ...PARTIES, '第2次调解', '2026年10月20日', '第二调解室', '被申请人支付经济补偿人民币18030.50元', '申请人同意放弃加班费请求',
      '调解员（签名）', '记录人（签名）', '申请人（签名）'],
    en: ['Record of a Mediation Session', 'Session no. 2', '20 October 2026', 'Mediator (signature)', 'Recorder (signature)'],
  },
  {
    name: 'agreement', type: 'mediation_agreement', record: AGREEMENT_CASE, history: AGREEMENT_HISTORY,
    zh: ['劳动争议调解协议书', ...PARTIES, COMMITTEE, '¥12,000.00（人民币壹万贰仟元整）', '¥18,030.50（人民币壹万捌仟零叁拾元伍角整）',
      '¥30,030.50（人民币叁万零叁拾元伍角整）', '2026年11月10日前', '尾号6688', '申请人（签名或盖章）', '被申请人（签名或盖章）', '调解员（签名）',
      '已签名', '已盖章', '（盖章）', '2026年10月23日', '本协议一式三份，双方当事人和调解委员会各执一份', '本协议于2026年10月23日生效', '支付令'],
    en: ['Labor-Dispute Mediation Agreement', ...PARTIES, 'CNY 12,000.00', 'CNY 18,030.50', 'CNY 30,030.50', 'on or before 10 November 2026',
      'Applicant (signature or seal)', 'Respondent (signature or seal)', 'Mediator (signature)', '(Seal)', '22 October 2026',
      'This agreement is made in three copies: one for each party and one for the mediation committee.', 'took effect on 23 October 2026'],
  },
  {
    name: 'settlement', type: 'settlement_agreement', record: SETTLEMENT_CASE, history: SETTLEMENT_HISTORY,
    zh: ['劳动争议和解协议书', ...PARTIES, '北京星辰科技有限公司工会委员会', '¥2,350.00（人民币贰仟叁佰伍拾元整）', '¥4,137.93（人民币肆仟壹佰叁拾柒元玖角叁分）',
      '¥6,487.93（人民币陆仟肆佰捌拾柒元玖角叁分）', '2026年7月15日', '2026年7月31日前', '申请人（签名或盖章）', '被申请人（签名或盖章）', '第十一条'],
    en: ['Labor-Dispute Settlement Agreement', 'CNY 2,350.00', 'CNY 4,137.93', 'CNY 6,487.93', '15 July 2026', 'on or before 31 July 2026', 'two copies'],
  },
  {
    name: 'failure record with limitation date', type: 'mediation_failure_record', record: FAILURE_CASE, history: FAILURE_HISTORY,
    options: { limitationDueOn: '2027-09-30' },
    zh: ['劳动争议调解不成记录及仲裁告知书', ...PARTIES, COMMITTEE, '2026年9月21日', '2026年9月22日', '2026年9月30日', '被申请人不同意支付经济补偿',
      '依法向有管辖权的劳动争议仲裁委员会', '北京市朝阳区劳动人事争议仲裁委员会', '申请仲裁', '时效期间届满日为2027年9月30日', '申请人（签名或盖章）',
      '被申请人（签名或盖章）', '第三十条'],
    en: ['Record of Failed Mediation and Notice of the Right to Arbitration', 'apply for arbitration to the competent labor dispute arbitration commission',
      'limitation period for applying for arbitration ends on 30 September 2027', '30 September 2026'],
  },
  {
    name: 'failure record without limitation date', type: 'mediation_failure_record', record: FAILURE_CASE, history: FAILURE_HISTORY,
    zh: ['劳动争议仲裁委员会', '申请仲裁', '本案记录不足以确定申请仲裁的时效期间届满日'],
    en: ['competent labor dispute arbitration commission', 'does not allow the end of the limitation period to be determined'],
  },
  {
    name: 'history report', type: 'case_history', record: AGREEMENT_CASE, history: AGREEMENT_HISTORY,
    options: { verification: { ok: true, events: 9, headHash: AGREEMENT_HISTORY[8]!.hash } },
    zh: ['案件历史报告', '王小明 / 北京星辰科技有限公司', '调解协议已生效', '哈希链校验通过：共9个事件', '2026年10月12日 09:30', '立案', '调解员',
      '（开始）→调解：待受理', ...AGREEMENT_HISTORY.map((e) => e.hash)],
    en: ['Case History Report', 'Hash chain verified: 9 events', '12 October 2026 09:30 (UTC+8)', 'Case opened', 'Agreement in force',
      ...AGREEMENT_HISTORY.map((e) => e.hash)],
  },
  {
    name: 'history report with a broken chain', type: 'case_history', record: AGREEMENT_CASE, history: AGREEMENT_HISTORY,
    options: { verification: { ok: false, brokenAt: 5, reason: 'hash mismatch' } },
    zh: ['哈希链校验未通过', '第5号事件', 'hash mismatch'],
    en: ['Hash chain verification FAILED', 'breaks at event 5'],
  },
];

/** Case number in every page header, "page x of y" in every footer. */
function expectPageFurniture(r: Rendered, caseNumber: string, locale: 'zh-CN' | 'en'): void {
  const pages = r.text.split('\f').filter((p) => p.trim());
  pages.forEach((page, i) => {
    const flat = page.replace(/\s+/g, '');
    expect(flat).toContain(caseNumber);
    expect(flat).toContain(locale === 'zh-CN' ? `第${i + 1}页共${pages.length}页` : `Page${i + 1}of${pages.length}`);
  });
}

describe('dispute documents (rendered and read back)', () => {
  for (const c of CASES) {
    for (const locale of ['zh-CN', 'en'] as const) {
      it(`${c.type}: ${c.name} (${locale})`, async () => {
        const r = await renderCase(c.type, c.record, c.history, ORGS, locale, c.options);
        expectAll(r, locale === 'zh-CN' ? c.zh : c.en);
        expectPageFurniture(r, c.record.number, locale);
      });
    }
  }

  it('draws the agreement from history: an earlier source shows only the signatures made by then', async () => {
    const r = await renderCase('mediation_agreement', AGREEMENT_CASE, AGREEMENT_HISTORY, ORGS, 'zh-CN', { sourceSeq: 6 });
    expect(r.sourceSeq).toBe(6);
    expectAll(r, ['已签名', '2026年10月22日']);
    expect(r.flat).not.toContain('已盖章');
    expect(r.flat).not.toContain('本协议于');
  });
});
