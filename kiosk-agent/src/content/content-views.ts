import {
  KIOSK_PAGE_SIZE,
  type FinanceBook,
  type FinanceCategoryTotal,
  type FinanceLine,
  type FinancePeriod,
  type Project,
  type ProjectView,
} from '@sunshine/contracts';
import { scopeLevel, type KioskPlace } from '../place/kiosk-place';

/** The rows of page `page` (from 1). */
export function pageWindow(page: number): { limit: number; offset: number } {
  return { limit: KIOSK_PAGE_SIZE, offset: (page - 1) * KIOSK_PAGE_SIZE };
}

export function paged<T>(found: { items: T[]; total: number }, page: number) {
  return { items: found.items, total: found.total, page, pageSize: KIOSK_PAGE_SIZE };
}

/** 花到哪里去: what has been spent so far is the sum of the spending lines. */
export function projectView(project: Project, place: KioskPlace): ProjectView {
  const spentFen = project.spending.reduce((sum, line) => sum + line.amountFen, 0);
  return { ...project, spentFen, scopeLevel: scopeLevel(place, project.scopeCode) };
}

/** 村级财务: totals by category first, then one page of lines, then the balance. */
export function financeBook(input: {
  villageName: string;
  period: FinancePeriod;
  totals: FinanceCategoryTotal[];
  lines: { items: FinanceLine[]; total: number };
  page: number;
}): FinanceBook {
  const sum = (direction: 'income' | 'expense') =>
    input.totals.filter((t) => t.direction === direction).reduce((s, t) => s + t.totalFen, 0);
  return {
    ...paged(input.lines, input.page),
    villageCode: input.period.villageCode,
    villageName: input.villageName,
    period: input.period,
    totals: { byCategory: input.totals, incomeFen: sum('income'), expenseFen: sum('expense') },
    changeFen: input.period.closingFen - input.period.openingFen,
    lines: input.lines.items,
  };
}
