import type { CountRow, DeadlineCompliance, ProgramProgress } from '@sunshine/contracts';

export type { CountRow } from '@sunshine/contracts';

/** Largest first; ties by key, so answers are stable. */
export function sortCounts(rows: Iterable<CountRow>): CountRow[] {
  return [...rows].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Adds up counts that share a key (several places in one town), largest first. */
export function mergeCounts(rows: Iterable<CountRow>, keyOf: (key: string) => string = (key) => key): CountRow[] {
  const counts = new Map<string, number>();
  for (const { key, count } of rows) counts.set(keyOf(key), (counts.get(keyOf(key)) ?? 0) + count);
  return sortCounts([...counts].map(([key, count]) => ({ key, count })));
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
export async function sumUsage(beats: AsyncIterable<UsageBeat> | Iterable<UsageBeat>): Promise<{ byScreen: CountRow[]; byKiosk: CountRow[] }> {
  const byScreen = new Map<string, number>();
  const byKiosk = new Map<string, number>();
  for await (const b of beats) {
    for (const [screen, n] of Object.entries(b.usage)) {
      byScreen.set(screen, (byScreen.get(screen) ?? 0) + n);
      byKiosk.set(b.kioskNumber, (byKiosk.get(b.kioskNumber) ?? 0) + n);
    }
  }
  const rows = (m: Map<string, number>) => sortCounts([...m].map(([key, count]) => ({ key, count })));
  return { byScreen: rows(byScreen), byKiosk: rows(byKiosk) };
}
export interface UsageBeat {
  kioskNumber: string;
  usage: Record<string, number>;
}

/** What compliance needs of one ticket's deadlines (`tickets/ticket-deadlines`). */
export interface ReplyDeadline {
  repliedAt: string | null;
  isReplyLate: boolean;
}

/** Counts tickets against their reply deadline one at a time, so a stream of tickets needs no list. */
export function createComplianceTally() {
  const c = { answered: 0, answeredOnTime: 0, answeredLate: 0, openOnTime: 0, openLate: 0 };
  return {
    add(deadlines: ReplyDeadline): void {
      if (deadlines.repliedAt) {
        c.answered++;
        if (deadlines.isReplyLate) c.answeredLate++;
        else c.answeredOnTime++;
      } else if (deadlines.isReplyLate) c.openLate++;
      else c.openOnTime++;
    },
    /** Answered on time over answered, 0..1; null when none is answered yet. */
    result(): DeadlineCompliance {
      return { ...c, onTimeRate: c.answered === 0 ? null : c.answeredOnTime / c.answered };
    },
  };
}

/** Which programme has payments published for the period, and which are missing (数据进度). */
export function dataProgress(programs: readonly { code: string; name: string; department: string }[], published: ReadonlyMap<string, number>): ProgramProgress[] {
  return programs
    .map((p) => ({ department: p.department, programCode: p.code, programName: p.name, payments: published.get(p.code) ?? 0, isMissing: !published.get(p.code) }))
    .sort((a, b) => a.department.localeCompare(b.department) || a.programCode.localeCompare(b.programCode));
}
