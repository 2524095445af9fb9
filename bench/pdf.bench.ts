/**
 * PDF rendering figures: a one-page mediation agreement, cold (first document in the process:
 * pdfkit loaded, font files read and parsed) and warm (median of later renders), and its size.
 * Run by `npm run bench` (first, so that the cold figures are cold).
 */
import { performance } from 'node:perf_hooks';
import type { MediationAgreementData } from '../templates/mediation-agreement.template';

const ITERATIONS = 20;

const data: MediationAgreementData = {
  caseNumber: '劳调〔2026〕第00017号',
  issuedAt: '2026-10-23T01:20:00.000Z',
  applicant: { name: '王小明', idNumber: '110105199003071238' },
  respondent: { name: '北京星辰科技有限公司', legalRepresentative: '李建国' },
  committee: '北京市朝阳区劳动争议人民调解委员会',
  claims: [{ type: 'unpaid_wages', amount: '12000.00', description: '支付拖欠的工资' }],
  terms: [{ description: '被申请人向申请人支付拖欠的工资', amount: '12000.00' }],
  performanceDue: '2026-11-10',
  performanceManner: '银行转账一次性支付',
  draftedOn: '2026-10-22',
  signatures: {},
};

const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchPdf(print: (line: string) => void): Promise<void> {
  let t0 = performance.now();
  // required here, not imported at the top, so that loading pdfkit and fontkit is timed
  const { renderPdf } = require('../src/pdf/render') as typeof import('../src/pdf/render');
  const { loadParsedFonts, resetFontCache } = require('../src/pdf/fonts') as typeof import('../src/pdf/fonts');
  const { mediationAgreement } = require('../templates/mediation-agreement.template') as typeof import('../templates/mediation-agreement.template');
  const moduleLoad = ms(t0);

  const layout = mediationAgreement.build(data, 'zh-CN');
  t0 = performance.now();
  const first = await renderPdf(layout, 'zh-CN');
  const cold = ms(t0);

  resetFontCache();
  t0 = performance.now();
  loadParsedFonts();
  const fontLoad = ms(t0);

  const warm: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    t0 = performance.now();
    await renderPdf(layout, 'zh-CN');
    warm.push(ms(t0));
  }
  const en = await renderPdf(mediationAgreement.build(data, 'en'), 'en');
  const pages = (first.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

  print('PDF rendering: one-page mediation agreement (zh-CN)');
  print(`  pages                         ${pages}`);
  print(`  module load (pdfkit, templates) ${moduleLoad} ms`);
  print(`  cold render (first document)  ${cold} ms`);
  print(`  font load (read + parse, 2 x ~8 MB) ${fontLoad} ms`);
  print(`  warm render, median of ${ITERATIONS}     ${median(warm)} ms (min ${Math.min(...warm)}, max ${Math.max(...warm)})`);
  print(`  size zh-CN                    ${(first.length / 1024).toFixed(1)} KiB`);
  print(`  size en                       ${(en.length / 1024).toFixed(1)} KiB`);
}
