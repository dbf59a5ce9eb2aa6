/** What a keypad key does: a digit, X (last character of an ID only), delete or clear. */
export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'X' | 'delete' | 'clear';

export interface KeypadRules {
  maxLength: number;
  /** True for ID numbers: X is accepted, and only as the 18th character. */
  allowX: boolean;
}

export const ID_KEYPAD: KeypadRules = { maxLength: 18, allowX: true };
export const TICKET_KEYPAD: KeypadRules = { maxLength: 12, allowX: false };
export const PIN_KEYPAD: KeypadRules = { maxLength: 4, allowX: false };
export const PHONE_KEYPAD: KeypadRules = { maxLength: 11, allowX: false };

/** The value after pressing `key`; a key that cannot apply leaves the value unchanged. */
export function applyKey(value: string, key: KeypadKey, rules: KeypadRules): string {
  if (key === 'clear') return '';
  if (key === 'delete') return value.slice(0, -1);
  if (value.length >= rules.maxLength) return value;
  if (key === 'X') {
    return rules.allowX && value.length === rules.maxLength - 1 ? value + 'X' : value;
  }
  if (value.endsWith('X')) return value;
  return value + key;
}

/**
 * Text from a keyboard-wedge scanner or a paste, reduced to what the keypad could have
 * typed: digits (and a final X for IDs), spaces and hyphens dropped, cut to length.
 */
export function sanitizeTyped(text: string, rules: KeypadRules): string {
  let value = '';
  for (const char of text.toUpperCase()) {
    if (/\d/.test(char)) value = applyKey(value, char as KeypadKey, rules);
    else if (char === 'X') value = applyKey(value, 'X', rules);
  }
  return value;
}

/** Groups digits for display so a long number can be checked by eye: 6-8-4 for IDs, 4-7-1 for tickets. */
export function groupForDisplay(value: string, groups: readonly number[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= value.length) break;
    parts.push(value.slice(at, at + size));
    at += size;
  }
  if (at < value.length) parts.push(value.slice(at));
  return parts.join(' ');
}
