import { useEffect } from 'react';
import { speak } from '../speech/speak';
import { IDLE_PROMPT } from '../speech/screen-texts';

/** "还在使用吗?" with the seconds left; any tap keeps the villager's screen. */
export function IdleOverlay({ secondsLeft, onContinue }: { secondsLeft: number; onContinue: () => void }) {
  useEffect(() => speak(IDLE_PROMPT), []);
  return (
    <div className="overlay" onClick={onContinue} role="alertdialog" aria-labelledby="idle-question" data-testid="idle-overlay">
      <div className="overlay__box">
        <h2 id="idle-question" className="overlay__title">
          还在使用吗？
        </h2>
        <p className="overlay__count" data-testid="idle-countdown">
          {secondsLeft} 秒后回到首页，您查过的内容会被清除
        </p>
        <button type="button" className="action-button action-button--primary" data-testid="idle-continue">
          我还要用
        </button>
      </div>
    </div>
  );
}
