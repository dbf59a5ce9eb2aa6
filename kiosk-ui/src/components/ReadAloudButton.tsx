import { speak } from '../speech/speak';
import { SpeakerIcon } from './Icons';

/** The big 朗读 button every screen carries (DESIGN §7). */
export function ReadAloudButton({ text }: { text: string }) {
  return (
    <button
      type="button"
      className="action-button"
      onClick={() => speak(text)}
      data-testid="read-aloud"
    >
      <SpeakerIcon className="action-button__icon" />
      <span>朗读</span>
    </button>
  );
}
