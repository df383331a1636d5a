/**
 * The 3x4 phone keypad. A key sounds on pointer-down, as on a real phone; keyboard activation of a
 * focused key (Enter or Space) arrives as a click with `detail === 0` and presses it too.
 */
import type { MouseEvent, PointerEvent, ReactElement } from 'react';

/** One key: what it dials, the letters under it, its spoken name. */
interface PadKey {
  key: string;
  letters: string;
  name: string;
}

const KEYS: readonly PadKey[] = [
  { key: '1', letters: '', name: '1' },
  { key: '2', letters: 'ABC', name: '2' },
  { key: '3', letters: 'DEF', name: '3' },
  { key: '4', letters: 'GHI', name: '4' },
  { key: '5', letters: 'JKL', name: '5' },
  { key: '6', letters: 'MNO', name: '6' },
  { key: '7', letters: 'PQRS', name: '7' },
  { key: '8', letters: 'TUV', name: '8' },
  { key: '9', letters: 'WXYZ', name: '9' },
  { key: '*', letters: '', name: 'star' },
  { key: '0', letters: '+', name: '0' },
  { key: '#', letters: '', name: 'hash' },
];

/** Props of {@link Keypad}. */
export interface KeypadProps {
  /** Called synchronously inside the gesture's event handler. */
  onPress(key: string): void;
  /** The key to show as pressed (a keyboard press lights its button briefly). */
  litKey: string | null;
}

/** Twelve dial keys, pressed by pointer-down or Enter/Space on a focused key; one can be lit. */
export function Keypad({ onPress, litKey }: KeypadProps): ReactElement {
  const pointerDown = (key: string) => (event: PointerEvent<HTMLButtonElement>) => {
    if (event.button !== 0) return;
    onPress(key);
  };
  const click = (key: string) => (event: MouseEvent<HTMLButtonElement>) => {
    // Pointer clicks already pressed on pointer-down; only keyboard activation is left.
    if (event.detail === 0) onPress(key);
  };
  return (
    <div className="keypad" role="group" aria-label="Keypad">
      {KEYS.map(({ key, letters, name }) => (
        <button
          key={key}
          type="button"
          className={`keypad__key${litKey === key ? ' is-lit' : ''}`}
          aria-label={`Key ${name}`}
          onPointerDown={pointerDown(key)}
          onClick={click(key)}
        >
          <span className="keypad__digit" aria-hidden="true">
            {key}
          </span>
          <span className="keypad__letters" aria-hidden="true">
            {letters || '\u00a0'}
          </span>
        </button>
      ))}
    </div>
  );
}
