/**
 * Every collective document, in both locales, from the fixture case (request to a contract in
 * force), rendered and read back with pdftotext.
 */
import type { DocumentType } from '../../../templates/index';
import type { CaseRecord, FromCaseOptions, HistoryEvent } from '../../../templates/source';
import {
  COLLECTIVE_CASE, COLLECTIVE_HISTORY, COLLECTIVE_ORGS, CONTRACT_TITLE, REFUSED_CASE, REFUSED_HISTORY,
} from './fixtures';
import { expectAll, renderCase } from './pdf-text';

interface Case {
  name: string;
  type: DocumentType;
  record?: CaseRecord;
  history?: HistoryEvent[];
  options?: FromCaseOptions;
  zh: string[];
  en: string[];
}

const UNION = '苏州恒远精密机械有限公司工会委员会';
const EMPLOYER = '苏州恒远精密机械有限公司';
const BUREAU = '苏州工业园区劳动和社会保障局';

const CASES: Case[] = [
  {
    name: 'request', type: 'consultation_request', options: { deadlines: { 'collective.request.response': '2026-03-23' } },
    zh: ['集体协商要约书', UNION, EMPLOYER, CONTRACT_TITLE, '劳动报酬', '女职工和未成年工特殊保护', '违反集体合同的责任', '2026年3月16日上午9:30',
      '公司行政楼三楼第一会议室', '2026年3月2日', '二十日内以书面形式予以回应', '回应期限届满日：2026年3月23日', '第三十二条'],
    en: ['Request for Collective Consultation', 'Pay', 'Special protection of female and juvenile workers', 'within 20 days', '2 March 2026',
      'Reply due by 23 March 2026'],
  },
  {
    name: 'reply (agrees)', type: 'consultation_reply',
    zh: ['集体协商回应书', EMPLOYER, UNION, '2026年3月2日', '本方同意就订立', '2026年3月10日'],
    en: ['Reply to a Request for Collective Consultation', '2 March 2026', 'we agree to consult', '10 March 2026'],
  },
  {
    name: 'reply (refuses)', type: 'consultation_reply', record: REFUSED_CASE, history: REFUSED_HISTORY,
    zh: ['集体协商回应书', '本方不同意进行集体协商', '企业正在进行重组，暂不具备协商条件', '2026年3月18日', '提请劳动保障行政部门协调处理'],
    en: ['we do not agree to consult', '18 March 2026', 'labor administration to coordinate'],
  },
  {
    name: 'representatives', type: 'representatives_list',
    zh: ['集体协商代表名单', UNION, EMPLOYER, '赵静', '工会主席', '孙伟', '钱立新', '外聘律师', '陈志远', '刘洋', '何丽', '外聘', '本单位',
      '2026年3月11日', '尚未指定', '职工方首席代表（签字）', '企业方首席代表（签字）'],
    en: ['List of Collective Consultation Representatives', '赵静', '陈志远', 'External', 'Internal', '11 March 2026', 'not yet appointed'],
  },
  {
    name: 'minutes', type: 'meeting_minutes',
    zh: ['集体协商会议记录', '第2次协商会议', '2026年4月20日', '陈志远，企业方（苏州恒远精密机械有限公司）', '郑小红', '草案第二稿全部条款', '赵静',
      '职工方首席代表（签字）', '企业方首席代表（签字）', '记录员（签字）'],
    en: ['Minutes of a Collective Consultation Meeting', 'Meeting no. 2', '20 April 2026', 'Employer side', 'Recorder (signature)'],
  },
  {
    name: 'contract', type: 'collective_contract',
    zh: [CONTRACT_TITLE, '甲方（用人单位）', EMPLOYER, '乙方（工会）', UNION, '第一章劳动报酬', '第二章工作时间', '第三章休息休假', '第四章劳动安全与卫生',
      '第五章女职工和未成年工特殊保护', '第六章职业技能培训', '第七章履行集体合同发生争议时的协商处理办法', '第八章违反集体合同的责任', '第九章附则',
      '第一条', '企业每年按职工工资总额的1.5%提取职工教育培训经费', '本合同期限为36个月，自2026年7月1日起计算', '本合同于2026年6月18日生效',
      '本合同一式三份', '甲方首席代表（签字）', '乙方首席代表（签字）', '陈志远', '赵静', '2026年6月5日', '第3稿',
      '5d41c1a2f3e4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0'],
    en: [CONTRACT_TITLE, 'Chapter 1. Pay', 'Chapter 4. Occupational safety and health', 'Final provisions',
      'The term of this contract is 36 months from 1 July 2026', 'entered into force on 18 June 2026', 'the Chinese text prevails',
      'Chief representative of Party A (signature)', '5 June 2026', 'three copies'],
  },
  {
    name: 'first contract text, drawn from the first passing vote', type: 'collective_contract', options: { sourceSeq: 16 },
    zh: ['企业每月10日前以货币形式足额支付上月工资', '第2稿', '本合同期限由双方在签订时约定'],
    en: ['Text version: draft 2'],
  },
  {
    name: 'congress resolution', type: 'congress_resolution',
    zh: ['职工代表大会决议', EMPLOYER, '2026年6月2日', '应到120人，实到102人', '无记名投票', '95', '同意票超过全体职工代表的半数', '通过', '第3稿', '赵静'],
    en: ["Resolution of the Workers' Congress", '2 June 2026', 'secret ballot', 'Of 120 members, 102 were present', 'is approved'],
  },
  {
    name: 'filing form', type: 'filing_form',
    zh: ['集体合同报送表', CONTRACT_TITLE, EMPLOYER, UNION, BUREAU, '2026年6月5日', '2026年6月9日', '审查期限届满日', '2026年6月24日',
      '36个月，自2026年7月1日起', '应到120人，实到102人，同意95票', '集体合同文本（一式三份）', '报送单位（盖章）', '受理机关（盖章）'],
    en: ['Collective Contract Filing Form', '5 June 2026', '9 June 2026', '24 June 2026', 'Materials submitted'],
  },
  {
    name: 'review opinion', type: 'review_opinion',
    zh: ['集体合同审查意见书', EMPLOYER, UNION, '江苏省苏州市工业园区星湖街328号', '2026年5月12日', '2026年5月8日', '合同缺少劳动安全卫生',
      '2026年5月22日', BUREAU, '（盖章）', '重新报送审查'],
    en: ['Review Opinion on a Collective Contract', '12 May 2026', '22 May 2026', '(Seal)', 'submitted for review again'],
  },
  {
    name: 'coordination agreement', type: 'coordination_agreement',
    zh: ['集体协商争议协调处理协议书', BUREAU, '协商过程中申请协调处理', '职工方（苏州恒远精密机械有限公司工会委员会）', '2026年3月25日', '2026年3月27日',
      '双方对工资增长幅度分歧较大', '一线生产岗位不低于5.5%', '年休假工资报酬的计算方式', '协调处理人员（签字）', '2026年4月10日'],
    en: ['Coordination Agreement on a Collective Consultation Dispute', '25 March 2026', '27 March 2026', '10 April 2026',
      'Matters left for further consultation', 'Coordinator (signature)'],
  },
];

describe('collective documents (rendered and read back)', () => {
  for (const c of CASES) {
    for (const locale of ['zh-CN', 'en'] as const) {
      it(`${c.type}: ${c.name} (${locale})`, async () => {
        const record = c.record ?? COLLECTIVE_CASE;
        const r = await renderCase(c.type, record, c.history ?? COLLECTIVE_HISTORY, COLLECTIVE_ORGS, locale, c.options);
        expectAll(r, locale === 'zh-CN' ? c.zh : c.en);
        const pages = r.text.split('\f').filter((p) => p.trim());
        for (const page of pages) expect(page.replace(/\s+/g, '')).toContain(record.number);
      });
    }
  }
});
