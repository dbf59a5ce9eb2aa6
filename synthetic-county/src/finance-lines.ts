import type { Month } from './calendar';
import type { Rng } from './rng';

/** A line before it is dated, numbered and put in order. */
export interface LineDraft {
  direction: 'income' | 'expense';
  category: string;
  summary: string;
  amountFen: number;
}

type Make = (rng: Rng, month: Month) => LineDraft;
const income = (category: string, summary: string, amountFen: number): LineDraft => ({ direction: 'income', category, summary, amountFen });
const expense = (category: string, summary: string, amountFen: number): LineDraft => ({ direction: 'expense', category, summary, amountFen });
const quarterOf = (month: Month): number => Math.ceil(month.month / 3);

/** Lines every month's books have: group leaders' pay, the electricity bill, the cleaner. */
export const MONTHLY: readonly Make[] = [
  (rng, m) => {
    const n = rng.int(5, 12);
    return expense('干部报酬', `支付${m.year}年${m.month}月村民小组长误工补贴（${n}人）`, n * 40_000);
  },
  (rng, m) => expense('水电费', `缴纳村委办公楼${m.month}月电费`, rng.int(150, 900) * 100),
  (rng, m) => expense('公益事业支出', `支付村级保洁员${m.month}月工资`, rng.int(12, 20) * 10_000),
];

/** 村级组织运转经费 arrives at the start of each quarter. */
export const QUARTERLY: Make = (rng, m) =>
  income('上级补助收入', `上级拨付${m.year}年第${quarterOf(m)}季度村级组织运转经费`, rng.int(15, 25) * 100_000);

/** Occasional lines, weighted by how often a village books them. */
export const EXTRAS: readonly (readonly [number, Make])[] = [
  [4, (rng) => expense('办公费', rng.pick(['购买办公用品（打印纸、墨盒等）', '复印机维修', '购买会议室桌椅', '村务公开栏更新制作']), rng.int(200, 1_500) * 100)],
  [3, (rng, m) => expense('水电费', `缴纳村委办公楼${m.month}月水费`, rng.int(30, 200) * 100)],
  [3, (rng) => expense('公益事业支出', rng.pick(['购置村道路灯灯泡', '开展重阳节敬老活动', '购买春节慰问困难群众大米食用油', '村卫生室消毒用品', '清理村内排水沟']), rng.int(5, 30) * 10_000)],
  [2, (rng) => expense('道路维修', `修补${rng.int(1, 6)}组至${rng.int(7, 12)}组村道坑洼路段`, rng.int(20, 200) * 10_000)],
  [1, (rng) => expense('招待费', `接待县${rng.pick(['农业农村局', '民政局', '水利局', '乡村振兴督查组'])}工作组工作餐`, rng.int(200, 1_200) * 100)],
  [1, (rng, m) => expense('报刊费', `订阅${m.year + 1}年度党报党刊`, rng.int(10, 30) * 10_000)],
  [3, (rng, m) => income('集体经营收入', `村级光伏电站${m.month}月发电收益`, rng.int(20, 120) * 10_000)],
  [2, (rng) => income('集体经营收入', '村集体商铺租金收入', rng.int(10, 50) * 10_000)],
  [2, (rng, m) => income('发包及上交收入', rng.pick([`收取村集体鱼塘承包费（${m.year}年度）`, `收取集体山林承包费（${m.year}年度）`, '收取集体土地流转费']), rng.int(30, 200) * 10_000)],
  [1, (rng) => income('其他收入', '银行存款利息', rng.int(500, 8_000))],
];

/** When the books would go below zero, the town tops them up, as it would in life. */
export function topUp(shortFen: number, m: Month): LineDraft {
  return income('上级补助收入', `上级拨付${m.year}年${m.month}月村级专项补助资金`, Math.ceil(shortFen / 100_000) * 100_000);
}
