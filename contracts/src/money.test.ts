import { describe, expect, it } from 'vitest';
import { formatFen, parseYuan, readDigits, readFenChinese, readIntegerChinese } from './money';

describe('formatFen', () => {
  it('shows yuan with thousands separators and exactly two decimals', () => {
    expect(formatFen(123450)).toBe('¥1,234.50');
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(100)).toBe('¥1.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(50)).toBe('¥0.50');
    expect(formatFen(0)).toBe('¥0.00');
  });

  it('puts separators every three digits for large amounts', () => {
    expect(formatFen(99999)).toBe('¥999.99');
    expect(formatFen(100000)).toBe('¥1,000.00');
    expect(formatFen(100000000)).toBe('¥1,000,000.00');
    expect(formatFen(1234567800)).toBe('¥12,345,678.00');
    expect(formatFen(Number.MAX_SAFE_INTEGER)).toBe('¥90,071,992,547,409.91');
  });

  it('puts the minus sign before the yuan symbol', () => {
    expect(formatFen(-123450)).toBe('-¥1,234.50');
    expect(formatFen(-5)).toBe('-¥0.05');
    expect(formatFen(-0)).toBe('¥0.00');
  });

  it('throws on non-integer and non-finite amounts', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
    expect(() => formatFen(Number.NaN)).toThrow(RangeError);
    expect(() => formatFen(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => formatFen(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });
});

describe('parseYuan', () => {
  it('parses displayed and typed amounts into fen', () => {
    expect(parseYuan('¥1,234.50')).toBe(123450);
    expect(parseYuan('1234.5')).toBe(123450);
    expect(parseYuan('1234')).toBe(123400);
    expect(parseYuan('0.05')).toBe(5);
    expect(parseYuan('0.5')).toBe(50);
    expect(parseYuan('0')).toBe(0);
    expect(parseYuan('1,000,000.00')).toBe(100000000);
  });

  it('accepts the full-width ¥, surrounding spaces and a leading minus', () => {
    expect(parseYuan('￥12.30')).toBe(1230);
    expect(parseYuan('  ¥ 12.30 ')).toBe(1230);
    expect(parseYuan('-¥1,234.50')).toBe(-123450);
    expect(parseYuan('-0.00')).toBe(0);
  });

  it('avoids floating-point error on amounts that are inexact as binary fractions', () => {
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('1.15')).toBe(115);
    expect(parseYuan('4.35')).toBe(435);
    expect(parseYuan('19.99')).toBe(1999);
  });

  it('round-trips every amount formatFen produces', () => {
    for (const fen of [0, 1, 9, 10, 99, 100, 123450, 123456, 100000000, -123450, Number.MAX_SAFE_INTEGER]) {
      expect(parseYuan(formatFen(fen))).toBe(fen);
    }
  });

  it('returns null for empty text and garbage', () => {
    for (const text of ['', '   ', '¥', 'abc', '12a', '1.2.3', '.5', '5.', '--5', '¥-5', '1 000', '一百']) {
      expect(parseYuan(text), text).toBeNull();
    }
  });

  it('returns null for more than two decimals', () => {
    expect(parseYuan('0.055')).toBeNull();
    expect(parseYuan('1234.500')).toBeNull();
  });

  it('returns null for misplaced thousands separators', () => {
    expect(parseYuan('1,23')).toBeNull();
    expect(parseYuan('12,34.5')).toBeNull();
    expect(parseYuan(',123')).toBeNull();
    expect(parseYuan('1234,567')).toBeNull();
  });

  it('returns null for amounts beyond the safe-integer range', () => {
    expect(parseYuan('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseYuan('90071992547409.92')).toBeNull();
    expect(parseYuan('1'.repeat(30))).toBeNull();
  });
});

describe('readIntegerChinese', () => {
  it('reads small numbers', () => {
    expect(readIntegerChinese(0)).toBe('零');
    expect(readIntegerChinese(1)).toBe('一');
    expect(readIntegerChinese(2)).toBe('二');
    expect(readIntegerChinese(10)).toBe('十');
    expect(readIntegerChinese(11)).toBe('十一');
    expect(readIntegerChinese(20)).toBe('二十');
    expect(readIntegerChinese(101)).toBe('一百零一');
    expect(readIntegerChinese(110)).toBe('一百一十');
    expect(readIntegerChinese(250)).toBe('二百五十');
    expect(readIntegerChinese(1001)).toBe('一千零一');
    expect(readIntegerChinese(1010)).toBe('一千零一十');
    expect(readIntegerChinese(9999)).toBe('九千九百九十九');
  });

  it('drops 一 from 一十 only at the very start of the number', () => {
    expect(readIntegerChinese(10)).toBe('十');
    expect(readIntegerChinese(19)).toBe('十九');
    expect(readIntegerChinese(110000)).toBe('十一万');
    expect(readIntegerChinese(100000)).toBe('十万');
    expect(readIntegerChinese(1000000000)).toBe('十亿');
    expect(readIntegerChinese(100010)).toBe('十万零一十');
    expect(readIntegerChinese(210)).toBe('二百一十');
    expect(readIntegerChinese(10010)).toBe('一万零一十');
  });

  it('reads 万 groups with one 零 for any run of zeros between non-zero digits', () => {
    expect(readIntegerChinese(10000)).toBe('一万');
    expect(readIntegerChinese(10001)).toBe('一万零一');
    expect(readIntegerChinese(10010)).toBe('一万零一十');
    expect(readIntegerChinese(10100)).toBe('一万零一百');
    expect(readIntegerChinese(11000)).toBe('一万一千');
    expect(readIntegerChinese(12345678)).toBe('一千二百三十四万五千六百七十八');
    expect(readIntegerChinese(10010000)).toBe('一千零一万');
    expect(readIntegerChinese(10000100)).toBe('一千万零一百');
    expect(readIntegerChinese(10001000)).toBe('一千万一千');
  });

  it('reads across 亿 groups, bridging an empty 万 group with a single 零', () => {
    expect(readIntegerChinese(100000000)).toBe('一亿');
    expect(readIntegerChinese(100000001)).toBe('一亿零一');
    expect(readIntegerChinese(100010000)).toBe('一亿零一万');
    expect(readIntegerChinese(100010001)).toBe('一亿零一万零一');
    expect(readIntegerChinese(101000000)).toBe('一亿零一百万');
    expect(readIntegerChinese(110000000)).toBe('一亿一千万');
    expect(readIntegerChinese(120003000)).toBe('一亿二千万三千');
    expect(readIntegerChinese(100000000000)).toBe('一千亿');
    expect(readIntegerChinese(100000000010)).toBe('一千亿零一十');
  });

  it('reads numbers up to the safe-integer limit with 万亿', () => {
    expect(readIntegerChinese(1_0000_0000_0000)).toBe('一万亿');
    expect(readIntegerChinese(1_0001_0000_0000)).toBe('一万零一亿');
    expect(readIntegerChinese(10_0000_0000_0000)).toBe('十万亿');
    expect(readIntegerChinese(Number.MAX_SAFE_INTEGER)).toBe(
      '九千零七万一千九百九十二亿五千四百七十四万零九百九十一',
    );
  });

  it('never produces 零 at the end or two 零 in a row, for every 12-digit pattern of 0s and 1s', () => {
    // Every run of zeros, inside a group and across 万/亿 boundaries, appears in these.
    for (let bits = 1; bits < 4096; bits += 1) {
      const n = Number(bits.toString(2));
      const reading = readIntegerChinese(n);
      expect(reading.endsWith('零'), String(n)).toBe(false);
      expect(reading.includes('零零'), String(n)).toBe(false);
      expect(reading.startsWith('零'), String(n)).toBe(false);
    }
  });

  it('prefixes negatives with 负', () => {
    expect(readIntegerChinese(-3)).toBe('负三');
    expect(readIntegerChinese(-10)).toBe('负十');
  });

  it('throws RangeError on non-integers', () => {
    expect(() => readIntegerChinese(1.5)).toThrow(RangeError);
    expect(() => readIntegerChinese(Number.NaN)).toThrow(RangeError);
  });
});

describe('readFenChinese', () => {
  it('reads yuan, jiao and fen', () => {
    expect(readFenChinese(123456)).toBe('一千二百三十四元五角六分');
    expect(readFenChinese(123450)).toBe('一千二百三十四元五角');
    expect(readFenChinese(100)).toBe('一元');
    expect(readFenChinese(1000)).toBe('十元');
    expect(readFenChinese(25000)).toBe('二百五十元');
  });

  it('reads zero as 零元 and omits 零元 for amounts under one yuan', () => {
    expect(readFenChinese(0)).toBe('零元');
    expect(readFenChinese(5)).toBe('五分');
    expect(readFenChinese(50)).toBe('五角');
    expect(readFenChinese(55)).toBe('五角五分');
  });

  it('says 零 for a missing 角 only when there are yuan before it', () => {
    expect(readFenChinese(1005)).toBe('十元零五分');
    expect(readFenChinese(105)).toBe('一元零五分');
    expect(readFenChinese(5)).toBe('五分');
    expect(readFenChinese(1050)).toBe('十元五角');
  });

  it('reads large amounts with 万 and 亿 and the right zeros', () => {
    expect(readFenChinese(100000000)).toBe('一百万元');
    expect(readFenChinese(1000100)).toBe('一万零一元');
    expect(readFenChinese(1234567800)).toBe('一千二百三十四万五千六百七十八元');
    expect(readFenChinese(11000000)).toBe('十一万元');
    expect(readFenChinese(101000)).toBe('一千零一十元');
    expect(readFenChinese(10000000000000)).toBe('一千亿元');
    expect(readFenChinese(10000000000101)).toBe('一千亿零一元零一分');
    expect(readFenChinese(10000000100)).toBe('一亿零一元');
  });

  it('prefixes negative amounts with 负', () => {
    expect(readFenChinese(-123450)).toBe('负一千二百三十四元五角');
    expect(readFenChinese(-5)).toBe('负五分');
    expect(readFenChinese(-1000)).toBe('负十元');
  });

  it('throws RangeError on non-integer fen', () => {
    expect(() => readFenChinese(0.5)).toThrow(RangeError);
    expect(() => readFenChinese(Number.NaN)).toThrow(RangeError);
  });
});

describe('readDigits', () => {
  it('reads each digit on its own, keeping leading zeros', () => {
    expect(readDigits('0042')).toBe('零零四二');
    expect(readDigits('1234567890')).toBe('一二三四五六七八九零');
  });

  it('uses 一 for 1, not 幺', () => {
    expect(readDigits('111')).toBe('一一一');
  });

  it('skips spaces and hyphens and reads X as 叉', () => {
    expect(readDigits('0042 0000123 7')).toBe('零零四二零零零零一二三七');
    expect(readDigits('1101-05')).toBe('一一零一零五');
    expect(readDigits('11010519491231002X')).toBe('一一零一零五一九四九一二三一零零二叉');
    expect(readDigits('002x')).toBe('零零二叉');
  });

  it('reads nothing for an empty string', () => {
    expect(readDigits('')).toBe('');
  });
});
