import { FinanceLineRow, FinancePeriodRow, NoticeRow, PaymentRow, PolicyRow, ProgramRow, ProjectFundRow, ProjectRow, ProjectSpendingRow, type ImportContentType, type SyncTable } from '@sunshine/contracts';
import type { z } from 'zod';
import { isAmount, isBalance, isDate, isIdNumber, isKnownProgram, isKnownScope, isKnownVillage, isOwnDepartment, isOwnProject, isPastDate, isPeriod, type CellCheck } from './import-checks';

/** How one content type is uploaded: its columns, their checks, and what makes two rows the same. */
export interface ImportSpec {
  table: SyncTable;
  schema: z.ZodType<Record<string, unknown>>;
  /** Lines of a published project (funds, spending) have no id of their own; they belong to `projectId`. */
  isProjectPart?: 'fundSources' | 'spending';
  required: readonly string[];
  /** Columns that may be empty. */
  optional?: readonly string[];
  checks: Record<string, CellCheck>;
  /** A second identity besides `id`, e.g. one person paid twice by one programme in one period. */
  naturalKey?: (cells: Record<string, string>) => string;
  naturalKeyReason?: string;
  /** Fields of the published record that the upload does not carry, as a new record has them. */
  defaults?: Record<string, unknown>;
}

export const IMPORT_SPECS: Record<ImportContentType, ImportSpec> = {
  payments: {
    table: 'payments',
    schema: PaymentRow,
    required: ['id', 'programCode', 'recipientName', 'idNumber', 'villageCode', 'amountFen', 'period', 'paidDate', 'department'],
    checks: { idNumber: isIdNumber, villageCode: isKnownVillage, programCode: isKnownProgram, amountFen: isAmount, period: isPeriod, paidDate: isPastDate, department: isOwnDepartment },
    naturalKey: (c) => `${c.idNumber?.toUpperCase()}|${c.programCode}|${c.period}`,
    naturalKeyReason: '同一人、同一资金项目、同一期间重复发放',
  },
  programs: {
    table: 'programs',
    schema: ProgramRow,
    required: ['id', 'code', 'name', 'department'],
    checks: { department: isOwnDepartment },
  },
  policies: {
    table: 'policies',
    schema: PolicyRow,
    required: ['id', 'programCode', 'title', 'body'],
    checks: { programCode: isKnownProgram },
  },
  notices: {
    table: 'notices',
    schema: NoticeRow,
    required: ['id', 'title', 'body', 'category', 'scopeCode', 'publishDate'],
    optional: ['expiryDate'],
    checks: { scopeCode: isKnownScope, publishDate: isPastDate, expiryDate: isDate },
  },
  financePeriods: {
    table: 'financePeriods',
    schema: FinancePeriodRow,
    required: ['id', 'villageCode', 'period', 'openingFen', 'closingFen'],
    checks: { villageCode: isKnownVillage, period: isPeriod, openingFen: isBalance, closingFen: isBalance },
    naturalKey: (c) => `${c.villageCode}|${c.period}`,
    naturalKeyReason: '同一村、同一期间的账目重复',
  },
  projects: {
    table: 'projects',
    schema: ProjectRow,
    required: ['id', 'name', 'kind', 'scopeCode', 'budgetFen', 'status', 'progress', 'startDate', 'department'],
    optional: ['contractor', 'outcome', 'endDate'],
    checks: { scopeCode: isKnownScope, budgetFen: isAmount, startDate: isDate, endDate: isDate, department: isOwnDepartment },
    // Filled by `projectFunds` and `projectSpending` imports; attachments come separately.
    defaults: { fundSources: [], spending: [], attachments: [] },
  },
  projectFunds: {
    table: 'projects',
    schema: ProjectFundRow,
    isProjectPart: 'fundSources',
    required: ['projectId', 'source', 'amountFen'],
    checks: { projectId: isOwnProject, amountFen: isAmount },
  },
  projectSpending: {
    table: 'projects',
    schema: ProjectSpendingRow,
    isProjectPart: 'spending',
    required: ['projectId', 'item', 'amountFen', 'date'],
    checks: { projectId: isOwnProject, amountFen: isAmount, date: isPastDate },
  },
  financeLines: {
    table: 'financeLines',
    schema: FinanceLineRow,
    required: ['id', 'villageCode', 'period', 'date', 'direction', 'category', 'summary', 'amountFen'],
    optional: ['voucherNo'],
    checks: { villageCode: isKnownVillage, period: isPeriod, date: isPastDate, amountFen: isAmount },
  },
};
