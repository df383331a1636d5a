/**
 * What playing a node's `audio` comes to (../shared/spec/FLOW.md, "Recorded prompts"): the
 * recording for its length with its caption, or, for one the flow was loaded without, a warning
 * and the caption spoken instead.
 */
import type { RecordingLengths } from './call-types.ts';

/** A recording to play, or what to do instead. */
export type RecordedPrompt =
  | { kind: 'play'; text: string; lengthMs: number }
  | { kind: 'unavailable'; warning: string; speak: string | undefined };

/**
 * Decides how `audio` plays, given the lengths read when the flow was loaded. The caption is
 * `say` rendered; without one (or an empty one), `[audio <path>]` stands for it in `spoken`.
 */
export function recordedPrompt(
  recordings: RecordingLengths | undefined,
  audio: string,
  caption: string | undefined,
): RecordedPrompt {
  const lengthMs = recordings?.get(audio);
  if (lengthMs === undefined) {
    // Only a flow loaded without its files gets here (a flow file is refused when one is
    // missing): the caption still reaches the caller.
    const instead = caption ? 'its caption is spoken instead' : 'nothing is played';
    return {
      kind: 'unavailable',
      warning: `recording "${audio}" was not loaded; ${instead}`,
      speak: caption,
    };
  }
  const text = caption !== undefined && caption.trim() !== '' ? caption : `[audio ${audio}]`;
  return { kind: 'play', text, lengthMs };
}
