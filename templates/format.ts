/**
 * Pure formatting helpers for documents: amounts in figures and in Chinese capital numerals
 * (大写金额), dates and instants in the document's locale. Amounts are decimal strings and are
 * handled as digit strings throughout: a value never passes through a float.
 */
import { shanghaiDateTime } from '../machines/shared/time';

export type Locale = 'zh-CN' | 'en';

const AMOUNT = /^(\d{1,15})(?:\.(\d{1,2}))?$/;

/** Splits `"12000.5"` into `{int: "12000", dec: "50"}` (integer without leading zeros). */
export function parseAmount(amount: string): { int: string; dec: string } {
  const m = AMOUNT.exec(amount);
  if (!m) throw new Error(`not an amount: ${amount}`);
  const int = m[1]!.replace(/^0+(?=\d)/, '');
  const dec = (m[2] ?? '').padEnd(2, '0');
  return { int, dec };
}

/** `"12000"` -> `"¥12,000.00"` (zh-CN) or `"CNY 12,000.00"` (en). */
export function formatAmount(amount: string, locale: Locale): string {
  const { int, dec } = parseAmount(amount);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${locale === 'zh-CN' ? '¥' : 'CNY '}${grouped}.${dec}`;
}

/** Sum of decimal amount strings, exact (BigInt cents), as `"123.45"`. */
export function sumAmounts(amounts: readonly string[]): string {
  let cents = 0n;
  for (const a of amounts) {
    const { int, dec } = parseAmount(a);
    cents += BigInt(int) * 100n + BigInt(dec);
  }
  const s = cents.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];

/**
 * The integer part in capital numerals, by groups of four digits (万, 亿, 万亿).
 * Zero rule (《支付结算办法》附件 正确填写票据和结算凭证的基本规定): a run of zeros between two
 * non-zero digits is written as one 零; a run that ends exactly at a 万 or 亿 boundary is not
 * written (the allowed short form: 107000 -> 壹拾万柒仟).
 */
function integerCapital(int: string): string {
  if (/^0+$/.test(int)) return '';
  let out = '';
  let zero = false;
  const n = int.length;
  for (let i = 0; i < n; i++) {
    const d = int.charCodeAt(i) - 48;
    const pos = n - 1 - i;
    if (d === 0) {
      if (out) zero = true;
    } else {
      if (zero) out += '零';
      zero = false;
      out += DIGITS[d]! + SMALL_UNITS[pos % 4]!;
    }
    if (pos % 4 === 0 && pos > 0) {
      const group = int.slice(Math.max(0, i - 3), i + 1);
      const higher = int.slice(0, i + 1);
      // 亿 closes groups 2 and 3 together (1,0000,0000,0000 is 壹万亿).
      const unit = pos === 8 ? (/[1-9]/.test(higher.slice(-8)) ? '亿' : '') : /[1-9]/.test(group) ? '万' : '';
      if (unit) {
        out += unit;
        zero = false;
      }
    }
  }
  return out;
}

/**
 * 大写金额 as on Chinese bank and finance documents: `"12000.00"` -> `人民币壹万贰仟元整`,
 * `"100010.50"` -> `人民币壹拾万零壹拾元伍角整`, `"325.04"` -> `人民币叁佰贰拾伍元零肆分`,
 * `"0.05"` -> `人民币伍分`. 整 is written whenever there is no 分.
 */
export function amountInCapitals(amount: string): string {
  const { int, dec } = parseAmount(amount);
  const jiao = dec.charCodeAt(0) - 48;
  const fen = dec.charCodeAt(1) - 48;
  const yuan = integerCapital(int);
  let out = '人民币';
  if (!yuan && !jiao && !fen) return `${out}零元整`;
  if (yuan) out += `${yuan}元`;
  if (jiao) out += `${DIGITS[jiao]}角`;
  else if (fen && yuan) out += '零';
  if (fen) out += `${DIGITS[fen]}分`;
  else out += '整';
  return out;
}

const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** `"2026-11-10"` -> `2026年11月10日` (zh-CN) or `10 November 2026` (en). */
export function formatDate(date: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return locale === 'zh-CN' ? `${y}年${mo}月${d}日` : `${d} ${MONTHS_EN[mo - 1]} ${y}`;
}

/** An instant in Asia/Shanghai: `2026年11月10日 14:30` / `10 November 2026 14:30 (UTC+8)`. */
export function formatInstant(instant: string, locale: Locale): string {
  const local = shanghaiDateTime(instant);
  const date = formatDate(local.slice(0, 10), locale);
  const time = local.slice(11, 16);
  return locale === 'zh-CN' ? `${date} ${time}` : `${date} ${time} (UTC+8)`;
}

/**
 * Free text to embed before a sentence end: trailing punctuation removed, so that
 * `理由：${clause(reason)}。` never prints `。。` when the user already ended the sentence.
 */
export function clause(text: string): string {
  return text.trim().replace(/[\s。．.！!？?；;，,、:：]+$/u, '');
}

/** Chinese ordinal for section numbers: 1 -> 一, 12 -> 十二, 21 -> 二十一 (up to 99). */
export function chineseOrdinal(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : d[tens]}十${ones ? d[ones] : ''}`;
}
