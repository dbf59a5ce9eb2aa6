import { TicketCategorySettings } from '@sunshine/contracts';
import { parseInput } from '@sunshine/service-kit';
import { Router } from 'express';
import type { CategorySettings } from '../domain/category-settings';
import { currentStaff, requireStaff, type StaffHttpDeps } from './staff-session';

/** County settings an admin changes: complaint categories and their deadlines. */
export function settingsRoutes(deps: StaffHttpDeps & { categorySettings: CategorySettings }): Router {
  const router = Router();
  router.get('/api/settings/complaint-categories', requireStaff(deps), (_req, res) => {
    res.json(deps.categorySettings.categories());
  });
  router.put('/api/settings/complaint-categories', requireStaff(deps, 'staff:manage'), async (req, res) => {
    const next = parseInput(TicketCategorySettings, req.body);
    await deps.categorySettings.replace(next, currentStaff(res).username);
    res.json(next);
  });
  return router;
}
