import fs from 'node:fs';
import path from 'node:path';
import { AgentEnrolment } from '@sunshine/contracts';
import { agentEnvPath, readAgentSettings, type AgentSettings } from '../agent-config';
import { fail, pass, type CheckResult } from './check';

const TITLE = '配置 config';

// Read here rather than through the agent's package, so `check` works even when the agent's code does not load.
const enrolmentPath = (dataDir: string) => path.join(dataDir, 'enrolment.json');
function readEnrolment(dataDir: string): AgentEnrolment | null {
  const file = enrolmentPath(dataDir);
  if (!fs.existsSync(file)) return null;
  return AgentEnrolment.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

export interface ConfigCheck {
  result: CheckResult;
  settings: AgentSettings | null;
  enrolment: AgentEnrolment | null;
}

/** agent.env and enrolment.json exist, parse, and are readable by their owner only. */
export function checkConfig(dataDir: string): ConfigCheck {
  const settings = readAgentSettings(dataDir);
  if (!settings.ok) {
    const hint = settings.problem.startsWith('没有权限') ? 'sudo npx kiosk-provision check' : 'Enrol this kiosk: kiosk-provision enrol --central URL --code CODE';
    return { result: fail('config', TITLE, settings.problem, hint), settings: null, enrolment: null };
  }
  let enrolment: AgentEnrolment | null;
  try {
    enrolment = readEnrolment(dataDir);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { result: fail('config', TITLE, `${enrolmentPath(dataDir)} is damaged: ${reason}`, 'Ask the county for a new code and run kiosk-provision re-enrol --code NEW'), settings: settings.settings, enrolment: null };
  }
  if (!enrolment) return { result: fail('config', TITLE, `${enrolmentPath(dataDir)} is missing`, 'Enrol this kiosk: kiosk-provision enrol --central URL --code CODE'), settings: settings.settings, enrolment: null };
  const open = [agentEnvPath(dataDir), enrolmentPath(dataDir)].filter((f) => (fs.statSync(f).mode & 0o077) !== 0);
  if (open.length > 0) return { result: fail('config', TITLE, `readable by other users: ${open.join(', ')}`, `chmod 600 ${open.join(' ')}`), settings: settings.settings, enrolment };
  const detail = `kiosk ${enrolment.kioskNumber} (${enrolment.name}), central ${settings.settings.CENTRAL_URL}, printer ${settings.settings.PRINTER_INTERFACE} ${settings.settings.PRINTER_PAPER_MM} mm`;
  return { result: pass('config', TITLE, detail), settings: settings.settings, enrolment };
}
