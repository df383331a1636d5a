/**
 * The contract's flow editor: a flow file's text as the editor edits it, and the recorded prompts
 * it offers for a node's `audio` field.
 */

/** A flow file's text, exactly as on disk (a leading byte-order mark dropped). */
export interface FlowText {
  /** Absolute path of the file. */
  path: string;
  text: string;
}

/** A recording the editor offers for a node's `audio` field. */
export interface PromptFile {
  /**
   * The path as the flow's `audio` field holds it: relative to the flow file's folder, with
   * forward slashes (`../prompts/welcome.wav`).
   */
  audio: string;
  /** Its size in bytes. */
  size: number;
}
