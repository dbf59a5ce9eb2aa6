import { createApiClient, virtualPrinterApi } from '@sunshine/contracts';

/** The virtual printer's control page listens one port above its ESC/POS port. */
export function printerControlUrl(printerInterface: string): string {
  const port = Number(new URL(printerInterface.replace(/^tcp:/, 'http:')).port);
  return `http://127.0.0.1:${port + 1}`;
}

const printerClient = (printerInterface: string) => createApiClient({ baseUrl: printerControlUrl(printerInterface) });

/** Makes the virtual printer run out of paper (or get it back). */
export async function setPaper(printerInterface: string, paper: 'ok' | 'out'): Promise<void> {
  await printerClient(printerInterface).call(virtualPrinterApi.setState, { body: { paper } });
}

/** The text of every receipt printed so far. */
export async function printedTexts(printerInterface: string): Promise<string[]> {
  const receipts = await printerClient(printerInterface).call(virtualPrinterApi.listReceipts);
  return receipts.map((r) => r.text);
}
