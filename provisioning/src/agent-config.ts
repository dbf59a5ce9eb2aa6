import fs from 'node:fs';
import { agentEnvPath, parseEnvFile as parseEnvLines } from '@sunshine/kiosk-agent';
import { writeFileDurablySync } from '@sunshine/service-kit';
import { z } from 'zod';

/**
 * The agent's settings as `KEY=value` lines in `AGENT_DATA_DIR/agent.env` (mode 0600).
 * The same file is the agent unit's `EnvironmentFile=` and what the agent itself reads at
 * start, with the agent's own parser, so what `check` reads is exactly what the agent runs
 * with. Secrets stay in `enrolment.json`.
 */
export { agentEnvPath };

export const PaperWidth = z.union([z.literal(58), z.literal(80)]);
export type PaperWidth = z.infer<typeof PaperWidth>;

/** A printer is `tcp://host:port` or an absolute device path such as `/dev/usb/lp0`. */
export const PrinterInterface = z
  .string()
  .refine((s) => /^tcp:\/\/[^\s/:]+:\d{1,5}$/.test(s) || /^\/[^\s]+$/.test(s), 'printer must be tcp://host:port or a device path like /dev/usb/lp0');

export const AgentSettings = z.object({
  AGENT_DATA_DIR: z.string().startsWith('/', 'AGENT_DATA_DIR must be an absolute path'),
  AGENT_PORT: z.coerce.number().int().min(1).max(65535),
  CENTRAL_URL: z.url(),
  PRINTER_INTERFACE: PrinterInterface,
  /** Read by the agent's receipt layout (58 or 80 mm roll). */
  PRINTER_PAPER_MM: z.coerce.number().pipe(PaperWidth),
});
export type AgentSettings = z.infer<typeof AgentSettings>;

export const DEFAULT_AGENT_PORT = 8600;
export const DEFAULT_PRINTER = '/dev/usb/lp0';
export const DEFAULT_PAPER: PaperWidth = 80;

/** Renders settings in systemd `EnvironmentFile=` syntax (also fine for `set -a; . file`). */
export function renderAgentEnv(settings: AgentSettings, writtenAt: Date): string {
  const valid = AgentSettings.parse(settings);
  const lines = [
    `# Sunshine kiosk agent settings, written by kiosk-provision on ${writtenAt.toISOString()}.`,
    '# Read by systemd (EnvironmentFile=) and by `kiosk-provision check`. Secrets live in enrolment.json.',
    ...Object.entries(valid).map(([key, value]) => `${key}=${quote(String(value))}`),
  ];
  return lines.join('\n') + '\n';
}

function quote(value: string): string {
  if (/[\n\r]/.test(value)) throw new Error('a setting cannot span lines');
  return /^[\w@%+=:,./-]*$/.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/** The `KEY=value` settings of an agent.env text, read as the agent reads them (lines it would refuse are left out). */
export const parseEnvFile = (text: string): Record<string, string> => parseEnvLines(text).values;

/** Replaces agent.env whole and on disk: systemd and the agent read it at every boot. */
export function writeAgentSettings(dataDir: string, settings: AgentSettings, now = new Date()): void {
  writeFileDurablySync(agentEnvPath(dataDir), renderAgentEnv(settings, now), { mode: 0o600 });
}

export type SettingsResult = { ok: true; settings: AgentSettings } | { ok: false; problem: string };

/** Reads and validates `agent.env`; a missing or wrong file is a problem in plain words. */
export function readAgentSettings(dataDir: string): SettingsResult {
  const file = agentEnvPath(dataDir);
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch (err) {
    const code = typeof err === 'object' && err && 'code' in err ? err.code : '';
    if (code === 'EACCES') return { ok: false, problem: `没有权限 cannot read ${file} (it belongs to the kiosk's user): run this with sudo.` };
    return { ok: false, problem: `${file} is missing: this kiosk has not been enrolled here.` };
  }
  const { values, badLines } = parseEnvLines(fs.readFileSync(file, 'utf8'));
  if (badLines.length > 0) {
    // The agent refuses to start on these lines; say so here first.
    return { ok: false, problem: `${file} is not valid: ${badLines.map((b) => `line ${b.line} is not KEY=value (${b.text})`).join('; ')}` };
  }
  const parsed = AgentSettings.safeParse(values);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return { ok: false, problem: `${file} is not valid: ${problems}` };
}
