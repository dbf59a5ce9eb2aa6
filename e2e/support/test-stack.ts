import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, launchStack, type Stack } from '../../scripts/stack';

/** The whole system on free loopback ports in a temporary directory, with a tiny county. */
export async function startTestStack(): Promise<Stack & { dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-e2e-'));
  const lines: string[] = [];
  try {
    const stack = await launchStack({
      countyDir: path.join(dir, 'county'),
      centralDataDir: path.join(dir, 'central'),
      agentDataDir: path.join(dir, 'agent'),
      centralPort: await freePort(),
      agentPort: await freePort(),
      printerPort: await freePort(),
      scale: 'tiny',
      quiet: true,
      log: (line) => lines.push(line),
    });
    return {
      ...stack,
      dir,
      async stop() {
        await stack.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    throw new Error(`the test stack did not start: ${String(err)}\n${lines.join('')}`);
  }
}

export const artifactsDir = path.join(import.meta.dirname, '..', 'artifacts');
