import { louder, MAX_VOLUME_STEP, quieter, repeatLast, speak, togglePause } from '../speech/speak';
import { useSpeechState } from '../speech/useSpeech';
import { SpeakerIcon } from './Icons';
import './SpeechBar.css';

/**
 * Always at the bottom (docs/design.md §7, §14): read this screen, repeat, pause, and volume in
 * 3 dB steps. The volume level is shown in words and as bars, never by colour alone.
 */
export function SpeechBar({ screenText }: { screenText: string }) {
  const speech = useSpeechState();
  const level = speech.volumeStep + 1;
  return (
    <footer className="speech-bar" aria-label="朗读">
      <button type="button" className="speech-button" onClick={() => speak(screenText)} data-testid="read-aloud">
        <SpeakerIcon className="speech-button__icon" />
        <span>朗读</span>
      </button>
      <button type="button" className="speech-button" onClick={repeatLast} data-testid="speech-repeat">
        <span aria-hidden="true">↻</span>
        <span>重复</span>
      </button>
      <button
        type="button"
        className="speech-button"
        onClick={togglePause}
        disabled={!speech.isSpeaking}
        data-testid="speech-pause"
      >
        <span aria-hidden="true">{speech.isPaused ? '▶' : 'Ⅱ'}</span>
        <span>{speech.isPaused ? '继续' : '暂停'}</span>
      </button>
      <div className="volume" data-testid="volume" data-step={speech.volumeStep}>
        <button
          type="button"
          className="speech-button speech-button--small"
          onClick={quieter}
          disabled={speech.volumeStep === 0}
          data-testid="volume-down"
        >
          小声
        </button>
        <span className="volume__level" aria-live="polite">
          <span className="volume__bars" aria-hidden="true">
            {Array.from({ length: MAX_VOLUME_STEP + 1 }, (_, i) => (
              <span key={i} className={i < level ? 'volume__bar volume__bar--on' : 'volume__bar'} />
            ))}
          </span>
          <span>
            音量 {level}/{MAX_VOLUME_STEP + 1}
          </span>
        </span>
        <button
          type="button"
          className="speech-button speech-button--small"
          onClick={louder}
          disabled={speech.volumeStep === MAX_VOLUME_STEP}
          data-testid="volume-up"
        >
          大声
        </button>
      </div>
    </footer>
  );
}
