/** The renderer: deterministic bytes, fonts embedded, page furniture, page breaks without overflow. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadFonts, resolveFontDir } from '../../../src/pdf/fonts';
import { renderPdf } from '../../../src/pdf/render';
import type { LayoutDocument } from '../../../templates/layout';
import { pdfPages, pdfText, squash } from '../../support/pdf-text';

const base: LayoutDocument = {
  title: '调解协议书',
  caseNumber: '劳调〔2026〕第00017号',
  meta: { title: '调解协议书 劳调〔2026〕第00017号', createdAt: '2026-10-23T01:20:00.000Z' },
  blocks: [
    { kind: 'paragraph', text: '经调解，双方当事人自愿达成如下协议：', indent: true },
    { kind: 'numbered', style: 'cn', items: ['被申请人支付申请人工资¥12,000.00（人民币壹万贰仟元整）。'] },
    { kind: 'signatures', columns: 3, parties: [{ role: '申请人（签名）', name: '王小明' }, { role: '被申请人（盖章）' }, { role: '调解员（签名）' }] },
    { kind: 'seal', organization: '北京市朝阳区劳动争议人民调解委员会', label: '（盖章）', date: '2026年10月23日' },
  ],
};

/** A layout long enough to need several pages: long paragraphs, a long table, a big notice. */
function longDocument(rows: number): LayoutDocument {
  return {
    ...base,
    title: '案件历史报告',
    blocks: [
      { kind: 'paragraph', text: '事实和理由：'.concat('申请人于2023年3月1日入职被申请人处，任软件测试工程师。'.repeat(40)), indent: true },
      {
        kind: 'table',
        dense: true,
        columns: [{ header: '序号', width: 0.5 }, { header: '事件', width: 2 }, { header: '哈希', width: 2.5 }],
        rows: Array.from({ length: rows }, (_, i) => [String(i + 1), `事件${i + 1} RECORD_SESSION`, `${'ab12'.repeat(16)}`]),
      },
      { kind: 'notice', title: '告知', text: '当事人可以依法申请仲裁。'.repeat(300) },
      { kind: 'keyValue', rows: [{ label: '最后一行', value: 'END-OF-DOCUMENT' }] },
    ],
  };
}

describe('renderPdf', () => {
  it('is deterministic: the same input gives the same bytes', async () => {
    const a = await renderPdf(base, 'zh-CN');
    const b = await renderPdf(structuredClone(base), 'zh-CN');
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('stays deterministic with the parsed fonts shared between documents (A, B, A)', async () => {
    const a1 = await renderPdf(base, 'zh-CN');
    await renderPdf(longDocument(30), 'zh-CN');
    await renderPdf({ ...base, title: 'Mediation Agreement' }, 'en');
    const a2 = await renderPdf(base, 'zh-CN');
    expect(a2.equals(a1)).toBe(true);
  });

  it('takes its dates from meta.createdAt and its file ID from the content', async () => {
    const a = (await renderPdf(base, 'zh-CN')).toString('latin1');
    // CreationDate and ModDate (indirect objects), nothing else dated
    expect(a.match(/\(D:\d{14}Z\)/g)).toEqual(['(D:20261023012000Z)', '(D:20261023012000Z)']);
    expect(a).toContain('<xmp:CreateDate>2026-10-23T01:20:00Z</xmp:CreateDate>');
    const other = (await renderPdf({ ...base, caseNumber: '劳调〔2026〕第00018号' }, 'zh-CN')).toString('latin1');
    const id = (s: string) => /\/ID \[<([0-9a-f]+)>/.exec(s)?.[1];
    expect(id(a)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(other)).not.toBe(id(a));
    expect(id((await renderPdf(base, 'en')).toString('latin1'))).not.toBe(id(a));
  });

  it('refuses a createdAt that is not an instant', async () => {
    await expect(renderPdf({ ...base, meta: { ...base.meta, createdAt: 'yesterday' } }, 'zh-CN')).rejects.toThrow(/createdAt/);
  });

  it('embeds subsets of Noto Sans SC (regular and bold), not the whole font', async () => {
    const pdf = await renderPdf(base, 'zh-CN');
    const s = pdf.toString('latin1');
    expect(s).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansHans-Regular/);
    expect(s).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansHans-Bold/);
    expect(s).toContain('/FontFile3');
    expect(pdf.length).toBeLessThan(400_000);
  });

  it('finds the font package without reading its package.json', () => {
    const dir = resolveFontDir();
    expect(existsSync(path.join(dir, 'NotoSansHans-Regular.otf'))).toBe(true);
    expect(loadFonts()).toBe(loadFonts()); // read once, cached
  });
});

describe('renderPdf page layout (read back)', () => {
  it('breaks long content over pages, repeats the table header, numbers every page', async () => {
    const pdf = await renderPdf(longDocument(120), 'zh-CN');
    const pages = (await pdfPages(pdf)).filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => {
      const flat = squash(page);
      expect(flat).toContain('案号：劳调〔2026〕第00017号');
      expect(flat).toContain(`第${i + 1}页共${pages.length}页`);
    });
    const text = squash(pages.join(''));
    // every row and the end of the document are there: nothing fell off a page
    for (let i = 1; i <= 120; i++) expect(text).toContain(`事件${i}RECORD_SESSION`);
    expect(text).toContain('END-OF-DOCUMENT');
    // the header row is drawn again on the pages the table continues on
    const tablePages = pages.filter((p) => p.includes('RECORD_SESSION'));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const p of tablePages) expect(squash(p)).toContain('序号事件哈希');
  });

  it('writes English page furniture in English', async () => {
    const text = squash(await pdfText(await renderPdf({ ...base, title: 'Mediation Agreement' }, 'en')));
    expect(text).toContain('CaseNo.劳调〔2026〕第00017号');
    expect(text).toContain('Page1of1');
    expect(text).toContain('MediationAgreement');
  });
});
