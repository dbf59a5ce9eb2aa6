// Dates on the kiosk are China's calendar days, whatever clock the device is set to.
const TIME_ZONE = 'Asia/Shanghai';

const dayParts = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** `2026-11-26T08:00:00Z` → `2026年11月26日`; null when the timestamp is not a date. */
export function formatChineseDate(iso: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts = dayParts.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string | undefined =>
    parts.find((p) => p.type === type)?.value;
  const year = part('year');
  const month = part('month');
  const day = part('day');
  if (year === undefined || month === undefined || day === undefined) return null;
  return `${year}年${month}月${day}日`;
}

/** The line under the home tiles telling villagers how fresh the data is. */
export function describeDataDate(dataUpdatedAt: string | null | undefined): string {
  if (dataUpdatedAt === null || dataUpdatedAt === undefined) return '数据尚未同步';
  const day = formatChineseDate(dataUpdatedAt);
  return day === null ? '数据尚未同步' : `数据更新于 ${day}`;
}

/** Screen form of a date: `2026-03-05` → `2026年3月5日`. */
export function formatIsoDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(isoDate);
  if (match === null) return isoDate;
  const [, year, month, day] = match;
  return `${year}年${Number(month)}月${day === undefined ? '' : `${Number(day)}日`}`;
}
