import type { ImportMode, ImportProblem } from '@sunshine/contracts';
import type { UploadRow } from './read-upload';
import type { ImportContext } from './import-checks';
import type { ImportSpec } from './import-specs';

export interface ValidRow {
  row: number;
  id: string;
  /** The row's natural key (`ImportSpec.naturalKey`), null when its type has none. */
  key: string | null;
  data: Record<string, unknown>;
}

/** Live records of the upload's table among a batch's ids, each with its department (null when unknown). */
type PublishedOwners = ReadonlyMap<string, string | null>;

/**
 * Checks one batch of an upload and collects every problem (not just the first), so one
 * report tells the department everything to fix. Rows with any problem are left out of
 * staging. Repeats of an earlier row are found in the store once the file is in
 * (`duplicateProblems`), so memory holds one batch however long the file.
 */
export function validateBatch(spec: ImportSpec, rows: readonly UploadRow[], ctx: ImportContext, mode: ImportMode, published: PublishedOwners): { valid: ValidRow[]; problems: ImportProblem[] } {
  const valid: ValidRow[] = [];
  const problems: ImportProblem[] = [];
  for (const { row, cells } of rows) {
    const found: ImportProblem[] = [];
    const add = (column: string, reason: string) => found.push({ row, column, value: cells[column] ?? '', reason });
    for (const column of spec.required) if (!cells[column]) add(column, '必填项为空');
    for (const [column, check] of Object.entries(spec.checks)) {
      const value = cells[column];
      if (!value) continue;
      const reason = check(value, ctx);
      if (reason) add(column, reason);
    }
    const id = spec.isProjectPart ? `${cells.projectId ?? ''}#${row}` : (cells.id ?? '');
    const reason = id && !spec.isProjectPart ? publishedProblem(mode, id, published, ctx.department) : undefined;
    if (reason) add('id', reason);
    if (found.length === 0) {
      const parsed = spec.schema.safeParse(withOptionalBlanks(spec, cells));
      if (parsed.success) valid.push({ row, id, key: spec.naturalKey?.(cells) ?? null, data: parsed.data });
      else for (const issue of parsed.error.issues) add(String(issue.path[0] ?? ''), `格式不正确：${issue.message}`);
    }
    problems.push(...found);
  }
  return { valid, problems };
}

/** The problems of staged rows that repeat an earlier row's id or natural key (the earlier row stays). */
export function duplicateProblems(spec: ImportSpec, by: 'id' | 'naturalKey', duplicates: readonly { row: number; firstRow: number; id: string }[]): ImportProblem[] {
  return duplicates.map(({ row, firstRow, id }) => ({
    row,
    column: 'id',
    value: id,
    reason: by === 'id' ? `编号与本文件第${firstRow}行重复` : `${spec.naturalKeyReason ?? '记录重复'}（与本文件第${firstRow}行）`,
  }));
}

/** A new record must not exist yet; a correction must replace a live record of the same department. */
function publishedProblem(mode: ImportMode, id: string, published: PublishedOwners, department: string): string | undefined {
  if (mode === 'new') return published.has(id) ? '该编号已发布过；修改已发布的数据请用“更正”' : undefined;
  if (!published.has(id)) return '没有这个编号的已发布记录，无法更正';
  return published.get(id) === department ? undefined : '只能更正本部门发布的数据';
}

function withOptionalBlanks(spec: ImportSpec, cells: Record<string, string>): Record<string, string> {
  const out = { ...cells };
  for (const column of spec.optional ?? []) out[column] ??= '';
  return out;
}
