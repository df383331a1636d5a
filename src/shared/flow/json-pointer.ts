/**
 * RFC 6901 JSON Pointers, the way every flow problem says where it is (`/nodes/auth/url`).
 */

/** Builds a JSON Pointer from path segments, escaping `~` and `/`. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}
