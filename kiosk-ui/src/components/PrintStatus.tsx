import { useEffect } from 'react';
import { speak } from '../speech/speak';
import { printJobText } from '../speech/screen-texts';
import { Notice } from './ScreenLayout';
import type { PrintView } from './usePrintJob';
import './PrintStatus.css';

export interface PrintStatusProps {
  view: PrintView;
  onRetry: () => void;
  /** 在屏幕上看: closes the print box; what would have printed is on screen. */
  onShowOnScreen: () => void;
}

/** The print job's state in plain words, spoken when it changes; faults offer retry or the screen. */
export function PrintStatus({ view, onRetry, onShowOnScreen }: PrintStatusProps) {
  const text = view.kind === 'job' ? printJobText(view.job) : view.kind === 'error' ? `打印没有成功。${view.message}` : '';
  useEffect(() => {
    if (text !== '') speak(text);
  }, [text]);
  if (view.kind === 'idle') return null;
  const failed = view.kind === 'error' || view.job.state === 'failed';
  const done = view.kind === 'job' && view.job.state === 'done';
  const state = view.kind === 'job' ? view.job.state : 'error';
  if (!failed) {
    return (
      <div className="print-status" data-testid="print-status" data-state={state}>
        <Notice kind={done ? 'ok' : 'info'}>{text}</Notice>
      </div>
    );
  }
  // A fault needs a decision: it sits above the screen so its buttons are never pushed off.
  return (
    <div className="overlay" role="alertdialog" aria-label="打印没有成功">
      <div className="overlay__box" data-testid="print-status" data-state={state}>
        <Notice kind="error">{text}</Notice>
        <div className="button-row">
          <button type="button" className="action-button action-button--primary" onClick={onRetry} data-testid="print-retry">
            重试
          </button>
          <button type="button" className="action-button" onClick={onShowOnScreen} data-testid="print-show-on-screen">
            在屏幕上看
          </button>
        </div>
      </div>
    </div>
  );
}
