import { Notice } from '../../components/ScreenLayout';
import { COMMON_PHRASES } from './category-icons';
import { TypedWords } from './TypedWords';
import type { useRecorder } from './useRecorder';

export interface MessageStepProps {
  recorder: ReturnType<typeof useRecorder>;
  /** The ready phrases picked, in the order tapped. */
  phrases: readonly string[];
  onTogglePhrase: (phrase: string) => void;
  /** Words from a keyboard or keyboard-wedge device, where one is attached. */
  typed: string;
  onTyped: (typed: string) => void;
  /** Tapping 按这里说话 answers a "please say something" error as much as a phrase does. */
  onStartRecording: () => void;
  onNext: () => void;
  error: string | null;
}

/**
 * Voice or ready phrases, no typing (the kiosk has no keyboard). 下一步 sits in a row of
 * its own under both columns and the error beside it, so an error never moves it.
 */
export function MessageStep({ recorder, phrases, onTogglePhrase, typed, onTyped, onStartRecording, onNext, error }: MessageStepProps) {
  const { state } = recorder;
  return (
    <div className="message-step">
      <div className="recorder" data-testid="recorder" data-state={state.kind}>
        {state.kind === 'recording' ? (
          <button type="button" className="record-button record-button--on" onClick={recorder.stop} data-testid="record-stop">
            ■ 停止 · {state.seconds} 秒
          </button>
        ) : (
          <button type="button" className="record-button" onClick={onStartRecording} data-testid="record-start">
            ● {state.kind === 'recorded' ? '重新录音' : '按这里说话'}
          </button>
        )}
        {state.kind === 'recorded' && (
          <button type="button" className="action-button" onClick={recorder.play} data-testid="record-play">
            ▶ 听一遍（{state.seconds} 秒）
          </button>
        )}
        {state.kind === 'unavailable' && <Notice kind="error">{state.message}</Notice>}
        <p className="recorder__hint">最长可以说 3 分钟</p>
        <TypedWords value={typed} onChange={onTyped} />
      </div>
      <div className="phrases">
        <p>或者点常用的话（再点一下取消）：</p>
        {COMMON_PHRASES.map((phrase) => {
          const isPicked = phrases.includes(phrase);
          return (
            <button
              key={phrase}
              type="button"
              className={isPicked ? 'phrase-button phrase-button--picked' : 'phrase-button'}
              aria-pressed={isPicked}
              onClick={() => onTogglePhrase(phrase)}
              data-testid="phrase"
            >
              {isPicked ? '✓ ' : ''}
              {phrase}
            </button>
          );
        })}
      </div>
      <div className="message-step__footer">
        <button type="button" className="action-button action-button--primary message-step__next" onClick={onNext} data-testid="message-next">
          下一步
        </button>
        {error !== null && <Notice kind="error" testId="message-error">{error}</Notice>}
      </div>
    </div>
  );
}
