/** Check characters of resident IDs (GB 11643, ISO 7064 MOD 11-2) and credit codes (GB 32100-2015). */
import { creditCodeCheckChar, isCreditCode, isResidentId, residentIdCheckChar } from '../../../machines/shared/identifiers';

describe('isResidentId', () => {
  // The first is the widely published sample; the others' check characters were computed independently (Python).
  it.each(['11010519491231002X', '440304199001011233', '320106198402290018'])('accepts %s', (id) => {
    expect(isResidentId(id)).toBe(true);
  });

  it('accepts a leap-day birth date', () => {
    expect(isResidentId('110105200002291235')).toBe(true);
  });

  it.each([
    ['wrong check character', '110105194912310021'],
    ['lower-case x', '11010519491231002x'],
    ['17 characters', '11010519491231002'],
    ['19 characters', '11010519491231002X1'],
    ['letter in the body', '11010519491231A02X'],
    ['X not last', '1101051949123100X2'],
    ['Feb 29 of a non-leap year, correct check', '320106198502290015'],
    ['Feb 30, correct check', '110105194902300020'],
    ['month 13, correct check', '110105194913310021'],
    ['born before 1900, correct check', '110105189912310023'],
  ])('refuses %s', (_label, id) => {
    expect(isResidentId(id)).toBe(false);
  });

  it('is false for non-strings', () => {
    expect(isResidentId(undefined as unknown as string)).toBe(false);
  });

  it('computes the check character (ISO 7064 MOD 11-2)', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44030419900101123')).toBe('3');
    expect(residentIdCheckChar('4403041990010112')).toBeNull();
  });
});

describe('isCreditCode', () => {
  it.each(['91350100M000100Y43', '91110000802100433B', '12100000400000624D'])('accepts %s', (code) => {
    expect(isCreditCode(code)).toBe(true);
  });

  it.each([
    ['wrong check character', '91350100M000100Y44'],
    ['lower case', '91350100m000100y43'],
    ['letter outside the charset (I)', '91350100I000100Y43'],
    ['17 characters', '91350100M000100Y4'],
    ['check character outside the charset', '91350100M000100Y4Z'],
  ])('refuses %s', (_label, code) => {
    expect(isCreditCode(code)).toBe(false);
  });

  it('writes a remainder-free check as 0', () => {
    // Find a prefix whose weighted sum is a multiple of 31 by varying the last character.
    const prefix = '9144030000000000';
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const zeroCheck = [...charset].map((c) => prefix + c).find((p) => creditCodeCheckChar(p) === '0');
    expect(zeroCheck).toBeDefined();
    expect(isCreditCode(`${zeroCheck}0`)).toBe(true);
  });
});
