import { describe, expect, it } from 'vitest';
import {
  ID_NUMBER_MESSAGES,
  IdNumber,
  checkIdNumber,
  idCheckDigit,
  isValidIdNumber,
  makeIdNumber,
  maskIdNumber,
} from './id-number';

/** A fixed "today" so birth-date rules do not drift with the calendar. */
const TODAY = new Date(2026, 10, 26);

/** Published example from GB 11643-1999 guidance: born 1949-12-31, female, check X. */
const PUBLISHED = '11010519491231002X';

const VALID: readonly string[] = [
  PUBLISHED,
  makeIdNumber('350521', '1956-03-08', 371),
  makeIdNumber('430102', '2000-02-29', 8),
  makeIdNumber('653024', '1900-01-01', 999),
  makeIdNumber('510722', '1987-10-15', 0),
  makeIdNumber('110101', '2026-11-26', 123),
];

function replaceAt(text: string, index: number, char: string): string {
  return text.slice(0, index) + char + text.slice(index + 1);
}

function expectRefused(input: string, reason: string, today: Date = TODAY): void {
  const result = checkIdNumber(input, today);
  expect(result.ok, input).toBe(false);
  if (!result.ok) expect(result.reason, input).toBe(reason);
}

describe('idCheckDigit', () => {
  it('gives X for the published example, matching the hand-derived sum 167 mod 11 = 2', () => {
    // 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167; 167 mod 11 = 2 → 'X'
    expect(idCheckDigit('11010519491231002')).toBe('X');
  });

  it('gives 4 for the standard example 440524188001010014, sum 195 mod 11 = 8', () => {
    expect(idCheckDigit('44052418800101001')).toBe('4');
  });

  it('maps a weighted sum of 0 (all zeros) to check character 1', () => {
    expect(idCheckDigit('00000000000000000')).toBe('1');
  });

  it('throws RangeError unless given exactly 17 digits', () => {
    expect(() => idCheckDigit('1101051949123100')).toThrow(RangeError);
    expect(() => idCheckDigit('110105194912310021')).toThrow(RangeError);
    expect(() => idCheckDigit('1101051949123100X')).toThrow(RangeError);
  });
});

describe('checkIdNumber', () => {
  it('accepts the published example and reads its birth date and gender', () => {
    expect(checkIdNumber(PUBLISHED, TODAY)).toEqual({
      ok: true,
      idNumber: PUBLISHED,
      birthDate: '1949-12-31',
      gender: 'F',
    });
  });

  it('accepts every generated valid number', () => {
    for (const id of VALID) expect(checkIdNumber(id, TODAY).ok, id).toBe(true);
  });

  it('reads an odd sequence as male and an even one as female', () => {
    const male = checkIdNumber(makeIdNumber('350521', '1956-03-08', 371), TODAY);
    const female = checkIdNumber(makeIdNumber('350521', '1956-03-08', 370), TODAY);
    expect(male.ok && male.gender).toBe('M');
    expect(female.ok && female.gender).toBe('F');
  });

  it('trims surrounding spaces and upper-cases a final x', () => {
    const result = checkIdNumber(`  ${PUBLISHED.toLowerCase()}\n`, TODAY);
    expect(result.ok && result.idNumber).toBe(PUBLISHED);
  });

  it('rejects every single-digit change of a valid number at every position', () => {
    let rejected = 0;
    for (const id of VALID) {
      for (let index = 0; index < 18; index += 1) {
        const alphabet = index === 17 ? '0123456789X' : '0123456789';
        for (const char of alphabet) {
          if (char === id.charAt(index)) continue;
          const changed = replaceAt(id, index, char);
          const result = checkIdNumber(changed, TODAY);
          expect(result.ok, `${id} → ${changed}`).toBe(false);
          // A change in the birth date may fail the date rule before the check digit.
          if (!result.ok) expect(['birth_date', 'check_digit']).toContain(result.reason);
          rejected += 1;
        }
      }
    }
    expect(rejected).toBe(VALID.length * (17 * 9 + 10));
  });

  it('rejects every adjacent transposition of two different characters', () => {
    for (const id of VALID) {
      for (let index = 0; index < 17; index += 1) {
        if (id.charAt(index) === id.charAt(index + 1)) continue;
        const swapped = id.slice(0, index) + id.charAt(index + 1) + id.charAt(index) + id.slice(index + 2);
        expect(checkIdNumber(swapped, TODAY).ok, `${id} → ${swapped}`).toBe(false);
      }
    }
  });

  it('says the field is empty for empty or blank input', () => {
    expect(checkIdNumber('', TODAY)).toEqual({ ok: false, reason: 'empty', message: '请输入身份证号码' });
    expect(checkIdNumber('   ', TODAY)).toMatchObject({ reason: 'empty' });
  });

  it('reports the number of characters actually typed when the length is wrong', () => {
    expect(checkIdNumber(PUBLISHED.slice(0, 17), TODAY)).toEqual({
      ok: false,
      reason: 'length',
      message: '身份证号码应为18位，您输入了17位',
    });
    expect(checkIdNumber(`${PUBLISHED}1`, TODAY)).toMatchObject({ message: '身份证号码应为18位，您输入了19位' });
    expect(checkIdNumber('110105194912310', TODAY)).toMatchObject({ message: '身份证号码应为18位，您输入了15位' });
    expect(checkIdNumber('1', TODAY)).toMatchObject({ message: '身份证号码应为18位，您输入了1位' });
  });

  it('counts Chinese characters as one each in the length message', () => {
    expect(checkIdNumber('身份证', TODAY)).toMatchObject({ message: '身份证号码应为18位，您输入了3位' });
  });

  it('refuses letters, inner spaces, and an X anywhere but last', () => {
    const characters = { ok: false, reason: 'characters', message: ID_NUMBER_MESSAGES.characters };
    expect(checkIdNumber('X1010519491231002X', TODAY)).toEqual(characters);
    expect(checkIdNumber('1101051949 231002X', TODAY)).toEqual(characters);
    expect(checkIdNumber('11010519491231002Y', TODAY)).toEqual(characters);
    expect(checkIdNumber('１1010519491231002X', TODAY)).toEqual(characters);
    expect(ID_NUMBER_MESSAGES.characters).toBe('身份证号码只能包含数字，最后一位可以是X');
  });

  it('accepts 29 February only in leap years', () => {
    expect(checkIdNumber(makeIdNumber('430102', '2000-02-29', 8), TODAY).ok).toBe(true);
    expect(checkIdNumber(makeIdNumber('430102', '2004-02-29', 8), TODAY).ok).toBe(true);
    const leapDayBody = (year: string): string => `430102${year}0229008`;
    for (const year of ['1900', '2023', '2100']) {
      const body = leapDayBody(year);
      expectRefused(body + idCheckDigit(body), 'birth_date', new Date(2200, 0, 1));
    }
  });

  it('refuses impossible months and days even with a correct check digit', () => {
    for (const date of ['19871315', '19870015', '19870100', '19870431', '19870132', '19870230']) {
      const body = `510722${date}001`;
      expectRefused(body + idCheckDigit(body), 'birth_date');
    }
  });

  it('accepts a birth date of today and refuses tomorrow', () => {
    expect(checkIdNumber(makeIdNumber('110101', '2026-11-26', 1), TODAY).ok).toBe(true);
    const body = '11010120261127001';
    expectRefused(body + idCheckDigit(body), 'birth_date');
  });

  it('accepts 1900-01-01 and refuses 1899-12-31 and the standard 1880 example', () => {
    expect(checkIdNumber(makeIdNumber('653024', '1900-01-01', 1), TODAY).ok).toBe(true);
    const body = '65302418991231001';
    expectRefused(body + idCheckDigit(body), 'birth_date');
    // The standard's own example has a correct check digit but predates our 1900 floor.
    expectRefused('440524188001010014', 'birth_date');
  });

  it('uses the birth-date message for a date refusal', () => {
    const body = '11010120261127001';
    expect(checkIdNumber(body + idCheckDigit(body), TODAY)).toEqual({
      ok: false,
      reason: 'birth_date',
      message: '身份证号码中的出生日期不正确，请核对',
    });
  });

  it('uses the check-digit message when only the last character is wrong', () => {
    expect(checkIdNumber('110105194912310021', TODAY)).toEqual({
      ok: false,
      reason: 'check_digit',
      message: '身份证号码最后一位校验不对，请核对后重新输入',
    });
  });

  it('defaults today to the current date', () => {
    const nextYear = new Date().getFullYear() + 1;
    const body = `110101${nextYear}0101001`;
    expect(checkIdNumber(body + idCheckDigit(body)).ok).toBe(false);
    expect(checkIdNumber(PUBLISHED).ok).toBe(true);
  });
});

describe('isValidIdNumber', () => {
  it('agrees with checkIdNumber', () => {
    expect(isValidIdNumber(PUBLISHED)).toBe(true);
    expect(isValidIdNumber(PUBLISHED.toLowerCase())).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('')).toBe(false);
  });
});

describe('makeIdNumber', () => {
  it('builds area code + birth date + padded sequence + check character', () => {
    expect(makeIdNumber('110105', '1949-12-31', 2)).toBe(PUBLISHED);
    expect(makeIdNumber('510722', '1987-10-15', 0).slice(0, 17)).toBe('51072219871015000');
  });

  it('throws RangeError on a bad area code, date or sequence', () => {
    expect(() => makeIdNumber('11010', '1949-12-31', 2)).toThrow(RangeError);
    expect(() => makeIdNumber('11010a', '1949-12-31', 2)).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '19491231', 2)).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '1949-02-30', 2)).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '2023-02-29', 2)).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '1949-12-31', -1)).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '1949-12-31', 1000)).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '1949-12-31', 1.5)).toThrow(RangeError);
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters and stars the 8 between', () => {
    expect(maskIdNumber(PUBLISHED)).toBe('110105********002X');
    expect(maskIdNumber(PUBLISHED)).toHaveLength(18);
  });

  it('normalizes spaces and a lowercase x first', () => {
    expect(maskIdNumber(` ${PUBLISHED.toLowerCase()} `)).toBe('110105********002X');
  });

  it('throws RangeError for anything that is not 18 characters', () => {
    expect(() => maskIdNumber('12345')).toThrow(RangeError);
  });
});

describe('IdNumber schema', () => {
  it('outputs the normalized number', () => {
    expect(IdNumber.parse(` ${PUBLISHED.toLowerCase()}`)).toBe(PUBLISHED);
  });

  it('fails with the plain-Chinese message from checkIdNumber', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['', '请输入身份证号码'],
      ['12345', '身份证号码应为18位，您输入了5位'],
      ['110105194912310021', '身份证号码最后一位校验不对，请核对后重新输入'],
    ];
    for (const [input, message] of cases) {
      const result = IdNumber.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues).toHaveLength(1);
      expect(result.error?.issues[0]?.message).toBe(message);
    }
  });
});
