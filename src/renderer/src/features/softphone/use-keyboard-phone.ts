/**
 * Listens to the computer keyboard for the softphone: digits, `*`, `#` and the numpad press keys;
 * Enter places a call; Escape hangs up.
 */
import { useEffect, useRef } from 'react';
import { hasOwnEnter, isTypingTarget } from './key-targets.ts';
import { keyboardCommand } from './keyboard-keys.ts';

/** What the keyboard can do. */
export interface KeyboardPhoneHandlers {
  /** A DTMF key; called inside the keydown handler, so it may start a tone. */
  onKey(key: string): void;
  onCall(): void;
  onHangUp(): void;
}

/**
 * Attaches the keyboard while `active` (off while a dialog is open, for example).
 */
export function useKeyboardPhone(handlers: KeyboardPhoneHandlers, active: boolean): void {
  // The listener is attached once per `active` change; handlers are read fresh at each key.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  }, [handlers]);

  useEffect(() => {
    if (!active) return undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const command = keyboardCommand(event);
      if (!command) return;
      if (command.kind === 'dtmf') {
        // Holding a key down repeats keydown; a phone sends one digit per press.
        if (event.repeat) return;
        event.preventDefault();
        latest.current.onKey(command.key);
      } else if (command.kind === 'call') {
        if (hasOwnEnter(event.target)) return;
        event.preventDefault();
        latest.current.onCall();
      } else {
        latest.current.onHangUp();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active]);
}
