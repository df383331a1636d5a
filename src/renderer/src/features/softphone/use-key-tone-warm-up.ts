/**
 * Opens the key-tone audio on the page's first user gesture, whatever it is, so the first key
 * press already finds a running audio context (browsers only start one from a gesture).
 */
import { useEffect } from 'react';
import { prepareKeyTones } from './key-tones.ts';

/** Prepares key tones on the first pointer-down or key-down anywhere in the page. */
export function useKeyToneWarmUp(): void {
  useEffect(() => {
    const warmUp = (): void => {
      prepareKeyTones();
      window.removeEventListener('pointerdown', warmUp, true);
      window.removeEventListener('keydown', warmUp, true);
    };
    // Capture phase: runs before the gesture's own handler (a key press then finds the player).
    window.addEventListener('pointerdown', warmUp, true);
    window.addEventListener('keydown', warmUp, true);
    return () => {
      window.removeEventListener('pointerdown', warmUp, true);
      window.removeEventListener('keydown', warmUp, true);
    };
  }, []);
}
