import type { ImportProblem } from '@sunshine/contracts';
import type { UploadRow } from '../import/read-upload';
import type { ImportContext } from './import-checks';
import type { ImportSpec } from './import-specs';

export interface ValidRow {
  row: number;
  id: string;
  data: Record<string, unknown>;
}

/**
 * Checks every row and collects every problem (not just the first), so one report tells
 * the department everything to fix. Rows with any problem are left out of staging.
 */
export function validateUpload(spec: ImportSpec, rows: readonly UploadRow[], ctx: ImportContext): { valid: ValidRow[]; problems: ImportProblem[] } {
  const valid: ValidRow[] = [];
  const problems: ImportProblem[] = [];
  const seenIds = new Map<string, number>();
  const seenKeys = new Map<string, number>();
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
    if (id && !spec.isProjectPart) {
      const earlier = seenIds.get(id);
      if (earlier) add('id', `编号与本文件第${earlier}行重复`);
      else seenIds.set(id, row);
      if (ctx.publishedIds.has(id)) add('id', '该编号已发布过；修改已发布的数据请用“更正”');
    }
    if (spec.naturalKey && found.length === 0) {
      const key = spec.naturalKey(cells);
      const earlier = seenKeys.get(key);
      if (earlier) add('id', `${spec.naturalKeyReason ?? '记录重复'}（与本文件第${earlier}行）`);
      else seenKeys.set(key, row);
    }
    if (found.length === 0) {
      const parsed = spec.schema.safeParse(withOptionalBlanks(spec, cells));
      if (parsed.success) valid.push({ row, id, data: parsed.data });
      else for (const issue of parsed.error.issues) add(String(issue.path[0] ?? ''), `格式不正确：${issue.message}`);
    }
    problems.push(...found);
  }
  return { valid, problems };
}

function withOptionalBlanks(spec: ImportSpec, cells: Record<string, string>): Record<string, string> {
  const out = { ...cells };
  for (const column of spec.optional ?? []) out[column] ??= '';
  return out;
}
