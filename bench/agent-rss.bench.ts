import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { agentApi, createApiClient } from '@sunshine/contracts';
import { agentFixture, spawnAgent } from './agent-fixture';
import { result, round, type Benchmark } from './harness';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function rssMb(pid: number | undefined): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * The agent's resident memory with the whole county in its cache, after serving lookups and
 * lists — against a bare Node process with the same loader.
 */
export const agentRss: Benchmark = {
  name: 'agent-rss',
  async run() {
    const fixture = await agentFixture();
    const agent = await spawnAgent(fixture);
    const bare = spawn(process.execPath, ['--import', 'tsx', '-e', 'setInterval(() => {}, 1000)'], { cwd: repoRoot, stdio: 'ignore' });
    try {
      const client = createApiClient({ baseUrl: agent.url });
      for (const person of fixture.county.samplePeople.slice(0, 200)) {
        await client.call(agentApi.villager.lookupPayments, { body: { idNumber: person.idNumber } });
      }
      await client.call(agentApi.content.listNotices, { query: { scope: 'all' } });
      await client.call(agentApi.content.listProjects, { query: { scope: 'all' } });
      await client.call(agentApi.content.listVillages);
      await client.call(agentApi.health.health);
      await new Promise((r) => setTimeout(r, 500));
      const value = rssMb(agent.child.pid);
      const baseline = rssMb(bare.pid);
      return [result({ name: 'agent RSS with the county loaded, after lookups and lists, vs bare node', value: round(value), unit: 'MB', baseline: round(baseline), target: '< 200 MB', pass: value < 200 })];
    } finally {
      agent.stop();
      bare.kill('SIGKILL');
    }
  },
};
