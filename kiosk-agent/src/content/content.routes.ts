import { agentContentApi as api, Period, urlOf, VillageCode } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { mount } from '../route-mount';
import type { ContentService } from './content.service';

const RecordId = z.string().min(1).max(64);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const PeriodParam = z.object({ period: Period });

/** Sends a file; settles once it is sent (or once nothing more can be said to a browser that went away). */
function sendFile(res: Response, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    res.sendFile(file, (err?: Error) => (!err || res.headersSent ? resolve() : reject(err)));
  });
}

/** Disclosure content from the local cache: works with the network down. */
export function contentRoutes(content: ContentService): Router {
  const router = Router();
  mount(router, api.listNotices, ({ query }) => content.notices(query));
  mount(router, api.listProjects, ({ query }) => content.projects(query));
  mount(router, api.getProject, ({ params }) => content.project(parseInput(RecordId, params.id)));
  mount(router, api.listVillages, () => content.villages());
  // The kiosk's own village, for the first UI build: the answer is the route it redirects to.
  mount(router, api.ownFinancePeriods, (_input, _req, res) => {
    res.redirect(307, urlOf(api.listFinancePeriods, { params: { villageCode: content.ownVillageCode() ?? 'none' } }));
    return undefined;
  });
  mount(router, api.ownFinanceBook, ({ query }, _req, res) => {
    const params = { villageCode: content.ownVillageCode() ?? 'none', period: query.period };
    res.redirect(307, urlOf(api.getFinanceBook, { params, query: {} }));
    return undefined;
  });
  mount(router, api.listFinancePeriods, ({ params }) => content.financePeriods(parseInput(VillageCode, params.villageCode)));
  mount(router, api.getFinanceBook, ({ params, query }) => {
    const villageCode = parseInput(VillageCode, params.villageCode);
    const { period } = parseInput(PeriodParam, { period: params.period });
    return content.financeBook(villageCode, period, query.page);
  });
  mount(router, api.getBlob, async ({ params }, _req, res) => {
    const blob = content.blob(parseInput(Sha256, params.sha256));
    // Content-addressed: a blob's bytes never change under its name.
    res.type(blob.mime).set('cache-control', 'public, max-age=31536000, immutable');
    await sendFile(res, blob.file);
    return undefined;
  });
  mount(router, api.getPolicies, ({ params }) => content.policies(parseInput(RecordId, params.programCode)));
  return router;
}
