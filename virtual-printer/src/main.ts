import { createPrinterServer } from './printer-server';

const port = Number(process.env.VIRTUAL_PRINTER_PORT ?? 9100);
const { server } = createPrinterServer();
server.listen(port, '127.0.0.1', () => {
  console.log(`virtual printer listening on tcp://127.0.0.1:${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
