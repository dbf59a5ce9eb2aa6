import fs from 'node:fs';
import {
  AppError,
  FinanceBookQuery,
  NoticeQuery,
  PageQuery,
  VillageCode,
  type FinancePeriodList,
  type NoticeList,
  type PolicyList,
  type ProjectList,
  type VillageList,
} from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router } from 'express';
import { z } from 'zod';
import { financeBook, paged, pageWindow, projectView } from './content-views';
import { blobPath } from '../sync/blob-fetcher';
import { localScopes } from '../place/kiosk-place';
import type { Services } from '../services';

const ProjectQuery = PageQuery.extend({ scope: z.enum(['local', 'all']).default('local') });
const Id = z.string().min(1).max(64);
const today = () => new Date().toISOString().slice(0, 10);

/** Disclosure content from the local cache: works with the network down. */
export function contentRoutes(services: Services, blobDir: string): Router {
  const { queries } = services;
  const villageOr404 = (raw: unknown) => {
    const code = parseInput(VillageCode, raw);
    const village = queries.village(code);
    if (!village) throw new AppError('not_found', '没有这个村的资料。');
    return village;
  };

  return Router()
    .get('/api/notices', (req, res) => {
      const q = parseInput(NoticeQuery, req.query);
      const scopes = q.scope === 'all' ? null : localScopes(services.place());
      const body: NoticeList = paged(queries.notices({ category: q.category, scopes, today: today() }, pageWindow(q.page)), q.page);
      res.json(body);
    })
    .get('/api/projects', (req, res) => {
      const q = parseInput(ProjectQuery, req.query);
      const place = services.place();
      const ranked = localScopes(place);
      const found = queries.projects({ ranked, scopes: q.scope === 'all' ? null : ranked }, pageWindow(q.page));
      const body: ProjectList = paged({ items: found.items.map((p) => projectView(p, place)), total: found.total }, q.page);
      res.json(body);
    })
    .get('/api/projects/:id', (req, res) => {
      const project = queries.project(parseInput(Id, req.params.id));
      if (!project) throw new AppError('not_found', '没有找到这个项目。');
      res.json(projectView(project, services.place()));
    })
    .get('/api/villages', (_req, res) => {
      const towns = new Map(queries.towns().map((t) => [t.code, t.name]));
      const body: VillageList = {
        kioskVillageCode: services.place().villageCode,
        items: queries.villages().map((v) => ({ ...v, townName: towns.get(v.townCode) ?? '' })),
      };
      res.json(body);
    })
    // The kiosk's own village, for the first UI build.
    .get('/api/finance/periods', (_req, res) => res.redirect(307, `/api/finance/${services.place().villageCode ?? 'none'}/periods`))
    .get('/api/finance', (req, res) => {
      const { period } = parseInput(z.object({ period: z.string().max(7) }), req.query);
      res.redirect(307, `/api/finance/${services.place().villageCode ?? 'none'}/${encodeURIComponent(period)}`);
    })
    .get('/api/finance/:villageCode/periods', (req, res) => {
      const village = villageOr404(req.params.villageCode);
      const body: FinancePeriodList = { villageCode: village.code, villageName: village.name, items: queries.financePeriods(village.code) };
      res.json(body);
    })
    .get('/api/finance/:villageCode/:period', (req, res) => {
      const village = villageOr404(req.params.villageCode);
      const q = parseInput(FinanceBookQuery, { ...req.query, period: req.params.period });
      const period = queries.financePeriod(village.code, q.period);
      if (!period) throw new AppError('not_found', '这个月份没有公开的账目。');
      res.json(
        financeBook({
          villageName: village.name,
          period,
          totals: queries.financeTotals(village.code, q.period),
          lines: queries.financeLines(village.code, q.period, pageWindow(q.page)),
          page: q.page,
        }),
      );
    })
    .get('/api/blobs/:sha256', (req, res) => {
      const sha256 = parseInput(z.string().regex(/^[0-9a-f]{64}$/), req.params.sha256);
      const mime = queries.attachmentMime(sha256);
      const file = blobPath(blobDir, sha256);
      if (!mime || !fs.existsSync(file)) throw new AppError('not_found', '这个附件还没有下载到本机。');
      res.type(mime).set('cache-control', 'public, max-age=31536000, immutable').sendFile(file);
    })
    .get('/api/policies/:programCode', (req, res) => {
      const code = parseInput(Id, req.params.programCode);
      const body: PolicyList = { programCode: code, programName: queries.program(code)?.name ?? null, items: queries.policies(code) };
      res.json(body);
    });
}
