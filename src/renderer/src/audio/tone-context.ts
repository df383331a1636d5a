/**
 * The Tone.js context that live key tones play in.
 */
import type { BaseContext } from './tone.ts';
import { Context, setContext } from './tone.ts';

let shared: BaseContext | undefined;

/**
 * Returns the live context, creating it on first use and installing it as Tone's global context
 * (so `getContext()`, `start()` and any other Tone.js code share it).
 *
 * Why not Tone's own default: that one ticks its clock in a Web Worker made from a `blob:` URL,
 * which the renderer's Content-Security-Policy (`script-src 'self'`) blocks with a console error.
 * This one ticks with `setTimeout`; key tones never use Tone's clock anyway (they are scheduled
 * directly on `currentTime`). See also `tone.ts` on importing Tone without creating the default.
 */
export function getDtmfContext(): BaseContext {
  if (!shared) {
    shared = new Context({ clockSource: 'timeout', latencyHint: 'interactive' });
    setContext(shared);
  }
  return shared;
}
