import { artifactsDir } from '../support/artifacts';
import { viewports, type Orientation } from '../support/browser';
import type { KioskSuite } from '../support/kiosk-suite';
import { KioskPage } from './kiosk.page';
import { KioskTraces } from './kiosk-traces';
import { PaymentsPage } from './payments.page';
import { ReportPage } from './report.page';
import { TicketPage } from './ticket.page';

/** A kiosk page with its screens' models and what it said, sent and recorded (`KioskTraces`). */
export interface TracedKiosk {
  kiosk: KioskPage;
  traces: KioskTraces;
  payments: PaymentsPage;
  report: ReportPage;
  ticket: TicketPage;
}

/** Opens the kiosk at home in a new page, watched from its first load. */
export async function openTracedKiosk(suite: KioskSuite, orientation: Orientation = 'landscape', query = ''): Promise<TracedKiosk> {
  const page = await suite.browser.newPage({ viewport: viewports[orientation] });
  const traces = await KioskTraces.attach(page);
  const kiosk = new KioskPage(page, artifactsDir, orientation);
  await kiosk.open(suite.stack.agentUrl, query);
  return { kiosk, traces, payments: new PaymentsPage(kiosk), report: new ReportPage(kiosk), ticket: new TicketPage(kiosk) };
}
