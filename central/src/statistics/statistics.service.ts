import type { TicketStatus } from '@sunshine/contracts';
import type { TicketDeadlines } from '../tickets/ticket-deadlines';

export interface CountRow {
  key: string;
  count: number;
}

/** Counts by key, largest first (ties by key, so output is stable). */
export function countBy<T>(items: Iterable<T>, key: (item: T) => string): CountRow[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * Where a complaint was made, fixed at intake: its subject's village, or the subject's town
 * scope; else the village its kiosk stands in at that moment. Null when neither is known: a
 * staff ticket (kiosk 0000) without subject, a kiosk with no village, a county-wide subject
 * from such a kiosk. Kept on the ticket, so moving a kiosk later leaves its complaints put.
 */
export function complaintPlace(subjectPlace: string | null | undefined, kioskVillage: string | null | undefined): string | null {
  for (const code of [subjectPlace, kioskVillage]) if (code && code.length >= 9) return code;
  return null;
}

/** The town (9-digit code) a complaint counts under, from its place; 'unknown' without one. */
export function complaintTown(placeCode: string | null): string {
  return placeCode && placeCode.length >= 9 ? placeCode.slice(0, 9) : 'unknown';
}

/** Adds up heartbeat usage counters (screen → views) by screen and by kiosk. */
export function sumUsage(beats: Iterable<{ kioskNumber: string; usage: Record<string, number> }>): { byScreen: CountRow[]; byKiosk: CountRow[] } {
  const byScreen = new Map<string, number>();
  const byKiosk = new Map<string, number>();
  for (const b of beats) {
    for (const [screen, n] of Object.entries(b.usage)) {
      byScreen.set(screen, (byScreen.get(screen) ?? 0) + n);
      byKiosk.set(b.kioskNumber, (byKiosk.get(b.kioskNumber) ?? 0) + n);
    }
  }
  const rows = (m: Map<string, number>) => [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return { byScreen: rows(byScreen), byKiosk: rows(byKiosk) };
}

export interface DeadlineCompliance {
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  openOnTime: number;
  openLate: number;
  /** Share of answered tickets answered on time, 0..1; null when none is answered yet. */
  onTimeRate: number | null;
}

/** Reply-deadline compliance over tickets and their deadlines from the event log. */
export function deadlineCompliance(tickets: Iterable<{ status: TicketStatus; deadlines: TicketDeadlines }>): DeadlineCompliance {
  const c = { answered: 0, answeredOnTime: 0, answeredLate: 0, openOnTime: 0, openLate: 0 };
  for (const { deadlines } of tickets) {
    if (deadlines.repliedAt) {
      c.answered++;
      if (deadlines.isReplyLate) c.answeredLate++;
      else c.answeredOnTime++;
    } else if (deadlines.isReplyLate) c.openLate++;
    else c.openOnTime++;
  }
  return { ...c, onTimeRate: c.answered === 0 ? null : c.answeredOnTime / c.answered };
}

/** Which programme has payments published for the period, and which are missing (数据进度). */
export function dataProgress(
  programs: readonly { code: string; name: string; department: string }[],
  published: ReadonlyMap<string, number>,
): { department: string; programCode: string; programName: string; payments: number; isMissing: boolean }[] {
  return programs
    .map((p) => ({ department: p.department, programCode: p.code, programName: p.name, payments: published.get(p.code) ?? 0, isMissing: !published.get(p.code) }))
    .sort((a, b) => a.department.localeCompare(b.department) || a.programCode.localeCompare(b.programCode));
}

/** RFC 4180 CSV with a header row; a BOM so Excel opens Chinese text correctly. */
export function toCsv<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? '' : String(v);
    // A leading = + - @ would run as a formula in a spreadsheet: quote it as text.
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${[columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n')}\r\n`;
}
