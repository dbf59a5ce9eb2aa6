import { describe, expect, it } from 'vitest';
import { applyKey, groupForDisplay, ID_KEYPAD, sanitizeTyped, TICKET_KEYPAD } from './keypad-logic';

describe('keypad logic', () => {
  it('appends digits up to the maximum length', () => {
    expect(applyKey('12', '3', TICKET_KEYPAD)).toBe('123');
    expect(applyKey('123456789012', '3', TICKET_KEYPAD)).toBe('123456789012');
  });
  it('accepts X only as the 18th character of an ID', () => {
    expect(applyKey('1234', 'X', ID_KEYPAD)).toBe('1234');
    expect(applyKey('12345678901234567', 'X', ID_KEYPAD)).toBe('12345678901234567X');
    expect(applyKey('12345678901234567', 'X', TICKET_KEYPAD)).toBe('12345678901234567');
  });
  it('deletes the last character and clears all', () => {
    expect(applyKey('123', 'delete', ID_KEYPAD)).toBe('12');
    expect(applyKey('', 'delete', ID_KEYPAD)).toBe('');
    expect(applyKey('123', 'clear', ID_KEYPAD)).toBe('');
  });
  it('reduces scanner or pasted text to what the keypad could type', () => {
    expect(sanitizeTyped('0042 0000123-7\n', TICKET_KEYPAD)).toBe('004200001237');
    expect(sanitizeTyped('11010519491231002x', ID_KEYPAD)).toBe('11010519491231002X');
    expect(sanitizeTyped('x1', ID_KEYPAD)).toBe('1');
  });
  it('groups digits for display', () => {
    expect(groupForDisplay('004200001237', [4, 7, 1])).toBe('0042 0000123 7');
    expect(groupForDisplay('110105194', [6, 8, 4])).toBe('110105 194');
    expect(groupForDisplay('', [6, 8, 4])).toBe('');
  });
});
