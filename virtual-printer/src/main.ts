import path from 'node:path';
import { createPrinterHttpServer } from './http-server';
import { createPrinterServer } from './printer-server';

// `npm run virtual-printer`: ESC/POS on VIRTUAL_PRINTER_PORT (9100), its page on
// VIRTUAL_PRINTER_HTTP_PORT (default: the printer port + 1, so 9101), both on loopback.
// Receipts are also written to VIRTUAL_PRINTER_DIR (default .data/virtual-printer/<port>).

const port = Number(process.env.VIRTUAL_PRINTER_PORT ?? 9100);
const httpPort = Number(process.env.VIRTUAL_PRINTER_HTTP_PORT ?? port + 1);
const paperDots = process.env.VIRTUAL_PRINTER_PAPER_MM === '58' ? 384 : 576;
const outDir = path.resolve(process.env.VIRTUAL_PRINTER_DIR ?? `.data/virtual-printer/${port}`);

const printer = createPrinterServer({ paperDots, outDir });
const web = createPrinterHttpServer(printer);
printer.server.listen(port, '127.0.0.1', () => {
  console.log(`virtual printer listening on tcp://127.0.0.1:${port}`);
});
// The page is a convenience: a busy port must not stop the printer itself.
web.on('error', (err) => console.warn(`virtual printer page not started on ${httpPort}: ${err.message}`));
web.listen(httpPort, '127.0.0.1', () => {
  console.log(`virtual printer page on http://127.0.0.1:${httpPort}/ (receipts also in ${outDir})`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    web.close();
    printer.server.close(() => process.exit(0));
  });
}
