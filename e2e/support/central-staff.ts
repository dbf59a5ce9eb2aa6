import { createApiClient, loginStaff as loginAtCentral, ticketsApi, type ApiClient, type StaffTicketDetail, type TicketAction } from '@sunshine/contracts';

/** A staff session at central, for checking from the outside what a kiosk delivered. */
export async function loginStaff(centralUrl: string, password: string): Promise<string> {
  return (await loginAtCentral({ baseUrl: centralUrl }, { username: 'admin', password })).cookie;
}

/** The typed client as that staff session. */
const staffClient = (centralUrl: string, cookie: string): ApiClient => createApiClient({ baseUrl: centralUrl, headers: () => ({ cookie }) });

/** The ticket as staff see it at central, or null while central does not hold it. */
export async function centralTicket(centralUrl: string, cookie: string, ticketNumber: string): Promise<StaffTicketDetail | null> {
  return staffClient(centralUrl, cookie)
    .call(ticketsApi.get, { params: { ticketNumber } })
    .catch(() => null);
}

/** True when central holds `ticketNumber`. */
export async function centralHasTicket(centralUrl: string, cookie: string, ticketNumber: string): Promise<boolean> {
  return (await centralTicket(centralUrl, cookie, ticketNumber)) !== null;
}

/** Staff handle a ticket at central: accept it, then give the public reply. */
export async function replyToTicket(centralUrl: string, cookie: string, ticketNumber: string, reply: string): Promise<void> {
  const steps: TicketAction[] = [
    { action: 'status', status: 'accepted' },
    { action: 'reply', reply },
  ];
  for (const action of steps) await staffClient(centralUrl, cookie).call(ticketsApi.act, { params: { ticketNumber }, body: action });
}
