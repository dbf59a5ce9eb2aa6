import { useRef } from 'react';
import './StaffCorner.css';

const TAPS = 5;
const WINDOW_MS = 3_000;

/** An unmarked corner: five taps within three seconds open the staff PIN (docs/design.md §8). */
export function StaffCorner({ onOpen }: { onOpen: () => void }) {
  const taps = useRef<number[]>([]);
  const handleTap = () => {
    const now = Date.now();
    taps.current = [...taps.current.filter((t) => now - t < WINDOW_MS), now];
    if (taps.current.length >= TAPS) {
      taps.current = [];
      onOpen();
    }
  };
  return <div className="staff-corner" onPointerDown={handleTap} data-testid="staff-corner" aria-hidden="true" />;
}
