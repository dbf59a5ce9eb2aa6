import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV exports', () => {
  it('writes CSV that Excel reads, quoting commas and defusing formulas', () => {
    expect(toCsv([{ a: '1,2', b: '=cmd()' }], ['a', 'b'])).toBe('\uFEFFa,b\r\n"1,2",\'=cmd()\r\n');
  });

  it('quotes quotes and line breaks inside a field, and keeps only the named columns in their order', () => {
    const rows = [{ text: '他说"没有发"\n第二行', n: 3, skipped: 'x' }];
    expect(toCsv(rows, ['n', 'text'])).toBe('\uFEFFn,text\r\n3,"他说""没有发""\n第二行"\r\n');
  });

  it('writes booleans as words, empty cells for null and undefined, and numbers as they are', () => {
    const rows = [{ isMissing: true, onTimeRate: null, reason: undefined, payments: 0 }, { isMissing: false, onTimeRate: 0.5, reason: '-', payments: 12 }];
    expect(toCsv(rows, ['isMissing', 'onTimeRate', 'reason', 'payments'])).toBe('\uFEFFisMissing,onTimeRate,reason,payments\r\ntrue,,,0\r\nfalse,0.5,\'-,12\r\n');
  });

  it('defuses every formula lead a spreadsheet obeys: + - @ and a leading tab', () => {
    const rows = [{ v: '+1' }, { v: '-1+1' }, { v: '@SUM(A1)' }, { v: '\t=1' }];
    expect(toCsv(rows, ['v'])).toBe("\uFEFFv\r\n'+1\r\n'-1+1\r\n'@SUM(A1)\r\n'\t=1\r\n");
  });

  it('writes the header alone for no rows', () => {
    expect(toCsv<{ a: string }>([], ['a'])).toBe('\uFEFFa\r\n');
  });
});
