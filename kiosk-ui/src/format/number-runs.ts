/** Units that belong to the number before them: dates, money, counts, shares. */
const UNITS = '年月日号时分秒元角万亿笔页个条户人名岁次%';

/**
 * A number with its currency sign and its units, a date with all its parts:
 * ¥1,234.50 · 2025年 · 2026年9月15日 · 33% · 312户1200人.
 */
const NUMBER = new RegExp(`[¥￥]?\\d[\\d,.:]*(?:[${UNITS}]+(?:\\d[\\d,.:]*[${UNITS}]+)*)?`, 'g');

export interface TextRun {
  text: string;
  /** A number and its units: laid out on one line, never broken. */
  isNumber: boolean;
}

/**
 * Splits text into plain runs and number runs. Browsers may break a line between a digit
 * and a hanzi ("2025" at a line's end, "年" on the next); a number run is kept whole.
 */
export function numberRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(NUMBER)) {
    if (match.index > last) runs.push({ text: text.slice(last, match.index), isNumber: false });
    runs.push({ text: match[0], isNumber: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), isNumber: false });
  return runs;
}
