import { privateNoteText } from '../speech/screen-speech';
import { Notice } from './ScreenLayout';

/** Says on screen what the arrival speech says: `what` is read only when 朗读 is pressed. */
export function PrivateSpeechNote({ what }: { what: string }) {
  return (
    <Notice kind="info" testId="private-speech-note">
      {privateNoteText(what)}
    </Notice>
  );
}
