import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { agentPrintingApi, agentStaffApi, agentVillagerApi } from '@sunshine/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_UNREACHABLE_MESSAGE, AgentRequestError, createAgentCaller } from './agent-request';

// A stand-in agent on loopback that answers each path the way the real one can fail: the
// mapping to what a villager reads is what is under test.
let server: Server;
let call: ReturnType<typeof createAgentCaller>;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === agentStaffApi.unlock.path) {
      res.statusCode = 403;
      res.end(JSON.stringify({ error: { code: 'wrong_pin', message: '工作人员密码不对' } }));
    } else if (req.url === agentPrintingApi.printerStatus.path) {
      res.end(JSON.stringify({ state: 'on fire' }));
    } else {
      res.statusCode = 502;
      res.end('<html>bad gateway</html>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  call = createAgentCaller(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe('calls from the kiosk UI to its agent', () => {
  it("keep the agent's code and its plain-Chinese message", async () => {
    const error = await failure(call(agentStaffApi.unlock, { body: { pin: '1234' } }));
    expect(error).toBeInstanceOf(AgentRequestError);
    expect(error).toMatchObject({ code: 'wrong_pin', status: 403, message: '工作人员密码不对' });
  });

  it('say the generic sentence for an answer that breaks the contract or carries no error body', async () => {
    expect(await failure(call(agentPrintingApi.printerStatus))).toMatchObject({ code: 'bad_response', message: AGENT_UNREACHABLE_MESSAGE });
    expect(await failure(call(agentVillagerApi.listComplaintCategories))).toMatchObject({ code: 'internal', status: 502, message: AGENT_UNREACHABLE_MESSAGE });
  });

  it('say the generic sentence when nothing answers, and pass on an abort as it is', async () => {
    const nowhere = createAgentCaller('http://127.0.0.1:9');
    expect(await failure(nowhere(agentVillagerApi.listComplaintCategories))).toMatchObject({ code: 'network', status: 0, message: AGENT_UNREACHABLE_MESSAGE });
    const aborted = AbortSignal.abort();
    const error = await failure(call(agentVillagerApi.listComplaintCategories, {}, { signal: aborted }));
    expect(error).not.toBeInstanceOf(AgentRequestError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });
});
