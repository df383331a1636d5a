/**
 * Which validation problems belong to which field of the node being edited, by JSON Pointer
 * (RFC 6901: `/nodes/<id>/<field>/…`, with `~1` for `/` and `~0` for `~`). Pure.
 */

/** A validation problem, as the editor's validator reports it. */
export interface FieldProblem {
  severity: 'error' | 'warning';
  pointer: string;
  code: string;
  message: string;
}

/** Escapes one JSON Pointer segment. */
export function pointerSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** The pointer's segments, unescaped (`/a~1b/0` is `['a/b', '0']`). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The field of node `nodeId` a pointer is at or inside, or null (the node itself, another node). */
export function fieldOfPointer(pointer: string, nodeId: string): string | null {
  const [root, id, field] = pointerSegments(pointer);
  return root === 'nodes' && id === nodeId && field !== undefined ? field : null;
}

/** The problems at or inside field `name`, errors first. */
export function problemsOfField(
  problems: readonly FieldProblem[],
  nodeId: string,
  name: string,
): FieldProblem[] {
  return problems
    .filter((problem) => fieldOfPointer(problem.pointer, nodeId) === name)
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** The problems of no field in `fields` (the node as a whole, or a field the schema lacks). */
export function problemsOfNode(
  problems: readonly FieldProblem[],
  nodeId: string,
  fields: readonly string[],
): FieldProblem[] {
  return problems.filter((problem) => {
    const field = fieldOfPointer(problem.pointer, nodeId);
    return field === null || !fields.includes(field);
  });
}

/**
 * Where to focus for a pointer inside node `nodeId`: the `data-path` values (segments after the
 * node, joined by `/`) to look for, the most precise first (`cases/0/if/var`, `cases/0/if`,
 * `cases/0`, `cases`); none for a pointer outside the node's fields.
 */
export function focusPaths(pointer: string, nodeId: string): string[] {
  const [root, id, ...rest] = pointerSegments(pointer);
  if (root !== 'nodes' || id !== nodeId) return [];
  return rest.map((_, index) => rest.slice(0, rest.length - index).join('/'));
}
