import { formatTicketNumber, TICKET_STATUS_WORDS, type AgentTicket } from '@sunshine/contracts';
import { useState } from 'react';
import { errorMessage } from '../../agent/agent-request';
import { getTicket } from '../../agent/agent-api';
import { TicketIcon } from '../../components/Icons';
import { Keypad } from '../../components/Keypad';
import { PrivateSpeechNote } from '../../components/PrivateSpeechNote';
import { Notice, ScreenLayout } from '../../components/ScreenLayout';
import { PIN_KEYPAD } from '../../keypad/keypad-logic';
import { formatIsoDate } from '../../format/format-data-date';
import { REPLY_PRIVATE } from '../../speech/personal-speech';
import { isTicketLate } from '../../speech/screen-texts';
import { speak } from '../../speech/speak';

/** Status in words, expected reply date (late said plainly), timeline, and the reply after the PIN. */
export function TicketStatusView({ ticket, onTicket }: { ticket: AgentTicket; onTicket: (t: AgentTicket) => void }) {
  const [pin, setPin] = useState('');
  const [isAskingPin, setAskingPin] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const late = isTicketLate(ticket);

  const handlePin = async (next: string) => {
    setPin(next);
    setError(null);
    if (next.length < 4) return;
    try {
      const withReply = await getTicket(ticket.ticketNumber, next);
      setAskingPin(false);
      onTicket(withReply);
    } catch (caught: unknown) {
      const message = errorMessage(caught);
      setError(message);
      speak(message);
      setPin('');
    }
  };

  if (isAskingPin) {
    return (
      <ScreenLayout title="查看答复" Icon={TicketIcon} hint="输入回执上的4位查询密码">
        <div className="entry">
          <div className="entry__side">
            <p className="entry__display" data-testid="pin-display">{'●'.repeat(pin.length) || '\u00a0'}</p>
            <Notice kind={error === null ? 'info' : 'error'} testId="pin-feedback">
              {error ?? '查询密码印在回执上，是4位数字'}
            </Notice>
          </div>
          <Keypad value={pin} rules={PIN_KEYPAD} onChange={(next) => void handlePin(next)} />
        </div>
      </ScreenLayout>
    );
  }

  return (
    <ScreenLayout title="查进度" Icon={TicketIcon} hint={formatTicketNumber(ticket.ticketNumber)}>
      <p className="status-words" data-testid="ticket-status">
        <span aria-hidden="true">● </span>
        {TICKET_STATUS_WORDS[ticket.status]}
      </p>
      {ticket.pendingDelivery && <Notice kind="info" testId="ticket-pending">网络恢复后会自动上报，请放心</Notice>}
      {ticket.expectedReplyBy !== null && (
        <Notice kind={late ? 'error' : 'info'} testId="ticket-deadline">
          应在 {formatIsoDate(ticket.expectedReplyBy)} 前答复{late ? '。已经超过期限，我们会督促办理' : ''}
        </Notice>
      )}
      <ol className="timeline" data-testid="ticket-timeline">
        {ticket.timeline.slice(-4).map((entry) => (
          <li key={`${entry.status}-${entry.at}`}>
            <span className="timeline__date">{formatIsoDate(entry.at)}</span>
            <span>{TICKET_STATUS_WORDS[entry.status]}{entry.note === null ? '' : `：${entry.note}`}</span>
          </li>
        ))}
      </ol>
      {ticket.reply !== null && (
        <div className="reply" data-testid="ticket-reply">
          <h2 className="reply__title">答复</h2>
          <p>{ticket.reply}</p>
        </div>
      )}
      {ticket.reply !== null && <PrivateSpeechNote what={REPLY_PRIVATE} />}
      {ticket.reply === null && ticket.hasReply && (
        <button type="button" className="action-button action-button--primary" onClick={() => setAskingPin(true)} data-testid="ticket-ask-pin">
          输入密码看答复
        </button>
      )}
    </ScreenLayout>
  );
}
