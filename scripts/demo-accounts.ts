import crypto from 'node:crypto';

/**
 * The demo's second staff account, so it can show that two people publish (docs/api.md): made
 * through central's staff API on the first start, its password set anew on every start, as the
 * admin's is, and printed in `npm start`'s banner.
 */
export async function ensureDemoReviewer(centralUrl: string, adminPassword: string): Promise<string> {
  const password = crypto.randomBytes(9).toString('base64url');
  const login = await fetch(`${centralUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: adminPassword }) });
  if (!login.ok) throw new Error(`the demo admin could not log in: ${login.status}`);
  const headers = { 'content-type': 'application/json', cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
  const account = { username: 'reviewer', displayName: '演示审核员', role: 'reviewer', password };
  const created = await fetch(`${centralUrl}/api/staff`, { method: 'POST', headers, body: JSON.stringify(account) });
  const reset = created.status === 409 ? await fetch(`${centralUrl}/api/staff/reviewer`, { method: 'PATCH', headers, body: JSON.stringify({ password, disabled: false }) }) : created;
  if (!reset.ok) throw new Error(`the demo reviewer could not be set up: ${reset.status} ${await reset.text()}`);
  await fetch(`${centralUrl}/api/auth/logout`, { method: 'POST', headers });
  return password;
}
