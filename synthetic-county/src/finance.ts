import type { FinanceLineRow, FinancePeriodRow } from '@sunshine/contracts';
import { isoDate, daysInMonth, WINDOW_MONTHS, type Month } from './calendar';
import { EXTRAS, MONTHLY, QUARTERLY, topUp, type LineDraft } from './finance-lines';
import type { County } from './geography';
import { at } from './lists';
import { Rng, Stream } from './rng';

export interface FinanceTables {
  periods: FinancePeriodRow[];
  lines: FinanceLineRow[];
}

/** 村级财务: each village's books for the last twelve months, balances carried forward. */
export function buildFinance(county: County, seed: number): FinanceTables {
  const rng = Rng.stream(seed, Stream.finance);
  const tables: FinanceTables = { periods: [], lines: [] };
  for (const village of county.villages) {
    let balance = rng.int(200, 600) * 100_000;
    for (const month of WINDOW_MONTHS) {
      const drafts = monthDrafts(rng, month);
      const net = (ds: LineDraft[]): number => ds.reduce((s, d) => s + (d.direction === 'income' ? d.amountFen : -d.amountFen), 0);
      if (balance + net(drafts) < 0) drafts.push(topUp(-(balance + net(drafts)), month));
      const closing = balance + net(drafts);
      tables.periods.push({ id: `fp-${village.code}-${month.period}`, villageCode: village.code, period: month.period, openingFen: balance, closingFen: closing });
      addLines(rng, tables, village.code, month, drafts);
      balance = closing;
    }
  }
  return tables;
}

/** 5–15 lines: the monthly ones, the quarter's operating funds, then occasional ones. */
function monthDrafts(rng: Rng, month: Month): LineDraft[] {
  const drafts = MONTHLY.map((make) => make(rng, month));
  if (month.month % 3 === 1) drafts.push(QUARTERLY(rng, month));
  // 14 at most, leaving room for a top-up line: the books never show more than 15.
  const target = rng.int(5, 14);
  const weights = EXTRAS.map(([w]) => w);
  while (drafts.length < target) drafts.push(at(EXTRAS, rng.weightedIndex(weights))[1](rng, month));
  return drafts;
}

/** Dates the lines within the month and numbers vouchers in date order: 记-2026-03-012. */
function addLines(rng: Rng, tables: FinanceTables, villageCode: string, month: Month, drafts: LineDraft[]): void {
  const days = daysInMonth(month.year, month.month);
  const dated = drafts.map((d) => ({ ...d, day: rng.int(1, days) })).sort((a, b) => a.day - b.day);
  dated.forEach((line, i) => {
    tables.lines.push({
      id: `fl-${String(tables.lines.length + 1).padStart(6, '0')}`,
      villageCode,
      period: month.period,
      date: isoDate(month.year, month.month, line.day),
      direction: line.direction,
      category: line.category,
      summary: line.summary,
      amountFen: line.amountFen,
      voucherNo: `记-${month.period}-${String(i + 1).padStart(3, '0')}`,
    });
  });
}
