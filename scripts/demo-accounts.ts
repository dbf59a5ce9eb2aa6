import crypto from 'node:crypto';
import { ApiCallError, createApiClient, loginStaff, staffApi } from '@sunshine/contracts';

/**
 * The demo's second staff account, so it can show that two people publish (docs/api.md): made
 * through central's staff API on the first start, its password set anew on every start, as the
 * admin's is, and printed in `npm start`'s banner.
 */
export async function ensureDemoReviewer(centralUrl: string, adminPassword: string): Promise<string> {
  const password = crypto.randomBytes(9).toString('base64url');
  const { cookie } = await loginStaff({ baseUrl: centralUrl }, { username: 'admin', password: adminPassword });
  const admin = createApiClient({ baseUrl: centralUrl, headers: () => ({ cookie }) });
  const account = { username: 'reviewer', displayName: '演示审核员', role: 'reviewer', password } as const;
  await admin.call(staffApi.createAccount, { body: account }).catch(async (err: unknown) => {
    if (!(err instanceof ApiCallError && err.code === 'username_taken')) throw err;
    await admin.call(staffApi.updateAccount, { params: { username: account.username }, body: { password, disabled: false } });
  });
  await admin.call(staffApi.logout);
  return password;
}
