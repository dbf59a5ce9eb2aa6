import { formatTicketNumber } from '@sunshine/contracts';
import { printComplaintReceipt } from '../../agent/agent-api';
import { ReportIcon } from '../../components/Icons';
import { PrintStatus } from '../../components/PrintStatus';
import { Notice, ScreenLayout } from '../../components/ScreenLayout';
import { usePrintJob } from '../../components/usePrintJob';
import { useScreenSpeech } from '../../session/useScreenSpeech';
import { ticketCreatedText } from '../../speech/screen-texts';

/** The ticket number in huge grouped digits, spoken digit by digit, with 打印回执. */
export function ReportDone({ ticketNumber, pin }: { ticketNumber: string; pin: string }) {
  useScreenSpeech(ticketCreatedText(ticketNumber, pin));
  const printer = usePrintJob(() => printComplaintReceipt(ticketNumber));
  return (
    <ScreenLayout title="已经收到" Icon={ReportIcon}>
      <Notice kind="ok">您反映的问题已经收到，请记下查询号</Notice>
      <p className="ticket-number" data-testid="ticket-number">{formatTicketNumber(ticketNumber)}</p>
      <p className="ticket-pin" data-testid="ticket-pin">查询密码 {pin}</p>
      <button type="button" className="action-button action-button--primary" onClick={() => void printer.print()} data-testid="print-receipt">
        打印回执
      </button>
      <PrintStatus view={printer.view} onRetry={() => void printer.retry()} onShowOnScreen={printer.dismiss} />
    </ScreenLayout>
  );
}
