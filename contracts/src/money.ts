// Money is integer fen (分) everywhere; these helpers turn it into text for the
// screen, parse what people type, and produce the Chinese reading for speech.
// No floating-point arithmetic touches an amount: parsing works on digit strings,
// and splitting uses `%` and exact division of integers.

const CHINESE_DIGITS = '零一二三四五六七八九';
const SECTION_UNITS = ['千', '百', '十', ''] as const;
const WAN = 10_000;
const YI = 100_000_000;

function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
}

/** Splits a non-negative integer fen amount into whole yuan and the 0..99 fen left over. */
function splitYuan(fen: number): { yuan: number; cents: number } {
  const cents = fen % 100;
  return { yuan: (fen - cents) / 100, cents };
}

/**
 * Formats fen as yuan for display: `123450` → `'¥1,234.50'`, `-123450` → `'-¥1,234.50'`.
 * Always two decimals and thousands separators.
 *
 * @throws RangeError if `fen` is not a safe integer.
 */
export function formatFen(fen: number): string {
  assertSafeInteger(fen, 'fen');
  const { yuan, cents } = splitYuan(Math.abs(fen));
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}¥${grouped}.${String(cents).padStart(2, '0')}`;
}

// Sign, optional ¥ (half- or full-width), yuan with or without correct thousands
// separators, and at most two decimals.
const YUAN_PATTERN = /^(-)?[¥￥]?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses typed or displayed yuan into fen: `'¥1,234.50'` → `123450`, `'0.05'` → `5`.
 * Returns `null` for empty or malformed text, more than two decimals, or an amount
 * beyond the safe-integer range.
 */
export function parseYuan(text: string): number | null {
  const match = YUAN_PATTERN.exec(text.trim());
  if (!match) return null;
  const yuanDigits = (match[2] ?? '').replaceAll(',', '');
  const centDigits = (match[3] ?? '').padEnd(2, '0');
  const fen = Number(yuanDigits + centDigits);
  if (!Number.isSafeInteger(fen)) return null;
  return match[1] && fen !== 0 ? -fen : fen;
}

/** Reads 1..9999 with 千百十, one 零 for inner zeros, none leading or trailing. */
function readSection(section: number): string {
  const digits = String(section).padStart(4, '0');
  let out = '';
  let zeroPending = false;
  SECTION_UNITS.forEach((unit, place) => {
    const digit = Number(digits.charAt(place));
    if (digit === 0) {
      zeroPending = out !== '';
      return;
    }
    if (zeroPending) out += '零';
    zeroPending = false;
    out += CHINESE_DIGITS.charAt(digit) + unit;
  });
  return out;
}

/**
 * Reads a positive integer as high part + 万/亿 + low part. The low part gets a
 * leading 零 when its own top digit is zero, which also bridges empty groups:
 * 100000001 → 一亿零一, 10010000 → 一千零一万.
 */
function readPositive(n: number): string {
  if (n < WAN) return readSection(n);
  const [base, unit] = n >= YI ? [YI, '亿'] : [WAN, '万'];
  const low = n % base;
  const head = readPositive((n - low) / base) + unit;
  if (low === 0) return head;
  return head + (low < base / 10 ? '零' : '') + readPositive(low);
}

/**
 * The Chinese reading of an integer, for speech: `250` → `'二百五十'`,
 * `10` → `'十'`, `0` → `'零'`, `-3` → `'负三'`. A leading 一十 is said 十
 * (110000 → 十一万) but an inner one is not (1010 → 一千零一十).
 *
 * @throws RangeError if `n` is not a safe integer.
 */
export function readIntegerChinese(n: number): string {
  assertSafeInteger(n, 'number');
  if (n === 0) return '零';
  const reading = readPositive(Math.abs(n));
  const colloquial = reading.startsWith('一十') ? reading.slice(1) : reading;
  return n < 0 ? `负${colloquial}` : colloquial;
}

/**
 * The Chinese spoken reading of a fen amount: `123456` → `'一千二百三十四元五角六分'`,
 * `1005` → `'十元零五分'`, `5` → `'五分'`, `0` → `'零元'`, negatives prefixed 负.
 *
 * @throws RangeError if `fen` is not a safe integer.
 */
export function readFenChinese(fen: number): string {
  assertSafeInteger(fen, 'fen');
  if (fen === 0) return '零元';
  if (fen < 0) return `负${readFenChinese(-fen)}`;
  const { yuan, cents } = splitYuan(fen);
  const fenDigit = cents % 10;
  const jiao = (cents - fenDigit) / 10;
  let out = yuan > 0 ? `${readIntegerChinese(yuan)}元` : '';
  if (jiao > 0) out += `${CHINESE_DIGITS.charAt(jiao)}角`;
  if (fenDigit > 0) {
    // 十元零五分: the missing 角 is spoken as 零, but only after some 元.
    if (yuan > 0 && jiao === 0) out += '零';
    out += `${CHINESE_DIGITS.charAt(fenDigit)}分`;
  }
  return out;
}

/**
 * Reads digits one by one, as for a ticket or ID number: `'0042'` → `'零零四二'`.
 * X (either case) is read 叉; anything else (spaces, hyphens) is skipped. 1 is 一, not 幺.
 */
export function readDigits(text: string): string {
  let out = '';
  for (const char of text) {
    if (char >= '0' && char <= '9') out += CHINESE_DIGITS.charAt(Number(char));
    else if (char === 'X' || char === 'x') out += '叉';
  }
  return out;
}
