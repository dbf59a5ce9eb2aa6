import { privateNoteText } from '../speech/screen-speech';
import './PrivateSpeechNote.css';

/**
 * One quiet line saying what the arrival speech says: `what` is read only when 朗读 is
 * pressed. Placed beside a screen's buttons it takes no height of its own in landscape.
 */
export function PrivateSpeechNote({ what }: { what: string }) {
  return (
    <p className="private-note" data-testid="private-speech-note">
      <span aria-hidden="true">ⓘ </span>
      {privateNoteText(what)}
    </p>
  );
}
