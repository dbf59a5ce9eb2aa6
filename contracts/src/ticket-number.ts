import { z } from 'zod';

// 查询号: the 12-digit number printed on a complaint receipt.
// Layout: 4-digit kiosk number + 7-digit per-kiosk sequence + 1 Damm check digit.
// Damm catches every single-digit typo and every adjacent transposition, the two
// mistakes people make most when keying a number from paper.

/** The standard Damm table: a totally anti-symmetric quasigroup of order 10. */
const DAMM_TABLE: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

const KIOSK_DIGITS = 4;
const SEQUENCE_DIGITS = 7;
const TICKET_DIGITS = KIOSK_DIGITS + SEQUENCE_DIGITS + 1;
const TICKET_PATTERN = new RegExp(`^\\d{${TICKET_DIGITS}}$`);
const MAX_KIOSK = 9999;
const MAX_SEQUENCE = 9_999_999;

/** Shown to the person at the kiosk when the number they typed fails the check. */
export const TICKET_NUMBER_MESSAGE = '查询号不正确，请核对后重新输入';

/**
 * The Damm check digit of a string of decimal digits. Appending it makes the
 * whole string Damm-valid, i.e. `dammCheckDigit(digits + check) === 0`.
 *
 * @throws RangeError if `digits` contains anything but 0–9.
 */
export function dammCheckDigit(digits: string): number {
  if (!/^\d*$/.test(digits)) throw new RangeError(`not a digit string: "${digits}"`);
  let interim = 0;
  for (const char of digits) {
    interim = DAMM_TABLE[interim]?.[Number(char)] ?? 0;
  }
  return interim;
}

/**
 * Builds the ticket number for the `sequence`-th ticket of a kiosk.
 *
 * @throws RangeError if `kioskNumber` is not an integer in 0..9999 or `sequence`
 *   is not an integer in 1..9999999.
 */
export function makeTicketNumber(kioskNumber: number, sequence: number): string {
  if (!Number.isInteger(kioskNumber) || kioskNumber < 0 || kioskNumber > MAX_KIOSK) {
    throw new RangeError(`kiosk number must be an integer in 0..${MAX_KIOSK}, got ${kioskNumber}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`sequence must be an integer in 1..${MAX_SEQUENCE}, got ${sequence}`);
  }
  const body =
    String(kioskNumber).padStart(KIOSK_DIGITS, '0') + String(sequence).padStart(SEQUENCE_DIGITS, '0');
  return body + String(dammCheckDigit(body));
}

/** Removes the spaces and hyphens people type (or copy from a receipt) between digit groups. */
export function normalizeTicketNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** True when `input`, once normalized, is exactly 12 digits and passes the Damm check. */
export function isValidTicketNumber(input: string): boolean {
  const normalized = normalizeTicketNumber(input);
  return TICKET_PATTERN.test(normalized) && dammCheckDigit(normalized) === 0;
}

/** The parts of a valid ticket number. */
export interface ParsedTicketNumber {
  /** The normalized 12-digit number. */
  ticketNumber: string;
  /** The kiosk number as its 4-digit zero-padded string, e.g. `'0042'`. */
  kioskNumber: string;
  /** The per-kiosk sequence, 1..9999999. */
  sequence: number;
}

/**
 * Splits a ticket number into its parts, or returns `null` exactly when
 * {@link isValidTicketNumber} is false. (Sequence 0 is never issued but is not
 * rejected here; a lookup simply finds nothing.)
 */
export function parseTicketNumber(input: string): ParsedTicketNumber | null {
  if (!isValidTicketNumber(input)) return null;
  const ticketNumber = normalizeTicketNumber(input);
  const kioskNumber = ticketNumber.slice(0, KIOSK_DIGITS);
  const sequence = Number(ticketNumber.slice(KIOSK_DIGITS, KIOSK_DIGITS + SEQUENCE_DIGITS));
  return { ticketNumber, kioskNumber, sequence };
}

/**
 * Groups a ticket number for print and screen: `'004200001237'` → `'0042 0000123 7'`.
 *
 * @throws RangeError if the input, once normalized, is not 12 digits.
 */
export function formatTicketNumber(ticketNumber: string): string {
  const digits = normalizeTicketNumber(ticketNumber);
  if (!TICKET_PATTERN.test(digits)) {
    throw new RangeError(`a ticket number has ${TICKET_DIGITS} digits, got "${ticketNumber}"`);
  }
  const sequenceEnd = KIOSK_DIGITS + SEQUENCE_DIGITS;
  const kiosk = digits.slice(0, KIOSK_DIGITS);
  return `${kiosk} ${digits.slice(KIOSK_DIGITS, sequenceEnd)} ${digits.slice(sequenceEnd)}`;
}

/** A ticket number as typed: spaces and hyphens are stripped, then the Damm check must pass. */
export const TicketNumber = z
  .string()
  .transform(normalizeTicketNumber)
  .refine(isValidTicketNumber, { message: TICKET_NUMBER_MESSAGE });
export type TicketNumber = z.output<typeof TicketNumber>;
