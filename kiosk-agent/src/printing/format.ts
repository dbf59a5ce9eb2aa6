import { formatFen } from '@sunshine/contracts';

// Printing helpers shared by every layout. Receipts show China time whatever the
// kiosk's clock zone is set to.

const DATE_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-11-26T14:35:00Z` → `2026-11-26 22:35` (Beijing time). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = (type: Intl.DateTimeFormatPartTypes) => DATE_TIME.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** A date or date-time as `YYYY-MM-DD`: dates pass through, date-times are read in Beijing time. */
export function formatDate(isoDateOrTime: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(isoDateOrTime)) return isoDateOrTime;
  return formatDateTime(isoDateOrTime).slice(0, 10);
}

/** Money for paper: the full-width ￥ (GBK a3 a4) — the half-width ¥ is not in GBK. */
export function printFen(fen: number): string {
  return formatFen(fen).replace('¥', '￥');
}
