/**
 * The dataflow checks of references: every `${...}` in a template and every variable a condition
 * reads is well formed, a secret only where a request is rendered, and a variable defined on
 * every path into the node.
 */
import type { Flow, FlowNode } from '../flow-schema.ts';
import { definedOnEntry } from '../defined-on-entry.ts';
import { conditionReads, definedAnywhere, nodeTemplates } from '../flow-references.ts';
import type { DefinedOnEntry } from '../flow-references.ts';
import { findReferences, isSecretReference, referenceRoot } from '../template.ts';
import type { Path, Problems } from './problems.ts';

/** Checks every reference of every node; `next` is the flow's successor map. */
export function checkReferences(flow: Flow, next: Map<string, string[]>, problems: Problems): void {
  const entry = definedOnEntry(flow, next);
  const anywhere = definedAnywhere(flow);
  for (const [id, node] of Object.entries(flow.nodes)) {
    // A send-on-hang-up request renders with the variables at the end of the call.
    const scope: DefinedOnEntry | undefined =
      node.type === 'http' && node.sendOnHangup ? anywhere : entry.get(id);
    for (const { field, template } of nodeTemplates(node)) {
      for (const ref of findReferences(template)) {
        const path: Path = ['nodes', id, ...field];
        if (!ref.valid) {
          problems.error(
            path,
            'invalid-reference',
            `invalid reference \${${ref.path}}: use \${name} or \${name.field}`,
          );
        } else if (isSecretReference(ref.path)) {
          // Anywhere but a request, a secret would be spoken, stored in a variable and logged.
          if (!secretAllowed(node, field)) {
            problems.error(
              path,
              'secret-not-allowed',
              `\${${ref.path}} is not allowed here: secrets go only in an http node's url, headers or body`,
            );
          }
        } else if (scope && !isDefined(ref.path, scope)) {
          problems.warning(path, 'unknown-variable', `unknown variable \${${ref.path}}`);
        }
      }
    }
    for (const read of conditionReads(node)) {
      const path: Path = ['nodes', id, ...read.field];
      if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/.test(read.path)) {
        problems.error(path, 'invalid-reference', `invalid variable path "${read.path}"`);
      } else if (scope && !isDefined(read.path, scope)) {
        problems.warning(path, 'unknown-variable', `unknown variable "${read.path}"`);
      }
    }
  }
}

/** True for the fields a secret may be rendered into: the request of an `http` node. */
function secretAllowed(node: FlowNode, field: Path): boolean {
  return (
    node.type === 'http' && (field[0] === 'url' || field[0] === 'headers' || field[0] === 'body')
  );
}

function isDefined(path: string, scope: DefinedOnEntry): boolean {
  return scope.afterWebhook || scope.names.has(referenceRoot(path));
}
