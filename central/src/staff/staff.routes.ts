import { staffApi } from '@sunshine/contracts';
import { Router } from 'express';
import type { CentralMount } from '../route-mount';
import { createAccount, listAccounts, updateAccount, type StaffAccountsDeps } from './staff-accounts.service';
import { currentStaff } from './staff-session';

/** Staff accounts, kept by admins. */
export function staffRoutes(mount: CentralMount, deps: StaffAccountsDeps): Router {
  const router = Router();
  mount(router, staffApi.listAccounts, () => listAccounts(deps));
  mount(router, staffApi.createAccount, ({ body }, _req, res) => createAccount(deps, currentStaff(res), body));
  mount(router, staffApi.updateAccount, async ({ params, body }, _req, res) => {
    await updateAccount(deps, currentStaff(res), params.username, body);
    return undefined;
  });
  return router;
}
