import { formatFen, type ImportContentType, type ImportProblem } from '@sunshine/contracts';
import type { ImportStore, RecordStore } from './imports.ports';

/** One period of a village's books (村级财务) as uploaded: its balances, in fen. */
interface PeriodBalances {
  villageCode: string;
  period: string;
  openingFen: number;
  closingFen: number;
}

/** The income and expense lines of one (village, period), summed. */
export interface PeriodTotals {
  incomeFen: number;
  expenseFen: number;
}

interface BalanceDeps {
  imports: Pick<ImportStore, 'stagedPages' | 'unstage'>;
  records: Pick<RecordStore, 'livePages' | 'liveData'>;
}

const PAGE = 5000;

export const periodKey = (villageCode: string, period: string) => `${villageCode}|${period}`;

/** Sums finance lines by (village, period), for the keys in `wanted` only. */
export function addLineTotals(totals: Map<string, PeriodTotals>, lines: Iterable<Record<string, unknown>>, wanted: ReadonlySet<string>): void {
  for (const line of lines) {
    const key = periodKey(String(line.villageCode), String(line.period));
    if (!wanted.has(key)) continue;
    const sum = totals.get(key) ?? { incomeFen: 0, expenseFen: 0 };
    if (line.direction === 'income') sum.incomeFen += Number(line.amountFen);
    else sum.expenseFen += Number(line.amountFen);
    totals.set(key, sum);
  }
}

/**
 * Why a period's books do not add up (期初余额 + 收入 − 支出 = 期末余额), in plain Chinese
 * naming the village, the period and the amounts in yuan; undefined when they do. A period
 * without lines has no income or expense, so its balance must not move.
 */
function balanceProblem(period: PeriodBalances, totals: PeriodTotals | undefined, villageName: string | undefined): string | undefined {
  const { incomeFen, expenseFen } = totals ?? { incomeFen: 0, expenseFen: 0 };
  const expected = period.openingFen + incomeFen - expenseFen;
  if (expected === period.closingFen) return undefined;
  const place = villageName ? `${villageName}（${period.villageCode}）` : period.villageCode;
  const sum = `期初余额 ${formatFen(period.openingFen)} + 收入 ${formatFen(incomeFen)} − 支出 ${formatFen(expenseFen)} = ${formatFen(expected)}`;
  const lines = totals ? '收入、支出为这一期已发布的收支明细合计' : '这一期还没有已发布的收支明细：请先导入收支明细，再导入期初、期末余额';
  return `${place} ${period.period}：${sum}，与期末余额 ${formatFen(period.closingFen)} 不符（${lines}）`;
}

/** The period rows (numbered as in their file) whose books do not add up with `totals`, as problems on `closingFen`. */
export function periodProblems(periods: readonly (PeriodBalances & { row: number })[], totals: ReadonlyMap<string, PeriodTotals>, villageNames: ReadonlyMap<string, string>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const period of periods) {
    const reason = balanceProblem(period, totals.get(periodKey(period.villageCode, period.period)), villageNames.get(period.villageCode));
    if (reason) problems.push({ row: period.row, column: 'closingFen', value: String(period.closingFen), reason });
  }
  return problems;
}

/**
 * Once a file of period balances is in, checks each staged period against the published
 * lines of its village and period, and moves the ones that do not add up to the problems,
 * so they are not published. Lines come first: a period is the statement that closes its
 * books. Answers how many rows were taken out; 0 for other content types.
 */
export async function unstageUnbalancedPeriods(deps: BalanceDeps, type: ImportContentType, importId: number): Promise<number> {
  if (type !== 'financePeriods') return 0;
  const periods: (PeriodBalances & { row: number })[] = [];
  for await (const page of deps.imports.stagedPages(importId, PAGE)) for (const { row, data } of page) periods.push({ row, ...toPeriodBalances(data) });
  if (periods.length === 0) return 0;
  const problems = periodProblems(periods, await publishedTotals(deps, periods), await villageNames(deps, periods));
  await deps.imports.unstage(importId, problems);
  return problems.length;
}

/** Why one period, as a single-record correction would leave it, does not add up with its published lines; undefined when it does. */
export async function correctedPeriodProblem(deps: Pick<BalanceDeps, 'records'>, data: Record<string, unknown>): Promise<string | undefined> {
  const period = toPeriodBalances(data);
  const totals = await publishedTotals(deps, [period]);
  return balanceProblem(period, totals.get(periodKey(period.villageCode, period.period)), (await villageNames(deps, [period])).get(period.villageCode));
}

function toPeriodBalances(data: Record<string, unknown>): PeriodBalances {
  return { villageCode: String(data.villageCode), period: String(data.period), openingFen: Number(data.openingFen), closingFen: Number(data.closingFen) };
}

/** The published lines' totals of these periods. A county's lines are tens of thousands a year: read them all rather than teach SQL their JSON. */
async function publishedTotals(deps: Pick<BalanceDeps, 'records'>, periods: readonly PeriodBalances[]): Promise<Map<string, PeriodTotals>> {
  const wanted = new Set(periods.map((p) => periodKey(p.villageCode, p.period)));
  const totals = new Map<string, PeriodTotals>();
  for await (const page of deps.records.livePages('financeLines', PAGE)) addLineTotals(totals, page.map((line) => line.data), wanted);
  return totals;
}

async function villageNames(deps: Pick<BalanceDeps, 'records'>, periods: readonly PeriodBalances[]): Promise<Map<string, string>> {
  const villages = await deps.records.liveData('villages', [...new Set(periods.map((p) => p.villageCode))]);
  return new Map([...villages].map(([code, village]) => [code, String(village.name)]));
}
