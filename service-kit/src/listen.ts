import type { Server } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** Starts listening and resolves with the bound port (useful when `port` is 0 in tests). */
export function listen(server: Server | net.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address: AddressInfo | string | null = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** A port that is free on loopback right now (for tests and the demo launcher). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server, 0, '127.0.0.1');
  await new Promise((resolve) => server.close(resolve));
  return port;
}
