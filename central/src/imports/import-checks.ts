import { checkIdNumber } from '@sunshine/contracts';

/** What validation needs to know about published data. */
export interface ImportContext {
  department: string;
  villageCodes: ReadonlySet<string>;
  programCodes: ReadonlySet<string>;
  /** Live projects of the uploading department (for fund and spending lines). */
  ownProjectIds: ReadonlySet<string>;
  /** The county's today, `YYYY-MM-DD`: no payment or line may be dated later. */
  today: string;
}

/** A check of one cell: undefined when fine, else the reason in plain Chinese. */
export type CellCheck = (value: string, ctx: ImportContext) => string | undefined;

const EARLIEST = '2000-01-01';

export const isIdNumber: CellCheck = (v) => {
  const result = checkIdNumber(v);
  return result.ok ? undefined : result.message;
};

export const isKnownVillage: CellCheck = (v, ctx) => (ctx.villageCodes.has(v) ? undefined : '村（社区）代码不存在，请核对');

/** A scope is the county, a town or a village: its prefix must name a known village's area. */
export const isKnownScope: CellCheck = (v, ctx) => {
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(v)) return '公开范围代码应为6、9或12位数字';
  for (const code of ctx.villageCodes) if (code.startsWith(v)) return undefined;
  return '公开范围代码不存在，请核对';
};

export const isOwnProject: CellCheck = (v, ctx) => (ctx.ownProjectIds.has(v) ? undefined : '项目编号不存在，或不是本部门发布的项目');

export const isKnownProgram: CellCheck = (v, ctx) => (ctx.programCodes.has(v) ? undefined : '资金项目代码不存在，请核对');

export const isOwnDepartment: CellCheck = (v, ctx) => (v === ctx.department ? undefined : `只能导入本部门（${ctx.department}）的数据`);

/** Integer fen, never negative (an amount paid or spent). */
export const isAmount: CellCheck = (v) => {
  if (!/^-?\d+(\.\d+)?$/.test(v)) return '金额应为数字（单位：分）';
  if (v.startsWith('-')) return '金额不能为负数';
  if (v.includes('.')) return '金额应为整数（单位：分），不能有小数';
  return Number.isSafeInteger(Number(v)) ? undefined : '金额太大，请核对';
};

/** Integer fen that may be negative (a balance). */
export const isBalance: CellCheck = (v) => (/^-?\d+$/.test(v) && Number.isSafeInteger(Number(v)) ? undefined : '余额应为整数（单位：分），不能有小数');

const isDateText = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** A real date from 2000-01-01 up to today. */
export const isPastDate: CellCheck = (v, ctx) => {
  if (!isDateText(v)) return '日期格式应为 YYYY-MM-DD，且是真实的日期';
  return v < EARLIEST || v > ctx.today ? `日期超出范围（${EARLIEST} 至 ${ctx.today}）` : undefined;
};

/** A real date from 2000-01-01 on (an expiry may lie in the future). */
export const isDate: CellCheck = (v) => {
  if (!isDateText(v)) return '日期格式应为 YYYY-MM-DD，且是真实的日期';
  return v < EARLIEST ? `日期超出范围（不早于 ${EARLIEST}）` : undefined;
};

export const isPeriod: CellCheck = (v) => (/^\d{4}(-(0[1-9]|1[0-2]))?$/.test(v) ? undefined : '期间应为 YYYY 或 YYYY-MM');
