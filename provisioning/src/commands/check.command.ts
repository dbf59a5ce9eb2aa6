import type { Command } from 'commander';
import { formatChecks, hasFailure, runChecks } from '../checks/run-checks';
import { defaultDataDir } from '../defaults';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('自检 check settings, central, credential, agent, data, printer, disk and clock; exits non-zero on any failure')
    .option('--data-dir <dir>', "the agent's data dir", defaultDataDir())
    .option('--agent-url <url>', 'the agent to ask (default http://127.0.0.1:AGENT_PORT from agent.env)')
    .option('--json', 'print the results as JSON')
    .action(async (opts: { dataDir: string; agentUrl?: string; json?: boolean }) => {
      const results = await runChecks({ dataDir: opts.dataDir, agentUrl: opts.agentUrl });
      console.log(opts.json ? JSON.stringify(results, null, 2) : formatChecks(results));
      if (hasFailure(results)) process.exitCode = 1;
    });
}
