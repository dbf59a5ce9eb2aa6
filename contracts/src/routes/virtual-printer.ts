import { z } from 'zod';
import { defineRoute } from '../route';

/** The simulated printer as the e2e suite and the demo set it: what DLE EOT answers, and when the paper runs out. */
export const VirtualPrinterState = z.object({
  online: z.boolean(),
  coverOpen: z.boolean(),
  paper: z.enum(['ok', 'near_end', 'out']),
  /** The paper runs out after this many more print bytes; null for a full roll. */
  paperLeftBytes: z.number().int().nonnegative().nullable(),
});
export type VirtualPrinterState = z.infer<typeof VirtualPrinterState>;

/** Any of the state's fields; the others stay as they are. */
export const VirtualPrinterStatePatch = VirtualPrinterState.partial();
export type VirtualPrinterStatePatch = z.infer<typeof VirtualPrinterStatePatch>;

/** One printed receipt without its bytes: the decoded text and the QR payloads are what tests check. */
export const VirtualReceipt = z.object({
  id: z.number().int(),
  receivedAt: z.string(),
  text: z.string(),
  qr: z.array(z.string()),
  complete: z.boolean(),
});
export type VirtualReceipt = z.infer<typeof VirtualReceipt>;

/**
 * The virtual printer's page and control API on loopback (virtual-printer/CONTEXT.md): the
 * receipts it printed, and the switches that make it fail as a real printer would.
 */
export const virtualPrinterApi = {
  page: defineRoute({
    method: 'GET',
    path: '/',
    summary: 'The page: the state, a button for each fault, and every receipt as text and preview (newest first)',
    access: { kind: 'local' },
    response: { kind: 'file', contentType: 'text/html; charset=utf-8' },
  }),
  listReceipts: defineRoute({
    method: 'GET',
    path: '/api/receipts',
    summary: 'Every receipt kept (the last 500), oldest first',
    access: { kind: 'local' },
    response: z.array(VirtualReceipt),
  }),
  clearReceipts: defineRoute({
    method: 'DELETE',
    path: '/api/receipts',
    summary: 'Forgets every receipt (the files written to disk stay)',
    access: { kind: 'local' },
    response: z.object({ ok: z.literal(true) }),
  }),
  receiptPreview: defineRoute({
    method: 'GET',
    path: '/receipts/:id/receipt.png',
    summary: "A receipt drawn as the printer would, one pixel per dot. 404 `not_found` for an id it does not keep",
    access: { kind: 'local' },
    response: { kind: 'file', contentType: 'image/png' },
  }),
  receiptText: defineRoute({
    method: 'GET',
    path: '/receipts/:id/receipt.txt',
    summary: 'A receipt\'s decoded text, QR codes as `[QR:payload]`. 404 `not_found` for an id it does not keep',
    access: { kind: 'local' },
    response: { kind: 'file', contentType: 'text/plain; charset=utf-8' },
  }),
  getState: defineRoute({
    method: 'GET',
    path: '/api/state',
    summary: 'The simulated state',
    access: { kind: 'local' },
    response: VirtualPrinterState,
  }),
  setState: defineRoute({
    method: 'POST',
    path: '/api/state',
    summary: 'Changes the fields given and answers the whole state. 400 `bad_request` for a field of the wrong kind',
    access: { kind: 'local' },
    body: VirtualPrinterStatePatch,
    response: VirtualPrinterState,
  }),
} as const;
