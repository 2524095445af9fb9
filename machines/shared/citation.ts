/**
 * Citations in the form of domain.md: `<中文名> 第<汉字数字>条 / <ABBR> Art <N>`, e.g.
 * `企业劳动争议协商调解规定 第二十二条 / Order17 Art 22`. Built from (source, article) so the
 * Chinese numeral and the Arabic number can never disagree.
 */
export const SOURCES = {
  LDMAL: '劳动争议调解仲裁法',
  Order17: '企业劳动争议协商调解规定',
  CCP: '集体合同规定',
  LL: '劳动法',
  LCL: '劳动合同法',
  TUL: '工会法',
  EDM: '企业民主管理规定',
  CC: '民法典',
  CPL: '民事诉讼法',
  SPC1: '最高人民法院关于审理劳动争议案件适用法律问题的解释（一）',
  ArbRules: '劳动人事争议仲裁办案规则',
} as const;

export type SourceAbbr = keyof typeof SOURCES;

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Article numbers as written in PRC statutes: 10 十, 14 十四, 22 二十二, 205 二百零五, 1259 一千二百五十九. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`article number out of range: ${n}`);
  const units = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ] as const;
  let out = '';
  let rest = n;
  let pendingZero = false;
  for (const [value, name] of units) {
    const digit = Math.floor(rest / value);
    rest %= value;
    if (digit > 0) {
      if (pendingZero) out += '零';
      // 十四, not 一十四, when the number starts with the tens.
      out += value === 10 && digit === 1 && out === '' ? name : DIGITS[digit] + name;
      pendingZero = false;
    } else if (out !== '') {
      pendingZero = true;
    }
  }
  if (rest > 0) out += (pendingZero ? '零' : '') + DIGITS[rest];
  return out;
}

/** One article: `cite('Order17', 22)` -> `企业劳动争议协商调解规定 第二十二条 / Order17 Art 22`. */
export function cite(source: SourceAbbr, article: number): string {
  return `${SOURCES[source]} 第${chineseNumeral(article)}条 / ${source} Art ${article}`;
}

/** Several articles joined with `; `. */
export function citeAll(...refs: Array<[SourceAbbr, number]>): string {
  return refs.map(([s, a]) => cite(s, a)).join('; ');
}

/** The shape every citation must have (one or more `; `-separated parts). */
export const CITATION_PATTERN = /^[^\s;][^;]* 第[零一二三四五六七八九十百千]+条 \/ [A-Za-z0-9]+ Art \d+(; [^\s;][^;]* 第[零一二三四五六七八九十百千]+条 \/ [A-Za-z0-9]+ Art \d+)*$/;
