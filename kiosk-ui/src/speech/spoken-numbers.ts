import { parseYuan, readDigits, readFenChinese, readIntegerChinese } from '@sunshine/contracts';

// Free text (notice bodies, replies, phrases staff typed) still holds Arabic numbers; the
// agent's voice would read them badly (DEPENDENCIES: "123.45" loses its 点). Before any
// text is spoken, numbers are rewritten the Chinese way.

const RULES: readonly [RegExp, (match: string, ...groups: string[]) => string][] = [
  // ¥1,234.50 or 1234.50元 → 一千二百三十四元五角
  [/[¥￥]\s?([\d,]+(?:\.\d{1,2})?)元?|([\d,]+\.\d{1,2})元/g, (m, a = '', b = '') => {
    const fen = parseYuan(a || b);
    return fen === null ? m : readFenChinese(fen);
  }],
  // 2026年 → 二零二六年 (years are read digit by digit)
  [/(\d{4})(?=年)/g, (_m, year = '') => readDigits(year)],
  // 33% → 百分之三十三
  [/(\d{1,3})%/g, (_m, n = '') => `百分之${readIntegerChinese(Number(n))}`],
  // 7 digits or more: a phone, ID or ticket number, read one by one
  [/\d{7,}[Xx]?/g, (m) => readDigits(m)],
  // any other whole number, with thousands separators allowed
  [/\d{1,3}(?:,\d{3})+|\d+/g, (m) => readIntegerChinese(Number(m.replace(/,/g, '')))],
];

/** `text` with every Arabic number rewritten as it is said in Mandarin. */
export function toSpokenChinese(text: string): string {
  return RULES.reduce((current, [pattern, replace]) => current.replace(pattern, replace), text);
}
