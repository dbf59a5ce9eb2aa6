/**
 * Writes the route tables of docs/api.md from the route values in `contracts`, so the
 * reference cannot drift from what the services mount. Each table sits between
 * `<!-- routes:GROUP -->` and `<!-- /routes -->` (GROUP is `central.settings`, …).
 *
 *   npm run docs:api            rewrite the tables
 *   npm run docs:api -- --check exit 1 when docs/api.md is out of date (run by `npm test`)
 */
import fs from 'node:fs';
import path from 'node:path';
import * as contracts from '@sunshine/contracts';
import { apiGroups, type RouteSpec } from '@sunshine/contracts';
import { z } from 'zod';

const DOC = path.join(import.meta.dirname, '..', 'docs', 'api.md');

// Exported schemas are named by their export; an inline one by its fields.
const schemaNames = new Map<unknown, string>();
for (const [name, value] of Object.entries(contracts)) {
  if (value instanceof z.ZodType && !schemaNames.has(value)) schemaNames.set(value, name);
}

function describeSchema(schema: z.ZodType | undefined): string {
  if (schema === undefined) return '—';
  const name = schemaNames.get(schema);
  if (name !== undefined) return `\`${name}\``;
  if (schema instanceof z.ZodObject) return `\`{ ${Object.keys(schema.shape).join(', ')} }\``;
  if (schema instanceof z.ZodArray) return `${describeSchema(schema.element as z.ZodType)}[]`;
  if (schema instanceof z.ZodUnknown) return 'checked by the route';
  return `\`${schema.type}\``;
}

function describeAccess(route: RouteSpec): string {
  const { access } = route;
  if (access.kind !== 'staff') return access.kind;
  if (access.permission === undefined) return 'staff';
  const roles: readonly string[] = contracts.PERMISSIONS[access.permission];
  return `staff: ${roles.join(', ')}`;
}

function describeAnswer(route: RouteSpec): string {
  const status = route.status ?? 200;
  if (status === 204) return '204';
  const body = 'safeParse' in route.response ? describeSchema(route.response) : `\`${route.response.contentType}\``;
  return status === 200 ? body : `${status} ${body}`;
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function renderTable(routes: Record<string, RouteSpec>): string {
  const lines = ['| method and path | who | query | body | answer | what it does |', '| --- | --- | --- | --- | --- | --- |'];
  for (const route of Object.values(routes)) {
    const columns = [`\`${route.method} ${route.path}\``, describeAccess(route), describeSchema(route.query), describeSchema(route.body), describeAnswer(route), route.summary];
    lines.push(`| ${columns.map(cell).join(' | ')} |`);
  }
  return lines.join('\n');
}

function render(doc: string): string {
  const unused = new Set(Object.keys(apiGroups));
  const written = doc.replace(/<!-- routes:([\w.-]+) -->\n[\s\S]*?<!-- \/routes -->/g, (_block, group: string) => {
    const routes = apiGroups[group];
    if (routes === undefined) throw new Error(`docs/api.md names a route group that does not exist: ${group}`);
    unused.delete(group);
    // Prettier leaves the table as written (aligned, its rows would be padded to the longest
    // summary); the blank lines are where Prettier puts them, so `format` and this agree.
    return `<!-- routes:${group} -->\n\n<!-- prettier-ignore -->\n${renderTable(routes)}\n\n<!-- /routes -->`;
  });
  if (unused.size > 0) throw new Error(`docs/api.md has no table for: ${[...unused].join(', ')} (add <!-- routes:GROUP --><!-- /routes -->)`);
  return written;
}

const current = fs.readFileSync(DOC, 'utf8');
const next = render(current);
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('docs/api.md is out of date with the routes in contracts: run `npm run docs:api`');
    process.exit(1);
  }
} else if (next !== current) {
  fs.writeFileSync(DOC, next);
  console.log('docs/api.md: route tables rewritten');
}
