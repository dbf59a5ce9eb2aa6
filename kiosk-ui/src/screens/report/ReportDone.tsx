import { formatTicketNumber } from '@sunshine/contracts';
import { printComplaintReceipt } from '../../agent/agent-api';
import { ReportIcon } from '../../components/Icons';
import { PrintStatus } from '../../components/PrintStatus';
import { PrivateSpeechNote } from '../../components/PrivateSpeechNote';
import { Notice, ScreenLayout } from '../../components/ScreenLayout';
import { usePrintJob } from '../../components/usePrintJob';
import { useSession } from '../../session/session';
import { useScreenSpeech } from '../../session/useScreenSpeech';
import { ticketCreatedSpeech, TICKET_PRIVATE } from '../../speech/personal-speech';

/**
 * The ticket number in huge grouped digits with 打印回执; number and PIN are spoken only
 * on 朗读. 办完了 ends the visit, so the next villager finds neither.
 */
export function ReportDone({ ticketNumber, pin }: { ticketNumber: string; pin: string }) {
  const { endVisit } = useSession();
  useScreenSpeech(ticketCreatedSpeech(ticketNumber, pin));
  const printer = usePrintJob(() => printComplaintReceipt(ticketNumber));
  return (
    <ScreenLayout title="已经收到" Icon={ReportIcon}>
      <Notice kind="ok">您反映的问题已经收到，请记下查询号</Notice>
      <p className="ticket-number" data-testid="ticket-number">{formatTicketNumber(ticketNumber)}</p>
      <p className="ticket-pin" data-testid="ticket-pin">查询密码 {pin}</p>
      <div className="button-row">
        <button type="button" className="action-button action-button--primary" onClick={() => void printer.print()} data-testid="print-receipt">
          打印回执
        </button>
        <button type="button" className="action-button" onClick={endVisit} data-testid="visit-finish">
          办完了，回首页
        </button>
        <PrivateSpeechNote what={TICKET_PRIVATE} />
      </div>
      <PrintStatus view={printer.view} onRetry={() => void printer.retry()} onShowOnScreen={printer.dismiss} />
    </ScreenLayout>
  );
}
