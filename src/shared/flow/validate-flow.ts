/**
 * The flow validator: every problem at once, each with its JSON Pointer, none fatal to the
 * validator. Structure comes from the zod schema (unknown fields are warnings, so a typo such as
 * `onfail` is visible without blocking a run); meaning comes from graph and dataflow checks.
 */
import { z } from 'zod';
import { isSystemVariable, isValidVariableName } from '../variables.ts';
import type { Flow, FlowNode } from './flow-schema.ts';
import {
  FlowSchema,
  MENU_KEY_PATTERN,
  NODE_ID_PATTERN,
  NODE_TYPES,
  NodeSchema,
} from './flow-schema.ts';
import {
  loops,
  nodeEdges,
  nodesThatCanEnd,
  reachableFrom,
  successors,
  waitsForInput,
} from './flow-graph.ts';
import { definedOnEntry } from './defined-on-entry.ts';
import { conditionReads, definedAnywhere, nodeTemplates } from './flow-references.ts';
import type { DefinedOnEntry } from './flow-references.ts';
import { firstJsonErrorOffset, locationOf } from './json-error-location.ts';
import { toPointer } from './json-pointer.ts';
import { checkMatchPattern } from './match-pattern.ts';
import { checkRawJson } from './raw-json-checks.ts';
import { findReferences, isSecretReference, referenceRoot } from './template.ts';

/** One problem found in a flow. */
export interface FlowProblem {
  severity: 'error' | 'warning';
  /** JSON Pointer to the offending value (`/nodes/auth/url`); `` for the whole file. */
  pointer: string;
  /** A short code for tools (`unknown-variable`, `missing-node`, …). */
  code: string;
  message: string;
}

/** The validator's answer. */
export interface FlowValidation {
  /** True when there is no error (warnings allowed). */
  ok: boolean;
  /** The parsed flow with defaults applied, when it has no error. */
  flow: Flow | null;
  /** Errors first, then warnings, each group in document order. */
  problems: FlowProblem[];
}

type Path = (string | number)[];

class Problems {
  readonly list: FlowProblem[] = [];
  error(path: Path, code: string, message: string): void {
    this.list.push({ severity: 'error', pointer: toPointer(path), code, message });
  }
  warning(path: Path, code: string, message: string): void {
    this.list.push({ severity: 'warning', pointer: toPointer(path), code, message });
  }
  get hasErrors(): boolean {
    return this.list.some((p) => p.severity === 'error');
  }
}

/** Formats a flow problem the way the CLI prints it: `/nodes/auth/url: unknown variable ${pin}`. */
export function formatProblem(problem: FlowProblem): string {
  return `${problem.severity} ${problem.pointer || '/'}: ${problem.message}`;
}

/**
 * Parses a flow file's text and validates it. A JSON syntax error is one problem at the root
 * whose message carries the line and column.
 */
export function validateFlowText(text: string): FlowValidation {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    // V8 gives a position for some mistakes only; the scanner finds it for all of them.
    const offset = firstJsonErrorOffset(body) ?? body.length;
    const { line, column } = locationOf(body, offset);
    const reason = (error instanceof Error ? error.message : String(error))
      .replace(/, (\.\.\.)?"[\s\S]*is not valid JSON$/, '')
      .replace(/( in JSON)? at position \d+( \(line \d+ column \d+\))?$/, '');
    const message = `not valid JSON at line ${line} column ${column}: ${reason}`;
    return {
      ok: false,
      flow: null,
      problems: [{ severity: 'error', pointer: '', code: 'invalid-json', message }],
    };
  }
  return validateFlow(data);
}

/** Validates a flow already parsed from JSON. Never throws. */
export function validateFlow(data: unknown): FlowValidation {
  const problems = new Problems();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problems.error([], 'invalid-shape', 'a flow must be a JSON object');
    return { ok: false, flow: null, problems: problems.list };
  }
  const raw = checkRawJson(data);
  for (const { path, code, message } of raw) problems.error(path, code, message);
  // Nothing else may walk a value nested too deep: zod and the engine recurse.
  if (raw.some((p) => p.code === 'too-deep'))
    return { ok: false, flow: null, problems: problems.list };
  const rawNodes = (data as Record<string, unknown>)['nodes'];
  const shell = parseLenient(FlowSchema.extend({ nodes: NodeMapShape }), data, [], problems);
  const nodes: Record<string, FlowNode> = {};
  if (typeof rawNodes === 'object' && rawNodes !== null && !Array.isArray(rawNodes)) {
    for (const [id, raw] of Object.entries(rawNodes)) {
      if (!NODE_ID_PATTERN.test(id)) {
        problems.error(
          ['nodes', id],
          'invalid-node-id',
          `node id "${id}" must match ${NODE_ID_PATTERN.source}`,
        );
      }
      const node = parseNode(raw, ['nodes', id], problems);
      if (node) nodes[id] = node;
    }
  }
  if (shell) checkMeaning({ ...shell, nodes } as Flow, problems);
  const flow = shell && !problems.hasErrors ? ({ ...shell, nodes } as Flow) : null;
  const ordered = [
    ...problems.list.filter((p) => p.severity === 'error'),
    ...problems.list.filter((p) => p.severity === 'warning'),
  ];
  return { ok: flow !== null, flow, problems: ordered };
}

// The shell is checked with nodes as plain objects; each node is then checked on its own so one
// broken node does not hide the problems of the others.
const NodeMapShape = z.record(z.string(), z.looseObject({}));

function parseNode(raw: unknown, path: Path, problems: Problems): FlowNode | null {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const type = (raw as Record<string, unknown>)['type'];
    if (type === undefined) {
      problems.error(
        [...path, 'type'],
        'missing-type',
        `missing node type (one of ${NODE_TYPES.join(', ')})`,
      );
      return null;
    }
    if (typeof type !== 'string' || !(NODE_TYPES as string[]).includes(type)) {
      problems.error(
        [...path, 'type'],
        'unknown-node-type',
        `unknown node type ${JSON.stringify(type)} (one of ${NODE_TYPES.join(', ')})`,
      );
      return null;
    }
  }
  return parseLenient(NodeSchema, raw, path, problems);
}

/**
 * Parses with a strict schema, reporting unknown fields as warnings and ignoring them, and every
 * other issue as an error.
 */
function parseLenient<T extends z.ZodType>(
  schema: T,
  raw: unknown,
  path: Path,
  problems: Problems,
): z.output<T> | null {
  let value = raw;
  let result = schema.safeParse(value);
  const unknownKeys = result.success
    ? []
    : result.error.issues.filter((i) => i.code === 'unrecognized_keys');
  if (unknownKeys.length > 0) {
    value = structuredClone(raw);
    for (const issue of unknownKeys) {
      const holder = issue.path.reduce<unknown>(
        (at, key) => (at as Record<PropertyKey, unknown>)[key as PropertyKey],
        value,
      ) as Record<string, unknown>;
      for (const key of issue.keys) {
        problems.warning(
          [...path, ...(issue.path as Path), key],
          'unknown-field',
          `unknown field "${key}" (ignored)`,
        );
        Reflect.deleteProperty(holder, key);
      }
    }
    result = schema.safeParse(value);
  }
  if (result.success) return result.data;
  for (const issue of result.error.issues) reportIssue(issue, path, problems);
  return null;
}

function reportIssue(issue: z.core.$ZodIssue, path: Path, problems: Problems): void {
  const at = [...path, ...(issue.path as Path)];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // Report the alternative that came closest, rather than "invalid input".
    const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
    for (const inner of closest) reportIssue(inner, at, problems);
    return;
  }
  if (issue.code === 'unrecognized_keys') return;
  problems.error(at, issue.code.replaceAll('_', '-'), describeIssue(issue));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const message = issue.message.replace(/^Invalid input: /, '').replace(/^Invalid option: /, '');
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return `missing required field (${issue.expected})`;
  }
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/** The checks no schema can express: edges, names, references, templates, reachability. */
function checkMeaning(flow: Flow, problems: Problems): void {
  const { nodes } = flow;
  if (!Object.hasOwn(nodes, flow.start)) {
    problems.error(['start'], 'missing-node', `start node "${flow.start}" does not exist`);
  }
  try {
    Intl.getCanonicalLocales(flow.locale);
  } catch {
    problems.error(['locale'], 'invalid-locale', `"${flow.locale}" is not a valid BCP 47 locale`);
  }
  for (const name of Object.keys(flow.variables))
    checkAssignedName(['variables', name], name, problems);
  for (const [id, node] of Object.entries(nodes)) {
    for (const edge of nodeEdges(id, node)) {
      if (!Object.hasOwn(nodes, edge.to)) {
        problems.error(
          ['nodes', id, ...edge.field],
          'missing-node',
          `edge to missing node "${edge.to}"`,
        );
      }
    }
    checkNode(flow, id, node, problems);
  }
  const next = successors(nodes);
  checkReferences(flow, next, problems);
  checkGraph(flow, next, problems);
}

function checkAssignedName(path: Path, name: string, problems: Problems): void {
  if (!isValidVariableName(name)) {
    problems.error(
      path,
      'invalid-variable-name',
      `invalid variable name "${name}" (must match ^[a-z_][a-z0-9_]*$)`,
    );
  } else if (isSystemVariable(name)) {
    problems.error(
      path,
      'system-variable',
      `"${name}" is a system variable and cannot be assigned`,
    );
  }
}

function checkNode(flow: Flow, id: string, node: FlowNode, problems: Problems): void {
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

function checkHttpNode(
  node: Extract<FlowNode, { type: 'http' }>,
  at: (...field: Path) => Path,
  problems: Problems,
): void {
  const hasBody = node.body !== undefined && node.body !== '';
  if (hasBody && (node.method === 'GET' || node.method === 'DELETE')) {
    problems.error(
      at('body'),
      'body-not-allowed',
      `a body is only allowed with POST or PUT, not ${node.method}`,
    );
  }
  if (hasBody && node.contentType === 'json') {
    try {
      JSON.parse(node.body as string);
    } catch (error) {
      problems.error(
        at('body'),
        'invalid-json-body',
        `invalid JSON body template (put each \${...} inside a string value): ${(error as Error).message}`,
      );
    }
  }
  if (hasBody && node.contentType === 'form') {
    for (const pair of (node.body as string).split('&')) {
      if (pair !== '' && !pair.includes('=')) {
        problems.warning(
          at('body'),
          'form-pair',
          `form body part "${pair}" has no "=": expected key=value&...`,
        );
      }
    }
  }
  if (!node.url.startsWith('${') && !/^https?:\/\//i.test(node.url)) {
    problems.error(
      at('url'),
      'invalid-url',
      'url must start with http:// or https:// (or a ${variable} holding one)',
    );
  }
  if (node.setVariable !== undefined)
    checkAssignedName(at('setVariable'), node.setVariable, problems);
  if (node.sendOnHangup && node.onError !== undefined) {
    problems.warning(
      at('onError'),
      'unused-edge',
      'never taken: a send-on-hang-up request fires after the call has ended',
    );
  }
  if (node.sendOnHangup && node.setVariable !== undefined) {
    problems.warning(
      at('setVariable'),
      'unused-variable',
      'never set: the response of a send-on-hang-up request is disregarded',
    );
  }
  for (const name of Object.keys(node.headers ?? {})) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      problems.error(
        at('headers', name),
        'invalid-header',
        `"${name}" is not a valid HTTP header name`,
      );
    }
  }
}

function checkReferences(flow: Flow, next: Map<string, string[]>, problems: Problems): void {
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

function checkGraph(flow: Flow, next: Map<string, string[]>, problems: Problems): void {
  const reachable = reachableFrom(flow.start, next);
  const canEnd = nodesThatCanEnd(flow.nodes, next);
  for (const id of Object.keys(flow.nodes)) {
    if (!reachable.has(id)) {
      problems.warning(
        ['nodes', id],
        'unreachable',
        `node "${id}" cannot be reached from start "${flow.start}"`,
      );
    } else if (!canEnd.has(id)) {
      problems.warning(
        ['nodes', id],
        'no-end',
        `no way to end the call from "${id}": possible infinite loop without input`,
      );
    }
  }
  for (const component of loops(next)) {
    if (
      !component.some((id) => waitsForInput(flow.nodes[id] as FlowNode)) &&
      component.some((id) => reachable.has(id))
    ) {
      problems.warning(
        ['nodes', component[0] as string],
        'loop-without-input',
        `loop ${describeLoop(component)} never waits for the caller`,
      );
    }
  }
}

/** A loop as `a -> b -> a`; a long one shortened, so one warning never grows with the flow. */
function describeLoop(component: string[]): string {
  const shown = component.length <= 12 ? [...component, component[0]] : component.slice(0, 10);
  const more = component.length <= 12 ? '' : ` -> … (${component.length} nodes)`;
  return shown.join(' -> ') + more;
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
