import { agentApi, AgentHealth, PrinterState, urlOf } from '@sunshine/contracts';
import { z } from 'zod';
import { describeFetchError } from '../errors';
import { fail, pass, skip, warn, type CheckResult } from './check';
import { probePrinter } from './printer-probe';

export interface AgentCheck {
  result: CheckResult;
  health: AgentHealth | null;
}

const RESTART = 'sudo systemctl restart sunshine-kiosk-agent; then: journalctl -u sunshine-kiosk-agent -n 50';

/** The agent answers its fixed health route on loopback (docs/api.md). */
export async function checkAgent(agentUrl: string, kioskNumber: string | null): Promise<AgentCheck> {
  const title = '本机服务 agent';
  let response: Response;
  try {
    response = await fetch(new URL(urlOf(agentApi.health.health), agentUrl), { signal: AbortSignal.timeout(5_000) });
  } catch (err) {
    return { result: fail('agent', title, `the kiosk agent is not answering: ${describeFetchError(agentUrl, err)}`, RESTART), health: null };
  }
  const health = AgentHealth.safeParse(await response.json().catch(() => null));
  if (!response.ok || !health.success) return { result: fail('agent', title, `${agentUrl} answered HTTP ${response.status}, not like a kiosk agent`, RESTART), health: null };
  if (kioskNumber && health.data.kioskNumber !== kioskNumber) {
    const detail = `the agent runs as kiosk ${health.data.kioskNumber ?? '(not enrolled)'}, but enrolment.json says ${kioskNumber}`;
    return { result: warn('agent', title, detail, 'The agent reads its enrolment at start: sudo systemctl restart sunshine-kiosk-agent'), health: health.data };
  }
  return { result: pass('agent', title, `answers at ${agentUrl}; ${health.data.online ? 'online with central' : 'offline from central'}`), health: health.data };
}

/** The kiosk holds county data, and (when central is known) how far behind it is. */
export function checkData(health: AgentHealth | null, centralVersion: number | null): CheckResult {
  const title = '数据版本 data';
  if (!health) return skip('data', title, 'not checked: the agent is not answering');
  if (health.dataVersion === 0) return fail('data', title, 'the kiosk holds no county data yet', 'Connect it to the network; the agent downloads the data by itself within 5 minutes. Then run check again.');
  const since = health.dataUpdatedAt ? ` (数据更新于 ${health.dataUpdatedAt})` : '';
  if (centralVersion !== null && health.dataVersion > centralVersion) {
    // Central never goes back: it was restored from a backup or replaced, and this kiosk
    // holds content it no longer has. Deltas from here would not fit; start afresh.
    return fail('data', title, `version ${health.dataVersion}${since} is newer than central's ${centralVersion} (central restored from a backup?)`, "Ask the county for a new kiosk's code; stop the agent, then: kiosk-provision re-enrol --fresh-data --code CODE");
  }
  if (centralVersion !== null && health.dataVersion < centralVersion) {
    return warn('data', title, `version ${health.dataVersion}${since}; central has ${centralVersion}`, 'The agent catches up by itself when online; if it stays behind, see "data" in docs/operations.md.');
  }
  return pass('data', title, `version ${health.dataVersion}${since}`);
}

const PrinterAnswer = z.object({ state: PrinterState }).loose();

/**
 * The printer as the agent sees it: its printer status route when the agent has it, else
 * `health.printer`. When the agent cannot tell ('unknown'), the interface is probed here.
 */
export async function checkPrinter(agentUrl: string, health: AgentHealth | null, printerInterface: string): Promise<CheckResult> {
  const title = '打印机 printer';
  if (!health) return skip('printer', title, 'not checked: the agent is not answering');
  const fromAgent = await fetch(new URL(urlOf(agentApi.printing.printerStatus), agentUrl), { signal: AbortSignal.timeout(5_000) })
    .then(async (r) => (r.ok ? PrinterAnswer.safeParse(await r.json()).data?.state : undefined))
    .catch(() => undefined);
  const state = fromAgent ?? health.printer.state;
  const hint = `Check the printer's power, cable and paper; the configured printer is ${printerInterface} (PRINTER_INTERFACE in agent.env).`;
  switch (state) {
    case 'ready': {
      // The agent's state can be up to one probe interval old: look once more now.
      const probe = await probePrinter(printerInterface);
      if (!probe.ok) return fail('printer', title, `the agent last saw it ready, but now ${probe.detail}`, hint);
      return pass('printer', title, `ready at ${printerInterface}`);
    }
    case 'paper_low':
      return warn('printer', title, 'paper is running low (纸快用完了)', 'Put in a new roll soon.');
    case 'paper_out':
      return fail('printer', title, 'out of paper (缺纸)', 'Put in a new roll, close the cover.');
    case 'cover_open':
      return fail('printer', title, 'the cover is open (盖子没关)', 'Close the printer cover.');
    case 'offline':
      return fail('printer', title, `the agent cannot reach the printer at ${printerInterface}`, hint);
    case 'unknown': {
      const probe = await probePrinter(printerInterface);
      if (!probe.ok) return fail('printer', title, `no printer: ${probe.detail}`, hint);
      return warn('printer', title, `the agent does not know the printer's state yet, but ${probe.detail}`, 'Print a test page from the staff panel to be sure.');
    }
  }
}
