import { agentVillagerApi, createApiClient } from '@sunshine/contracts';
import type { UiStack } from './ui-stack';
import { centralHasTicket, loginStaff, replyToTicket } from './central-staff';

/**
 * A complaint filed at the kiosk's agent, delivered to central and answered there: what a
 * villager needs before following up a reply with the receipt's PIN. For `beforeAll`,
 * where `expect.poll` cannot run, so it waits for the forwarder by hand.
 */
export async function fileAnsweredComplaint(stack: UiStack, reply: string): Promise<{ ticketNumber: string; pin: string }> {
  const agent = createApiClient({ baseUrl: stack.agentUrl });
  const created = await agent.call(agentVillagerApi.createComplaint, { body: { category: 'subsidy', text: '补贴没有收到' } });
  const cookie = await loginStaff(stack.centralUrl, stack.adminPassword);
  const atCentral = () => centralHasTicket(stack.centralUrl, cookie, created.ticketNumber);
  for (let tries = 0; !(await atCentral()); tries += 1) {
    if (tries > 120) throw new Error('the complaint never reached central');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await replyToTicket(stack.centralUrl, cookie, created.ticketNumber, reply);
  return created;
}
