import type { ComplaintSubject } from '@sunshine/contracts';
import { useSession } from '../session/session';
import './AskAboutButton.css';

/** 对此有疑问: starts a complaint about the item on screen (docs/design.md §14, Open311). */
export function AskAboutButton({ subject }: { subject: ComplaintSubject }) {
  const { startComplaint } = useSession();
  return (
    <button
      type="button"
      className="action-button action-button--ask"
      onClick={() => startComplaint(subject)}
      data-testid="ask-about"
    >
      对此有疑问
    </button>
  );
}
