/**
 * The `${refs}` an http node's request reads, as the Send request form lists them: the ones the
 * tester can type (plain variables), and the ones that come from elsewhere (system variables set
 * for each request, secrets from the environment, parts of a value an earlier step sets).
 */
import type { HttpNode } from '../../../../shared/flow/flow-schema.ts';
import { requestReferencePaths } from '../../../../shared/flow/flow-references.ts';
import { isSecretReference } from '../../../../shared/flow/template.ts';
import type { Scalar, VarMap } from '../../../../shared/variables.ts';
import { formatValue, isSystemVariable, readPath } from '../../../../shared/variables.ts';

/** Where a reference's value comes from. */
export type ReferenceKind = 'typed' | 'system' | 'secret' | 'nested';

/** A `${ref}` the request reads: a field on the Send request form, or a note of its source. */
export interface RequestReference {
  path: string;
  kind: ReferenceKind;
  /** The value it starts with (the environment's over the flow's), when it has one. */
  value: Scalar | undefined;
  /** That value as text ('' when none). */
  text: string;
}

/**
 * The references of `node` and of the headers the environment adds to every request (the same
 * walk main's send-request.ts makes), each with where its value comes from.
 */
export function requestReferences(
  node: HttpNode,
  flowVariables: VarMap,
  environmentVariables: VarMap,
  environmentHeaders: readonly string[] = [],
): RequestReference[] {
  return requestReferencePaths(node, environmentHeaders).map((path) => {
    const found = readPath(environmentVariables, path) ?? readPath(flowVariables, path);
    const scalar = found === undefined || typeof found === 'object' ? undefined : found;
    let kind: ReferenceKind = 'typed';
    if (isSecretReference(path)) kind = 'secret';
    else if (isSystemVariable(path)) kind = 'system';
    // A part of a value (account.balance), or a whole object: set by an earlier step, not typed.
    else if (path.includes('.') || (found !== undefined && typeof found === 'object'))
      kind = 'nested';
    return {
      path,
      kind,
      value: kind === 'secret' ? undefined : scalar,
      text: kind === 'secret' || found === undefined ? '' : formatValue(found),
    };
  });
}
