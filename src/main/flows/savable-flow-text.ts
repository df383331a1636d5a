/**
 * What a flow text must be before the editor may write it to a file: within the flow file limit,
 * valid Unicode (an unpaired surrogate would be written as U+FFFD, so the file would not hold the
 * text), and JSON. Whether it is a valid flow is the validator's to say: an unfinished flow may be
 * saved, a file that is not JSON any more may not (no tool could open it again).
 */
import { locationOf } from '../../shared/flow/json-error-location.ts';
import { validateFlowText } from '../../shared/flow/validate-flow.ts';

/** An unpaired UTF-16 surrogate: a high one not followed by a low one, or a low one alone. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why `text` may not be saved as a flow file of at most `maxBytes` (UTF-8) bytes, written to
 * follow "the flow text "; null when it may.
 */
export function unsavableFlowText(text: string, maxBytes: number): string | null {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    return `is ${bytes} bytes; flow files are at most ${maxBytes / 1024 / 1024} MiB`;
  }
  const lone = LONE_SURROGATE.exec(text);
  if (lone !== null) {
    const { line, column } = locationOf(text, lone.index);
    return `holds a broken character (an unpaired UTF-16 surrogate) at line ${line} column ${column}`;
  }
  try {
    JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return null;
  } catch {
    // The validator's own wording, with the line and column the JSON scanner finds.
    const problem = validateFlowText(text).problems.find((p) => p.code === 'invalid-json');
    return `is ${problem?.message ?? 'not valid JSON'}`;
  }
}
