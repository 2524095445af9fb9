import fc from 'fast-check';
import {
  amountInCapitals, chineseOrdinal, clause, formatAmount, formatDate, formatInstant, parseAmount, sumAmounts,
} from '../../../templates/format';

describe('amountInCapitals (大写金额)', () => {
  const cases: [string, string][] = [
    ['0.05', '人民币伍分'],
    ['0.50', '人民币伍角整'],
    ['0', '人民币零元整'],
    ['1', '人民币壹元整'],
    ['10.00', '人民币壹拾元整'],
    ['15', '人民币壹拾伍元整'],
    ['100000.00', '人民币壹拾万元整'],
    ['100010.50', '人民币壹拾万零壹拾元伍角整'],
    ['1000000000.01', '人民币壹拾亿元零壹分'],
    ['12345678.90', '人民币壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角整'],
    ['12000', '人民币壹万贰仟元整'],
    ['12030.50', '人民币壹万贰仟零叁拾元伍角整'],
    // examples of 《支付结算办法》 (正确填写票据和结算凭证的基本规定)
    ['1409.50', '人民币壹仟肆佰零玖元伍角整'],
    ['1680.32', '人民币壹仟陆佰捌拾元叁角贰分'],
    ['107000.53', '人民币壹拾万柒仟元伍角叁分'],
    ['16409.02', '人民币壹万陆仟肆佰零玖元零贰分'],
    ['325.04', '人民币叁佰贰拾伍元零肆分'],
    ['20001', '人民币贰万零壹元整'],
    ['10700', '人民币壹万零柒佰元整'],
    ['100000001', '人民币壹亿零壹元整'],
    ['1010101.01', '人民币壹佰零壹万零壹佰零壹元零壹分'],
    ['18030.5', '人民币壹万捌仟零叁拾元伍角整'],
    ['10000000000000', '人民币壹拾万亿元整'],
    ['101000000000000', '人民币壹佰零壹万亿元整'],
    ['999999999999999.99', '人民币玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    ['007.10', '人民币柒元壹角整'],
  ];
  it.each(cases)('%s -> %s', (amount, expected) => {
    expect(amountInCapitals(amount)).toBe(expected);
  });

  it('refuses what is not an amount (floats, negatives, three decimals)', () => {
    for (const bad of ['1e5', '-1', '1.234', '', '12,000', '1.', '.5']) expect(() => amountInCapitals(bad)).toThrow();
  });

  it('never writes two 零 in a row, never starts or ends a number with 零 (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 999_999_999_999_999n }), fc.integer({ min: 0, max: 99 }), (yuan, cents) => {
        const text = amountInCapitals(`${yuan}.${String(cents).padStart(2, '0')}`);
        expect(text).not.toMatch(/零零/);
        expect(text).not.toMatch(/^人民币零/);
        expect(text).not.toMatch(/零元/);
        expect(text).toMatch(/^人民币/);
        expect(text.endsWith('整') === (cents % 10 === 0)).toBe(true);
      }),
    );
  });
});

describe('formatAmount', () => {
  it.each([
    ['12000', '¥12,000.00', 'CNY 12,000.00'],
    ['0.05', '¥0.05', 'CNY 0.05'],
    ['1234567.8', '¥1,234,567.80', 'CNY 1,234,567.80'],
    ['999999999999999.99', '¥999,999,999,999,999.99', 'CNY 999,999,999,999,999.99'],
    ['100', '¥100.00', 'CNY 100.00'],
  ])('%s', (amount, zh, en) => {
    expect(formatAmount(amount, 'zh-CN')).toBe(zh);
    expect(formatAmount(amount, 'en')).toBe(en);
  });

  it('sums exactly (no float drift)', () => {
    expect(sumAmounts(['0.1', '0.2'])).toBe('0.30');
    expect(sumAmounts(['999999999999999.99', '0.01'])).toBe('1000000000000000.00');
    expect(sumAmounts(['12000.00', '18030.5', '3500'])).toBe('33530.50');
    expect(sumAmounts([])).toBe('0.00');
    expect(parseAmount('0012.3')).toEqual({ int: '12', dec: '30' });
  });
});

describe('dates', () => {
  it('formats calendar dates per locale', () => {
    expect(formatDate('2026-11-10', 'zh-CN')).toBe('2026年11月10日');
    expect(formatDate('2026-11-10', 'en')).toBe('10 November 2026');
    expect(formatDate('2027-01-05', 'zh-CN')).toBe('2027年1月5日');
    expect(formatDate('2027-01-05', 'en')).toBe('5 January 2027');
    expect(() => formatDate('10/11/2026', 'en')).toThrow();
  });

  it('formats instants in Beijing time (UTC+8)', () => {
    expect(formatInstant('2026-11-10T16:30:00Z', 'zh-CN')).toBe('2026年11月11日 00:30');
    expect(formatInstant('2026-11-10T01:05:00.000Z', 'en')).toBe('10 November 2026 09:05 (UTC+8)');
  });

  it('strips the sentence end of free text embedded in a sentence', () => {
    expect(clause('双方分歧较大。')).toBe('双方分歧较大');
    expect(clause(' no agreement. ')).toBe('no agreement');
    expect(clause('支付工资；')).toBe('支付工资');
    expect(clause('¥12,000.00')).toBe('¥12,000.00');
  });

  it('writes Chinese ordinals for chapters and articles', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99].map(chineseOrdinal)).toEqual(['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九']);
  });
});
