import { loginStaff as loginAtCentral } from '@sunshine/contracts';

/** A staff session at central, for checking from the outside what a kiosk delivered. */
export async function loginStaff(centralUrl: string, password: string): Promise<string> {
  return (await loginAtCentral({ baseUrl: centralUrl }, { username: 'admin', password })).cookie;
}

/** True when central holds `ticketNumber`. */
export async function centralHasTicket(centralUrl: string, cookie: string, ticketNumber: string): Promise<boolean> {
  const response = await fetch(`${centralUrl}/api/tickets/${ticketNumber}`, { headers: { cookie } });
  return response.ok;
}

/** Staff handle a ticket at central: accept it, then give the public reply. */
export async function replyToTicket(centralUrl: string, cookie: string, ticketNumber: string, reply: string): Promise<void> {
  for (const action of [{ action: 'status', status: 'accepted' }, { action: 'reply', reply }]) {
    const response = await fetch(`${centralUrl}/api/tickets/${ticketNumber}/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(action),
    });
    if (!response.ok) throw new Error(`ticket ${action.action} failed: ${response.status} ${await response.text()}`);
  }
}
