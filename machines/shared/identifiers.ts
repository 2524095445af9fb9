/**
 * Check characters of the two PRC identifiers a case records. Pure functions: a typo in an
 * 18-character number is caught at intake (400) instead of surfacing on a printed agreement.
 */
import { isCalendarDate } from './time';

/** GB 11643-1999 weights for the 17 leading digits of a resident ID (ISO 7064 MOD 11-2). */
const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character indexed by (weighted sum mod 11). */
const RESIDENT_ID_CHECK = '10X98765432';

/** The check character of a resident ID from its first 17 digits (`null` if not 17 digits). */
export function residentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i];
  return RESIDENT_ID_CHECK[sum % 11];
}

/**
 * An 18-character PRC resident identity number (GB 11643-1999): 6-digit area code, birth date
 * `YYYYMMDD` that exists on the calendar (from 1900 on), 3-digit sequence, check character
 * (a digit or upper-case `X`). The area code is not checked against a list (codes change).
 */
export function isResidentId(value: string): boolean {
  if (typeof value !== 'string' || !/^\d{17}[\dX]$/.test(value)) return false;
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isCalendarDate(birth) || birth < '1900-01-01') return false;
  return residentIdCheckChar(value.slice(0, 17)) === value[17];
}

/** GB 32100-2015 character set (no I, O, S, V, Z); a character's value is its index. */
const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights 3^i mod 31 for the 17 leading characters. */
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of a credit code from its first 17 characters (`null` if malformed). */
export function creditCodeCheckChar(first17: string): string | null {
  if (typeof first17 !== 'string' || first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * CREDIT_CODE_WEIGHTS[i];
  }
  // 31 - sum mod 31, where a result of 31 is written as 0.
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * An 18-character unified social credit code (统一社会信用代码, GB 32100-2015), upper case,
 * with a correct check character. The embedded organization code's own check is not verified:
 * the standard's check character already covers every position.
 */
export function isCreditCode(value: string): boolean {
  if (typeof value !== 'string' || value.length !== 18) return false;
  const check = creditCodeCheckChar(value.slice(0, 17));
  return check !== null && check === value[17];
}
