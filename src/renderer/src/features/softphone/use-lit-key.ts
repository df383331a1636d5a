/**
 * Lights a keypad key for a moment after it is pressed, so keyboard presses show on the keypad.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

const LIT_MS = 150;

/** The lit key and a function that lights one. */
export function useLitKey(): [string | null, (key: string) => void] {
  const [lit, setLit] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const light = useCallback((key: string) => {
    setLit(key);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setLit(null), LIT_MS);
  }, []);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return [lit, light];
}
