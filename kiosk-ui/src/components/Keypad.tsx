import { applyKey, type KeypadKey, type KeypadRules } from '../keypad/keypad-logic';
import './Keypad.css';

export interface KeypadProps {
  value: string;
  rules: KeypadRules;
  onChange: (value: string) => void;
}

const DIGIT_ROWS: readonly KeypadKey[][] = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
];

const LABELS: Partial<Record<KeypadKey, string>> = { delete: '删除', clear: '清空' };

/** The large numeric keypad of docs/design.md §8: digits, X for IDs (else 清空), and 删除. */
export function Keypad({ value, rules, onChange }: KeypadProps) {
  const rows: KeypadKey[][] = [...DIGIT_ROWS, [rules.allowX ? 'X' : 'clear', '0', 'delete']];
  return (
    <div className="keypad" role="group" aria-label="数字键盘">
      {rows.flat().map((key) => (
        <button
          key={key}
          type="button"
          className={`keypad__key${LABELS[key] === undefined ? '' : ' keypad__key--word'}`}
          onClick={() => onChange(applyKey(value, key, rules))}
          data-testid={`key-${key}`}
        >
          {LABELS[key] ?? key}
        </button>
      ))}
    </div>
  );
}
