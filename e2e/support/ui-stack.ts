import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort } from '@sunshine/service-kit';
import { launchStack, type Stack } from '../../scripts/stack';
import { launchChromium } from './browser';
import { LinkProxy } from './link-proxy';

export interface UiStack extends Stack {
  dir: string;
  /** The agent reaches central only through this relay: `cut()` makes central unreachable. */
  centralLink: LinkProxy;
}

/**
 * The whole system on free loopback ports with a tiny county, in a temporary directory.
 * The agent talks to central through a {@link LinkProxy} so UI tests can take central away and bring it back.
 */
export async function startUiStack(): Promise<UiStack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-ui-e2e-'));
  const centralPort = await freePort();
  const centralLink = new LinkProxy(await freePort(), centralPort);
  await centralLink.restore();
  const lines: string[] = [];
  try {
    const stack = await launchStack({
      countyDir: path.join(dir, 'county'),
      centralDataDir: path.join(dir, 'central'),
      agentDataDir: path.join(dir, 'agent'),
      centralPort,
      agentPort: await freePort(),
      printerPort: await freePortPair(),
      agentCentralUrl: centralLink.url,
      scale: 'tiny',
      quiet: true,
      log: (line) => lines.push(line),
    });
    return {
      ...stack,
      dir,
      centralLink,
      async stop() {
        await stack.stop();
        await centralLink.cut();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await centralLink.cut();
    throw new Error(`the UI test stack did not start: ${String(err)}\n${lines.join('')}`);
  }
}

/**
 * Chromium as a kiosk runs it, plus a fake microphone that answers without a prompt,
 * so the voice-recording flow can run headless.
 */
export function launchKioskChromium(): Promise<Browser> {
  return launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free port whose next port is free too: the virtual printer serves its control page there. */
async function freePortPair(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = await freePort();
    if (port < 65535 && (await isFree(port + 1))) return port;
  }
  throw new Error('no pair of free ports for the virtual printer');
}
