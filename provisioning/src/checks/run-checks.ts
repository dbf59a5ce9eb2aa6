import { checkAgent, checkData, checkPrinter } from './agent.check';
import { checkCentral, checkCredential } from './central.check';
import type { CheckResult } from './check';
import { checkConfig } from './config.check';
import { checkClock, checkDisk } from './host.check';

export interface CheckOptions {
  dataDir: string;
  /** Defaults to http://127.0.0.1:AGENT_PORT from agent.env. */
  agentUrl?: string;
  now?: () => Date;
}

/** Every check, in the order an installer fixes things: config, network, agent, printer, host. */
export async function runChecks(options: CheckOptions): Promise<CheckResult[]> {
  const config = checkConfig(options.dataDir);
  const results: CheckResult[] = [config.result];
  const centralUrl = config.settings?.CENTRAL_URL ?? config.enrolment?.centralUrl;
  const central = centralUrl ? await checkCentral(centralUrl) : null;
  if (central) results.push(central.result);
  if (centralUrl && config.enrolment) results.push(await checkCredential(centralUrl, config.enrolment, central?.dataVersion ?? null));

  const agentUrl = options.agentUrl ?? `http://127.0.0.1:${config.settings?.AGENT_PORT ?? 8600}`;
  const agent = await checkAgent(agentUrl, config.enrolment?.kioskNumber ?? null);
  results.push(agent.result, checkData(agent.health, central?.dataVersion ?? null));
  if (config.settings) results.push(await checkPrinter(agentUrl, agent.health, config.settings.PRINTER_INTERFACE));
  results.push(checkDisk(options.dataDir), checkClock(central?.serverDate ?? null, options.now?.() ?? new Date()));
  return results;
}

export const hasFailure = (results: CheckResult[]) => results.some((r) => r.status === 'fail');

/** Pads to a column on a terminal, where a hanzi takes two cells. */
function padCells(text: string, cells: number): string {
  const width = [...text].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, cells - width));
}

const MARK: Record<CheckResult['status'], string> = { pass: '✔ PASS', warn: '! WARN', fail: '✘ FAIL', skip: '- SKIP' };

/** The pass/fail list as the installer reads it on the kiosk's console. */
export function formatChecks(results: CheckResult[]): string {
  const lines = results.flatMap((r) => [`${MARK[r.status]}  ${padCells(r.title, 20)}${r.detail}`, ...(r.hint && r.status !== 'pass' ? [`        → ${r.hint}`] : [])]);
  const failed = results.filter((r) => r.status === 'fail').length;
  const warned = results.filter((r) => r.status === 'warn').length;
  const summary = failed ? `不合格 ${failed} failed, ${warned} warning(s). See "When check fails" in docs/operations.md.` : `合格 all checks passed${warned ? ` (${warned} warning(s))` : ''}.`;
  return [...lines, '', summary].join('\n');
}
