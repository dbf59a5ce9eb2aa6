import { z } from 'zod';

// 居民身份证号码 (GB 11643-1999): 6-digit area code, birth date YYYYMMDD,
// 3-digit sequence (odd = male, even = female), and an ISO 7064 MOD 11-2 check
// character (0–9 or X). Messages are worded for elderly villagers at the kiosk.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const ID_LENGTH = 18;
const EARLIEST_BIRTH = '19000101';

/** Why an ID number was refused. */
export type IdCheckReason = 'empty' | 'length' | 'characters' | 'birth_date' | 'check_digit';

/** The result of {@link checkIdNumber}: the normalized number and what it encodes, or why it was refused. */
export type IdCheck =
  | { ok: true; idNumber: string; birthDate: string; gender: 'M' | 'F' }
  | { ok: false; reason: IdCheckReason; message: string };

/** Plain-Chinese messages, one per reason; `length` is built with the count typed. */
export const ID_NUMBER_MESSAGES = {
  empty: '请输入身份证号码',
  characters: '身份证号码只能包含数字，最后一位可以是X',
  birth_date: '身份证号码中的出生日期不正确，请核对',
  check_digit: '身份证号码最后一位校验不对，请核对后重新输入',
} as const;

function lengthMessage(count: number): string {
  return `身份证号码应为18位，您输入了${count}位`;
}

/**
 * The ISO 7064 MOD 11-2 check character for the first 17 digits of an ID number.
 *
 * @throws RangeError if `first17` is not exactly 17 digits.
 */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  WEIGHTS.forEach((weight, index) => {
    sum += weight * Number(first17.charAt(index));
  });
  return CHECK_CHARS.charAt(sum % 11);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when `yyyymmdd` (8 digits) names a real calendar date. */
function isCalendarDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

/** `today` as YYYYMMDD in the machine's local time zone (the kiosk runs on China time). */
function localYyyymmdd(today: Date): string {
  const month = String(today.getMonth() + 1).padStart(2, '0');
  const day = String(today.getDate()).padStart(2, '0');
  return `${String(today.getFullYear()).padStart(4, '0')}${month}${day}`;
}

function refuse(reason: IdCheckReason, message: string): IdCheck {
  return { ok: false, reason, message };
}

/**
 * Checks an ID number as typed: trims it, upper-cases a final `x`, then checks
 * length, characters, the birth date (a real date from 1900-01-01 up to `today`)
 * and the check character, in that order, reporting the first failure.
 */
export function checkIdNumber(input: string, today: Date = new Date()): IdCheck {
  const idNumber = input.trim().replace(/x$/, 'X');
  if (idNumber === '') return refuse('empty', ID_NUMBER_MESSAGES.empty);
  const count = [...idNumber].length;
  if (count !== ID_LENGTH) return refuse('length', lengthMessage(count));
  if (!/^\d{17}[\dX]$/.test(idNumber)) return refuse('characters', ID_NUMBER_MESSAGES.characters);

  // Fixed-width digit strings compare correctly as text.
  const birth = idNumber.slice(6, 14);
  if (!isCalendarDate(birth) || birth < EARLIEST_BIRTH || birth > localYyyymmdd(today)) {
    return refuse('birth_date', ID_NUMBER_MESSAGES.birth_date);
  }
  if (idCheckDigit(idNumber.slice(0, 17)) !== idNumber.charAt(17)) {
    return refuse('check_digit', ID_NUMBER_MESSAGES.check_digit);
  }
  const birthDate = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  const gender = Number(idNumber.charAt(16)) % 2 === 1 ? 'M' : 'F';
  return { ok: true, idNumber, birthDate, gender };
}

/** True when {@link checkIdNumber} accepts `input` as of now. */
export function isValidIdNumber(input: string): boolean {
  return checkIdNumber(input).ok;
}

/**
 * Builds a valid ID number for synthetic data: area code + birth date + 3-digit
 * sequence + check character. Does not check the date against today.
 *
 * @throws RangeError if `areaCode` is not 6 digits, `birthDate` is not a real
 *   `YYYY-MM-DD` date, or `sequence` is not an integer in 0..999.
 */
export function makeIdNumber(areaCode: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(areaCode)) throw new RangeError(`area code must be 6 digits, got "${areaCode}"`);
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  const yyyymmdd = date ? `${date[1]}${date[2]}${date[3]}` : '';
  if (!isCalendarDate(yyyymmdd)) throw new RangeError(`birth date must be a real YYYY-MM-DD, got "${birthDate}"`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`sequence must be an integer in 0..999, got ${sequence}`);
  }
  const first17 = areaCode + yyyymmdd + String(sequence).padStart(3, '0');
  return first17 + idCheckDigit(first17);
}

/**
 * Hides the birth date and sequence for display: first 6 + 8 `*` + last 4.
 *
 * @throws RangeError if the trimmed input is not 18 characters.
 */
export function maskIdNumber(idNumber: string): string {
  const trimmed = idNumber.trim().replace(/x$/, 'X');
  if (trimmed.length !== ID_LENGTH) throw new RangeError(`an ID number has 18 characters, got ${trimmed.length}`);
  return `${trimmed.slice(0, 6)}${'*'.repeat(8)}${trimmed.slice(14)}`;
}

/**
 * An ID number as typed, output normalized (trimmed, X upper-case). On failure
 * the issue message is the plain-Chinese message from {@link checkIdNumber}.
 */
export const IdNumber = z.string().transform((input, ctx) => {
  const result = checkIdNumber(input);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.message, params: { reason: result.reason } });
    return z.NEVER;
  }
  return result.idNumber;
});
export type IdNumber = z.output<typeof IdNumber>;
