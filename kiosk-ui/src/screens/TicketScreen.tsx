import { isValidTicketNumber, TICKET_NUMBER_MESSAGE, type AgentTicket } from '@sunshine/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../agent/agent-request';
import { getTicket } from '../agent/agent-api';
import { TicketIcon } from '../components/Icons';
import { Keypad } from '../components/Keypad';
import { Notice, ScreenLayout } from '../components/ScreenLayout';
import { applyKey, groupForDisplay, sanitizeTyped, TICKET_KEYPAD, type KeypadKey } from '../keypad/keypad-logic';
import { useBackHandler, useScreenSpeech } from '../session/useScreenSpeech';
import { speak } from '../speech/speak';
import { ticketStatusSpeech } from '../speech/personal-speech';
import { TicketStatusView } from './ticket/TicketStatusView';
import './ticket/ticket.css';

export const TICKET_PROMPT = '请输入回执上的十二位查询号，也可以把回执上的二维码对准扫描口。输完后按“查询”。';

/** 查进度: the ticket number by keypad or scanner, then its status, timeline and reply. */
export function TicketScreen() {
  const [value, setValue] = useState('');
  const [ticket, setTicket] = useState<AgentTicket | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const submitRef = useRef<(number: string) => void>(() => undefined);

  useScreenSpeech(ticket === null ? TICKET_PROMPT : ticketStatusSpeech(ticket));
  useBackHandler(
    useCallback(() => {
      if (ticket === null) return false;
      setTicket(null);
      return true;
    }, [ticket]),
  );

  const submit = async (number: string) => {
    if (!isValidTicketNumber(number)) {
      setError(TICKET_NUMBER_MESSAGE);
      speak(TICKET_NUMBER_MESSAGE);
      return;
    }
    setBusy(true);
    try {
      setTicket(await getTicket(number));
      setError(null);
    } catch (caught: unknown) {
      const message = errorMessage(caught);
      setError(message);
      speak(message);
    } finally {
      setBusy(false);
    }
  };
  submitRef.current = (number) => void submit(number);

  // Keyboard-wedge scanners type the number and press Enter; a staff keyboard works alike.
  useEffect(() => {
    if (ticket !== null) return;
    const handleKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter') {
        setValue((current) => {
          submitRef.current(current);
          return current;
        });
        return;
      }
      if (event.key === 'Backspace') setValue((current) => applyKey(current, 'delete', TICKET_KEYPAD));
      else if (/^\d$/.test(event.key)) setValue((current) => applyKey(current, event.key as KeypadKey, TICKET_KEYPAD));
    };
    const handlePaste = (event: ClipboardEvent) => setValue(sanitizeTyped(event.clipboardData?.getData('text') ?? '', TICKET_KEYPAD));
    window.addEventListener('keydown', handleKey);
    window.addEventListener('paste', handlePaste);
    return () => {
      window.removeEventListener('keydown', handleKey);
      window.removeEventListener('paste', handlePaste);
    };
  }, [ticket]);

  if (ticket !== null) return <TicketStatusView ticket={ticket} onTicket={setTicket} />;

  return (
    <ScreenLayout title="查进度" Icon={TicketIcon} hint="输入或扫描查询号">
      <div className="entry">
        <div className="entry__side">
          <p className="entry__display" data-testid="ticket-display" aria-live="polite">
            {value === '' ? '\u00a0' : groupForDisplay(value, [4, 7, 1])}
          </p>
          <Notice kind={error === null ? 'info' : 'error'} testId="ticket-feedback">
            {error ?? (value.length < 12 ? `已输入${value.length}位，共12位` : '请按“查询”')}
          </Notice>
          <button
            type="button"
            className="action-button action-button--primary"
            onClick={() => void submit(value)}
            disabled={isBusy}
            data-testid="ticket-submit"
          >
            {isBusy ? '正在查询…' : '查询'}
          </button>
        </div>
        <Keypad value={value} rules={TICKET_KEYPAD} onChange={(next) => { setValue(next); setError(null); }} />
      </div>
    </ScreenLayout>
  );
}
