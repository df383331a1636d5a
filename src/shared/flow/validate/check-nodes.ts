/** The checks of one node's own fields, by node type (the `http` node's are in their own file). */
import type { Flow, FlowNode } from '../flow-schema.ts';
import { MENU_KEY_PATTERN } from '../flow-schema.ts';
import { conditionReads } from '../flow-references.ts';
import { checkMatchPattern } from '../match-pattern.ts';
import { checkAssignedName } from './check-assigned-name.ts';
import { checkHttpNode } from './check-http-node.ts';
import type { Path, Problems } from './problems.ts';

/** Checks what the schema cannot about `node`: names, limits, keys, datasets, conditions. */
export function checkNode(flow: Flow, id: string, node: FlowNode, problems: Problems): void {
  const at = (...field: Path): Path => ['nodes', id, ...field];
  switch (node.type) {
    case 'getDigits':
      checkAssignedName(at('variable'), node.variable, problems);
      if (node.minDigits > node.maxDigits) {
        problems.error(
          at('minDigits'),
          'min-above-max',
          `minDigits ${node.minDigits} > maxDigits ${node.maxDigits}`,
        );
      }
      break;
    case 'menu':
      for (const key of Object.keys(node.options)) {
        if (!MENU_KEY_PATTERN.test(key)) {
          problems.error(
            at('options', key),
            'invalid-menu-key',
            `menu key "${key}" must be one of 0-9, * or #`,
          );
        }
      }
      if (Object.keys(node.options).length === 0)
        problems.error(at('options'), 'empty-menu', 'a menu needs at least one option');
      break;
    case 'http':
      checkHttpNode(node, at, problems);
      break;
    case 'setVariable':
      for (const name of Object.keys(node.assign))
        checkAssignedName(at('assign', name), name, problems);
      break;
    case 'queryData': {
      for (const name of Object.keys(node.assign))
        checkAssignedName(at('assign', name), name, problems);
      const rows = flow.datasets[node.dataset];
      if (!rows) {
        problems.error(
          at('dataset'),
          'missing-dataset',
          `dataset "${node.dataset}" is not defined in /datasets`,
        );
        break;
      }
      const fields = datasetFields(rows);
      for (const field of Object.keys(node.match)) {
        if (!fields.has(field))
          problems.warning(
            at('match', field),
            'unknown-field',
            `no row of "${node.dataset}" has field "${field}"`,
          );
      }
      for (const [name, field] of Object.entries(node.assign)) {
        if (!fields.has(field))
          problems.warning(
            at('assign', name),
            'unknown-field',
            `no row of "${node.dataset}" has field "${field}"`,
          );
      }
      break;
    }
    case 'branch':
      for (const read of conditionReads(node)) {
        const { condition } = read;
        const valuePath = at(...read.field.slice(0, -1), 'value');
        const needsValue = condition.op !== 'exists' && condition.op !== 'empty';
        if (needsValue && condition.value === undefined) {
          problems.error(valuePath, 'missing-value', `operator "${condition.op}" needs a value`);
        }
        if (condition.op === 'matches' && condition.value !== undefined) {
          const reason = checkMatchPattern(String(condition.value));
          if (reason !== null)
            problems.error(
              valuePath,
              'invalid-regex',
              `not a usable regular expression: ${reason}`,
            );
        }
      }
      break;
    case 'readBack':
      if (node.sayAs === 'currency' && node.currency === undefined) {
        problems.error(
          at('currency'),
          'missing-currency',
          'sayAs "currency" needs a currency code such as "EUR"',
        );
      }
      break;
    default:
      break;
  }
}

// Field names of each dataset, worked out once: per queryData node, many nodes over a big dataset
// made validation quadratic.
const fieldsOfDataset = new WeakMap<object, ReadonlySet<string>>();

function datasetFields(rows: readonly Record<string, unknown>[]): ReadonlySet<string> {
  let fields = fieldsOfDataset.get(rows);
  if (fields === undefined) {
    fields = new Set(rows.flatMap((row) => Object.keys(row)));
    fieldsOfDataset.set(rows, fields);
  }
  return fields;
}
