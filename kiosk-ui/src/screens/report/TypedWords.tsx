import { useEffect, useRef } from 'react';

/**
 * Words from a hardware keyboard or a keyboard-wedge device, where one is attached.
 * A kiosk has no keyboard, so no text box is shown: a box nothing can type into only
 * puzzles a villager. The field is there but takes no room; the first key pressed moves
 * the focus into it (an IME's Chinese included), and what arrives is shown as words.
 */
export function TypedWords({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    // Before the key reaches a focused button: the character then lands in the field.
    const takeTyping = (event: KeyboardEvent) => {
      const element = field.current;
      if (element === null || document.activeElement === element) return;
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      if (event.key.length !== 1 && event.key !== 'Process' && event.key !== 'Backspace') return;
      element.focus();
      element.setSelectionRange(element.value.length, element.value.length);
    };
    window.addEventListener('keydown', takeTyping, true);
    return () => window.removeEventListener('keydown', takeTyping, true);
  }, []);

  return (
    <>
      <textarea
        ref={field}
        className="typed-words__field"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        maxLength={2000}
        tabIndex={-1}
        aria-label="用键盘写的话"
        data-testid="complaint-text"
      />
      {value.trim() !== '' && (
        <p className="typed-words" data-testid="typed-words">
          写的话：{value.trim()}
        </p>
      )}
    </>
  );
}
