/**
 * How the computer keyboard maps onto the phone: digits and `*` `#` by the character they type
 * (so Shift+3 is `#` on a US layout and whatever types `#` elsewhere), the numpad by its physical
 * key (so it dials with Num Lock off too), Enter to call and Escape to hang up.
 */

/** The parts of a KeyboardEvent the mapping reads. */
export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** What a keyboard key means to the softphone. */
export type KeyboardCommand = { kind: 'dtmf'; key: string } | { kind: 'call' } | { kind: 'hangUp' };

const NUMPAD_DIGIT = /^Numpad([0-9])$/;
const DIAL_CHARACTER = /^[0-9*#]$/;

/** The command of a key press, or null when the key means nothing to the phone. */
export function keyboardCommand(event: KeyLike): KeyboardCommand | null {
  // Shortcuts of the browser or the OS (Ctrl+1 switches tabs) are not key presses on the phone.
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const numpad = NUMPAD_DIGIT.exec(event.code);
  if (numpad?.[1]) return { kind: 'dtmf', key: numpad[1] };
  if (event.code === 'NumpadMultiply') return { kind: 'dtmf', key: '*' };
  if (DIAL_CHARACTER.test(event.key)) return { kind: 'dtmf', key: event.key };
  if (event.key === 'Enter') return { kind: 'call' };
  if (event.key === 'Escape') return { kind: 'hangUp' };
  return null;
}
