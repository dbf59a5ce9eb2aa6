/** The virtual printer's control page listens one port above its ESC/POS port. */
export function printerControlUrl(printerInterface: string): string {
  const port = Number(new URL(printerInterface.replace(/^tcp:/, 'http:')).port);
  return `http://127.0.0.1:${port + 1}`;
}

/** Makes the virtual printer run out of paper (or get it back). */
export async function setPaper(printerInterface: string, paper: 'ok' | 'out'): Promise<void> {
  const response = await fetch(`${printerControlUrl(printerInterface)}/api/state`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ paper }),
  });
  if (!response.ok) throw new Error(`virtual printer refused the state: ${response.status}`);
}

/** The text of every receipt printed so far. */
export async function printedTexts(printerInterface: string): Promise<string[]> {
  const response = await fetch(`${printerControlUrl(printerInterface)}/api/receipts`);
  const receipts = (await response.json()) as { text: string }[];
  return receipts.map((r) => r.text);
}
