import fs from 'node:fs';
import net from 'node:net';

/** Whether something answers at the printer interface: a TCP connect, or a writable device. */
export async function probePrinter(printerInterface: string, timeoutMs = 3_000): Promise<{ ok: boolean; detail: string }> {
  const tcp = /^tcp:\/\/([^:/]+):(\d+)$/.exec(printerInterface);
  if (!tcp?.[1] || !tcp[2]) {
    try {
      fs.accessSync(printerInterface, fs.constants.W_OK);
      return { ok: true, detail: `the device ${printerInterface} is there` };
    } catch {
      return { ok: false, detail: `the device ${printerInterface} does not exist or cannot be written (USB cable? power? the agent's user in group lp?)` };
    }
  }
  const [host, port] = [tcp[1], Number(tcp[2])];
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean, detail: string) => {
      socket.destroy();
      resolve({ ok, detail });
    };
    socket.setTimeout(timeoutMs, () => done(false, `nothing answers at ${printerInterface} within ${timeoutMs / 1000} s`));
    socket.once('connect', () => done(true, `something answers at ${printerInterface}`));
    socket.once('error', (err: NodeJS.ErrnoException) => done(false, `nothing answers at ${printerInterface} (${err.code ?? err.message})`));
  });
}
