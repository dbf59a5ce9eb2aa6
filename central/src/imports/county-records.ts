import {
  maskIdNumber,
  type Payment,
  type PaymentRow,
  type Project,
  type ProjectFundRow,
  type ProjectRow,
  type ProjectSpendingRow,
  type RecordMeta,
} from '@sunshine/contracts';

/** The fields central assigns to every record it publishes. */
export type Meta = Omit<RecordMeta, 'id'>;

/** The published form of an uploaded row: the row plus central's fields. */
export function withMeta<Row extends { id: string }>(row: Row, meta: Meta): Row & Meta {
  return { ...row, ...meta };
}

/** The published form of an uploaded payment: the ID number becomes its hash and mask. */
export function toPaymentRecord(row: PaymentRow, meta: Meta, hashId: (idNumber: string) => string): Payment {
  const { idNumber, ...rest } = row;
  return { ...rest, ...meta, idHash: hashId(idNumber), maskedId: maskIdNumber(idNumber) };
}

/** Joins each project with its fund sources and spending lines into one published record. */
export function toProjectRecords(
  projects: ProjectRow[],
  funds: ProjectFundRow[],
  spending: ProjectSpendingRow[],
  meta: Meta,
): Project[] {
  const fundsBy = groupBy(funds, (f) => f.projectId);
  const spendingBy = groupBy(spending, (s) => s.projectId);
  return projects.map((p) => ({
    ...p,
    ...meta,
    fundSources: (fundsBy.get(p.id) ?? []).map(({ source, amountFen }) => ({ source, amountFen })),
    spending: (spendingBy.get(p.id) ?? []).map(({ item, amountFen, date }) => ({ item, amountFen, date })),
    attachments: [],
  }));
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}
