/**
 * Decoding a response body as UTF-8 (../shared/spec/WEBHOOK.md): strictly for the verdict, lossily
 * for display.
 */

const strict = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

/** A decoded body: the text to show, and whether the bytes were valid UTF-8. */
export interface DecodedBody {
  text: string;
  valid: boolean;
}

/**
 * Length of the longest prefix that does not end inside a multi-byte sequence. A body cut at the
 * cap may split a character; that cut is ours, not the server's fault.
 */
function completePrefix(bytes: Uint8Array): number {
  const end = bytes.length;
  let start = end - 1;
  // Walk back over continuation bytes (10xxxxxx) to the lead byte of the last sequence.
  while (start >= 0 && end - start <= 4 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start--;
  if (start < 0) return end;
  const lead = bytes[start] ?? 0;
  const needed = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return end - start < needed ? start : end;
}

/**
 * Decodes bytes as UTF-8. With `cut` (the body was truncated) a character split by the cut is
 * dropped rather than reported as invalid.
 */
export function decodeBody(bytes: Uint8Array, cut: boolean): DecodedBody {
  const usable = cut ? bytes.subarray(0, completePrefix(bytes)) : bytes;
  try {
    return { text: strict.decode(usable), valid: true };
  } catch {
    return { text: lossy.decode(usable), valid: false };
  }
}
