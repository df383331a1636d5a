/**
 * RFC 6901 JSON Pointers, the way every flow problem says where it is (`/nodes/auth/url`). The
 * encoding and the decoding live together so that the validator, the engine and the flow view
 * can never disagree on the escapes.
 */

/**
 * Escapes one segment: `~` first, then `/`, so that a `/` never turns into a `~` sequence that
 * is escaped again.
 */
export function encodePointerSegment(segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * Decodes one segment: `~1` first, then `~0` (RFC 6901, section 4), so that `~01` becomes `~1`
 * and not `/`.
 */
export function decodePointerSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** Builds a JSON Pointer from path segments; no segments give `''`, the whole document. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((segment) => '/' + encodePointerSegment(segment)).join('');
}

/**
 * The decoded segments of a pointer: `''` (the whole document) gives none, `'/'` one empty
 * segment. Throws on text that is not a pointer (anything but `''` must start with `/`).
 */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`not a JSON Pointer: ${JSON.stringify(pointer)}`);
  return pointer.slice(1).split('/').map(decodePointerSegment);
}
