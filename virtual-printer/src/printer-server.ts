import net from 'node:net';

export interface Receipt {
  receivedAt: string;
  bytes: Buffer;
}

const DLE = 0x10;
const EOT = 0x04;
// Fixed bits 1 and 4 set, every fault bit clear: online, cover shut, paper present.
const HEALTHY_STATUS = 0x12;

/**
 * A loopback ESC/POS printer: keeps what each connection sends as one receipt and
 * answers real-time status requests (DLE EOT n) as a healthy printer would.
 */
export function createPrinterServer() {
  const receipts: Receipt[] = [];
  const server = net.createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      for (let i = 0; i < chunk.length - 1; i++) {
        if (chunk[i] === DLE && chunk[i + 1] === EOT) socket.write(Buffer.from([HEALTHY_STATUS]));
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      const bytes = Buffer.concat(chunks);
      if (bytes.length > 0) receipts.push({ receivedAt: new Date().toISOString(), bytes });
    });
  });
  return { server, receipts };
}
