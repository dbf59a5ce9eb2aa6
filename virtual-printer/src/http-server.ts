import http from 'node:http';
import { AppError, virtualPrinterApi as api, type VirtualReceipt } from '@sunshine/contracts';
import { createLogger, createRouteMounter, errorHandler, notFoundHandler } from '@sunshine/service-kit';
import express from 'express';
import { renderPage } from './page';
import type { PrinterServer, Receipt } from './printer-server';

// The page and the control API the e2e suite and the demo use to read receipts and make
// the printer fail: the routes are `virtualPrinterApi` in contracts (docs/api.md). It
// listens on loopback only, so every route is `local` and nothing is checked.
const mount = createRouteMounter(() => []);

const summary = (r: Receipt): VirtualReceipt => ({ id: r.id, receivedAt: r.receivedAt, text: r.text, qr: r.qr, complete: r.complete });

function receiptById(printer: PrinterServer, id: string): Receipt {
  const receipt = printer.receipts.find((r) => String(r.id) === id);
  if (!receipt) throw new AppError('not_found', `打印机里没有第 ${id} 张小票（No such receipt）。`);
  return receipt;
}

function send(res: express.Response, type: string, body: string | Buffer): undefined {
  res.status(200).type(type).send(body);
  return undefined;
}

/** The virtual printer's web page and control API, over `printer`. */
export function createPrinterHttpServer(printer: PrinterServer): http.Server {
  const router = express.Router();
  mount(router, api.page, (_input, _req, res) => send(res, api.page.response.contentType, renderPage(printer)));
  mount(router, api.listReceipts, () => printer.receipts.map(summary));
  mount(router, api.clearReceipts, () => {
    printer.clear();
    return { ok: true } as const;
  });
  mount(router, api.receiptPreview, ({ params }, _req, res) =>
    send(res, api.receiptPreview.response.contentType, printer.preview(receiptById(printer, params.id))),
  );
  mount(router, api.receiptText, ({ params }, _req, res) =>
    send(res, api.receiptText.response.contentType, receiptById(printer, params.id).text + '\n'),
  );
  mount(router, api.getState, () => printer.getState());
  mount(router, api.setState, ({ body }) => printer.setState(body));
  const app = express()
    .use((_req, res, next) => {
      // Receipts come and go, and the tests read them straight after printing.
      res.set('cache-control', 'no-store');
      next();
    })
    .use(express.json({ limit: '4kb' }))
    .use(router)
    .use(notFoundHandler)
    .use(errorHandler(createLogger('virtual-printer', 'warn')));
  return http.createServer(app);
}
