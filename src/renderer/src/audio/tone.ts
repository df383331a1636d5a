/**
 * The parts of Tone.js this module uses, imported by deep path on purpose. The package index
 * (`import … from 'tone'`) calls `getContext()` while it loads, for its legacy `Tone.context`,
 * `Tone.Transport`, `Tone.Destination` exports; that creates a default context whose clock runs in
 * a `blob:` Web Worker, which the renderer's CSP (`script-src 'self'`) blocks with a console
 * error. So the renderer must import Tone through here (or other deep paths), never from 'tone'.
 */
// Side effect: registers the creation of `context.destination` for every context.
import 'tone/build/esm/core/context/Destination.js';

export type { BaseContext } from 'tone/build/esm/core/context/BaseContext.js';
export { Context } from 'tone/build/esm/core/context/Context.js';
export { Gain } from 'tone/build/esm/core/context/Gain.js';
export { setContext } from 'tone/build/esm/core/context/GlobalContext.js';
export { Offline } from 'tone/build/esm/core/context/Offline.js';
export { ToneOscillatorNode } from 'tone/build/esm/source/oscillator/ToneOscillatorNode.js';
