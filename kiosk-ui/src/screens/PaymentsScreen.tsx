import { checkIdNumber } from '@sunshine/contracts';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../agent/agent-request';
import { lookupPayments } from '../agent/agent-api';
import { PaymentsIcon } from '../components/Icons';
import { Keypad } from '../components/Keypad';
import { Notice, ScreenLayout } from '../components/ScreenLayout';
import { idTypingFeedback } from '../keypad/id-feedback';
import { groupForDisplay, ID_KEYPAD } from '../keypad/keypad-logic';
import { useSession } from '../session/session';
import { useScreenSpeech } from '../session/useScreenSpeech';
import { speak } from '../speech/speak';
import { paymentsResultSpeech } from '../speech/personal-speech';
import { ID_PROMPT } from '../speech/screen-texts';
import { PaymentsResult } from './payments/PaymentsResult';
import './payments/payments.css';

/** 查补贴: the ID on the keypad, then the person's payments by programme and year. */
export function PaymentsScreen() {
  const session = useSession();
  const lookup = session.data.payments;
  const [idNumber, setIdNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  // A lookup still on its way when the villager leaves is dropped with the screen.
  const pending = useRef<AbortController | null>(null);
  useEffect(() => () => pending.current?.abort(), []);

  useScreenSpeech(lookup === null ? ID_PROMPT : paymentsResultSpeech(lookup.result));

  const handleChange = (next: string) => {
    setIdNumber(next);
    setError(null);
    const feedback = idTypingFeedback(next);
    if (next.length === 18) speak(feedback.text);
  };

  const handleSubmit = async () => {
    const check = checkIdNumber(idNumber);
    if (!check.ok) {
      setError(check.message);
      speak(check.message);
      return;
    }
    setBusy(true);
    const controller = new AbortController();
    pending.current = controller;
    try {
      const result = await lookupPayments(check.idNumber, controller.signal);
      session.update({ payments: { idNumber: check.idNumber, result } });
      setIdNumber('');
    } catch (caught: unknown) {
      if (controller.signal.aborted) return;
      const message = errorMessage(caught);
      setError(message);
      speak(message);
    } finally {
      setBusy(false);
    }
  };

  if (lookup !== null) return <PaymentsResult idNumber={lookup.idNumber} result={lookup.result} />;

  const feedback = idTypingFeedback(idNumber);
  return (
    <ScreenLayout title="查补贴" Icon={PaymentsIcon} hint="输入身份证号码">
      <div className="entry">
        <div className="entry__side">
          <p className="entry__display" data-testid="id-display" aria-live="polite">
            {idNumber === '' ? '\u00a0' : groupForDisplay(idNumber, [6, 8, 4])}
          </p>
          <Notice kind={error !== null || feedback.isError ? 'error' : 'info'} testId="id-feedback">
            {error ?? feedback.text}
          </Notice>
          <button
            type="button"
            className="action-button action-button--primary"
            onClick={() => void handleSubmit()}
            disabled={isBusy}
            data-testid="id-submit"
          >
            {isBusy ? '正在查询…' : '查询'}
          </button>
        </div>
        <Keypad value={idNumber} rules={ID_KEYPAD} onChange={handleChange} />
      </div>
    </ScreenLayout>
  );
}
