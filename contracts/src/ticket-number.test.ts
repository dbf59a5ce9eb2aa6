import { describe, expect, it } from 'vitest';
import {
  TICKET_NUMBER_MESSAGE,
  TicketNumber,
  dammCheckDigit,
  formatTicketNumber,
  isValidTicketNumber,
  makeTicketNumber,
  normalizeTicketNumber,
  parseTicketNumber,
} from './ticket-number';

/** A spread of kiosks and sequences, including both ends of each range. */
const SAMPLES: readonly (readonly [number, number])[] = [
  [0, 1],
  [42, 123],
  [1, 9_999_999],
  [9999, 1],
  [9999, 9_999_999],
  [1234, 567_890],
  [3507, 1_000_000],
  [808, 4_040_404],
];
const VALID = SAMPLES.map(([kiosk, sequence]) => makeTicketNumber(kiosk, sequence));

function replaceAt(text: string, index: number, char: string): string {
  return text.slice(0, index) + char + text.slice(index + 1);
}

function swapAt(text: string, index: number): string {
  return text.slice(0, index) + text.charAt(index + 1) + text.charAt(index) + text.slice(index + 2);
}

describe('dammCheckDigit', () => {
  it('matches the published Damm example: 572 has check digit 4', () => {
    expect(dammCheckDigit('572')).toBe(4);
    expect(dammCheckDigit('5724')).toBe(0);
  });

  it('gives 0 for the empty string and for all zeros', () => {
    expect(dammCheckDigit('')).toBe(0);
    expect(dammCheckDigit('00000000000')).toBe(0);
  });

  it('makes any digit string valid when appended', () => {
    for (const body of ['1', '98765', '31415926535', '00000000001', '99999999999']) {
      expect(dammCheckDigit(body + String(dammCheckDigit(body)))).toBe(0);
    }
  });

  it('refuses strings with non-digits', () => {
    expect(() => dammCheckDigit('12a4')).toThrow(RangeError);
    expect(() => dammCheckDigit('12 4')).toThrow(RangeError);
  });
});

describe('makeTicketNumber', () => {
  it('zero-pads kiosk to 4 digits and sequence to 7, then appends the check digit', () => {
    const ticket = makeTicketNumber(42, 123);
    expect(ticket).toHaveLength(12);
    expect(ticket.slice(0, 11)).toBe('00420000123');
    expect(ticket.slice(11)).toBe(String(dammCheckDigit('00420000123')));
  });

  it('produces numbers that are 12 digits and valid for every sample', () => {
    for (const ticket of VALID) {
      expect(ticket).toMatch(/^\d{12}$/);
      expect(isValidTicketNumber(ticket)).toBe(true);
    }
  });

  it('accepts both ends of the kiosk and sequence ranges', () => {
    expect(makeTicketNumber(0, 1).slice(0, 11)).toBe('00000000001');
    expect(makeTicketNumber(9999, 9_999_999).slice(0, 11)).toBe('99999999999');
  });

  it('throws RangeError for a kiosk number outside 0..9999', () => {
    expect(() => makeTicketNumber(-1, 1)).toThrow(RangeError);
    expect(() => makeTicketNumber(10_000, 1)).toThrow(RangeError);
    expect(() => makeTicketNumber(1.5, 1)).toThrow(RangeError);
    expect(() => makeTicketNumber(Number.NaN, 1)).toThrow(RangeError);
  });

  it('throws RangeError for a sequence outside 1..9999999', () => {
    expect(() => makeTicketNumber(1, 0)).toThrow(RangeError);
    expect(() => makeTicketNumber(1, 10_000_000)).toThrow(RangeError);
    expect(() => makeTicketNumber(1, 2.5)).toThrow(RangeError);
    expect(() => makeTicketNumber(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('normalizeTicketNumber', () => {
  it('strips spaces, tabs and hyphens and keeps everything else', () => {
    expect(normalizeTicketNumber(' 0042 0000123-7 ')).toBe('004200001237');
    expect(normalizeTicketNumber('0042\t0000123\u00a07')).toBe('004200001237');
    expect(normalizeTicketNumber('00a2')).toBe('00a2');
  });
});

describe('isValidTicketNumber', () => {
  it('accepts every valid sample, also when typed with spaces or hyphens', () => {
    for (const ticket of VALID) {
      expect(isValidTicketNumber(ticket)).toBe(true);
      expect(isValidTicketNumber(formatTicketNumber(ticket))).toBe(true);
      expect(isValidTicketNumber(formatTicketNumber(ticket).replaceAll(' ', '-'))).toBe(true);
    }
  });

  it('rejects every single-digit substitution at every one of the 12 positions', () => {
    let rejected = 0;
    for (const ticket of VALID) {
      for (let index = 0; index < 12; index += 1) {
        for (const digit of '0123456789') {
          if (digit === ticket.charAt(index)) continue;
          const typo = replaceAt(ticket, index, digit);
          expect(isValidTicketNumber(typo), `${ticket} → ${typo}`).toBe(false);
          rejected += 1;
        }
      }
    }
    expect(rejected).toBe(VALID.length * 12 * 9);
  });

  it('rejects every adjacent transposition of two different digits', () => {
    let rejected = 0;
    for (const ticket of VALID) {
      for (let index = 0; index < 11; index += 1) {
        if (ticket.charAt(index) === ticket.charAt(index + 1)) continue;
        const swapped = swapAt(ticket, index);
        expect(isValidTicketNumber(swapped), `${ticket} → ${swapped}`).toBe(false);
        rejected += 1;
      }
    }
    expect(rejected).toBeGreaterThan(VALID.length * 3);
  });

  it('rejects adjacent transpositions in every body of a deterministic pseudo-random sweep', () => {
    let seed = 20_261_126;
    const next = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed;
    };
    for (let round = 0; round < 500; round += 1) {
      const ticket = makeTicketNumber(next() % 10_000, (next() % 9_999_999) + 1);
      for (let index = 0; index < 11; index += 1) {
        if (ticket.charAt(index) === ticket.charAt(index + 1)) continue;
        expect(isValidTicketNumber(swapAt(ticket, index))).toBe(false);
      }
    }
  });

  it('rejects wrong lengths, letters, and the empty string', () => {
    const ticket = makeTicketNumber(42, 123);
    expect(isValidTicketNumber('')).toBe(false);
    expect(isValidTicketNumber(ticket.slice(0, 11))).toBe(false);
    expect(isValidTicketNumber(`${ticket}0`)).toBe(false);
    expect(isValidTicketNumber(`0${ticket}`)).toBe(false);
    expect(isValidTicketNumber(replaceAt(ticket, 3, 'a'))).toBe(false);
    expect(isValidTicketNumber('５７２４')).toBe(false);
  });
});

describe('parseTicketNumber', () => {
  it('returns the kiosk as a 4-digit string and the sequence as a number', () => {
    const ticket = makeTicketNumber(42, 123);
    expect(parseTicketNumber(ticket)).toEqual({ ticketNumber: ticket, kioskNumber: '0042', sequence: 123 });
  });

  it('normalizes spaces and hyphens before parsing', () => {
    const ticket = makeTicketNumber(9999, 9_999_999);
    expect(parseTicketNumber(` ${formatTicketNumber(ticket).replace(' ', '-')} `)).toEqual({
      ticketNumber: ticket,
      kioskNumber: '9999',
      sequence: 9_999_999,
    });
  });

  it('round-trips make → format → parse for every sample', () => {
    SAMPLES.forEach(([kiosk, sequence], index) => {
      const ticket = VALID[index] ?? '';
      const parsed = parseTicketNumber(formatTicketNumber(ticket));
      expect(parsed).toEqual({ ticketNumber: ticket, kioskNumber: String(kiosk).padStart(4, '0'), sequence });
    });
  });

  it('returns null for an invalid number', () => {
    const ticket = makeTicketNumber(42, 123);
    expect(parseTicketNumber(swapAt(ticket, 9))).toBeNull();
    expect(parseTicketNumber('hello')).toBeNull();
    expect(parseTicketNumber('')).toBeNull();
  });
});

describe('formatTicketNumber', () => {
  it('groups as kiosk, sequence and check digit: 4 + 7 + 1', () => {
    const ticket = makeTicketNumber(42, 123);
    expect(formatTicketNumber(ticket)).toBe(`0042 0000123 ${ticket.charAt(11)}`);
  });

  it('is stable when given an already formatted or hyphenated number', () => {
    const ticket = makeTicketNumber(1234, 567_890);
    const formatted = formatTicketNumber(ticket);
    expect(formatTicketNumber(formatted)).toBe(formatted);
    expect(formatTicketNumber(formatted.replaceAll(' ', '-'))).toBe(formatted);
    expect(normalizeTicketNumber(formatted)).toBe(ticket);
  });

  it('throws RangeError for anything that is not 12 digits', () => {
    expect(() => formatTicketNumber('12345')).toThrow(RangeError);
    expect(() => formatTicketNumber('00420000123a')).toThrow(RangeError);
  });
});

describe('TicketNumber schema', () => {
  it('outputs the normalized number for valid input', () => {
    const ticket = makeTicketNumber(42, 123);
    expect(TicketNumber.parse(formatTicketNumber(ticket))).toBe(ticket);
  });

  it('fails with the Chinese message for an invalid number', () => {
    const ticket = makeTicketNumber(42, 123);
    const result = TicketNumber.safeParse(swapAt(ticket, 3));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(TICKET_NUMBER_MESSAGE);
    expect(TICKET_NUMBER_MESSAGE).toBe('查询号不正确，请核对后重新输入');
  });

  it('fails for non-string input', () => {
    expect(TicketNumber.safeParse(4200001237).success).toBe(false);
  });
});
