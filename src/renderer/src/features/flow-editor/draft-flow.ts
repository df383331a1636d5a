/**
 * The flow being edited, read from its text however broken it is: the editor must draw (and let
 * the user fix) a flow the validator rejects, where the flow view draws only valid ones. Every
 * node with a known type becomes a well-formed node of that type, fields of the wrong shape left
 * out, so the layout, the summaries and the dataflow run on it unchanged. Pure: no React, no DOM.
 */
import type { Condition, Flow, FlowNode, NodeType } from '../../../../shared/flow/flow-schema.ts';
import { CONDITION_OPS, NODE_TYPES } from '../../../../shared/flow/flow-schema.ts';
import type { FlowProblem } from '../../../../shared/flow/validate-flow.ts';
import { validateFlowText } from '../../../../shared/flow/validate-flow.ts';
import type { RawObject as Raw } from './raw-json.ts';
import { isObject, textOf as text } from './raw-json.ts';

/** A node's position, as `layout` keeps it. */
export interface NodePosition {
  x: number;
  y: number;
}

/** The flow text as the editor sees it. */
export interface DraftFlow {
  /** The file's top-level object, or null when the text is not a JSON object. */
  raw: Record<string, unknown> | null;
  /** The same, every node coerced to its type's shape, for drawing; null with `raw`. */
  flow: Flow | null;
  /** Node ids whose type is unknown: drawn as placeholders so they can be fixed or deleted. */
  unknownTypes: Set<string>;
  /** Where `layout` places nodes (only well-formed entries). */
  positions: Map<string, NodePosition>;
  /** The validator's problems with the text. */
  problems: FlowProblem[];
}

const textOr = (value: unknown, fallback: string): string => text(value) ?? fallback;

/** The string members of an object (a menu's options, a header map), others dropped. */
function textMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(value)) return out;
  for (const [key, member] of Object.entries(value)) {
    if (typeof member === 'string') out[key] = member;
  }
  return out;
}

// Conditions nest: bounded like the validator's own walk, so a hostile file cannot blow the stack.
const MAX_CONDITION_DEPTH = 64;

function condition(value: unknown, depth = 0): Condition {
  if (isObject(value) && depth < MAX_CONDITION_DEPTH) {
    for (const key of ['all', 'any'] as const) {
      const items = value[key];
      if (Array.isArray(items)) {
        const list = items.map((item) => condition(item, depth + 1));
        return key === 'all' ? { all: list } : { any: list };
      }
    }
    const op = CONDITION_OPS.find((known) => known === value['op']) ?? 'eq';
    return { var: textOr(value['var'], '?'), op, ...scalarValue(value['value']) };
  }
  return { var: '?', op: 'eq' };
}

function scalarValue(value: unknown): { value?: string | number | boolean } {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? { value }
    : {};
}

/** A node of a known type in its type's shape: enough for edges, summaries and dataflow. */
function coerceNode(type: NodeType, node: Raw): FlowNode {
  const say = text(node['say']);
  const audio = text(node['audio']);
  const next = text(node['next']);
  const prompt = {
    ...(say === undefined ? {} : { say }),
    ...(audio === undefined ? {} : { audio }),
  };
  const onFail = text(node['onFail']);
  switch (type) {
    case 'play':
      return { type, ...prompt, next: next ?? '' } as FlowNode;
    case 'getDigits':
      return {
        type,
        ...prompt,
        variable: textOr(node['variable'], ''),
        next: next ?? '',
        ...(onFail === undefined ? {} : { onFail }),
      } as FlowNode;
    case 'menu':
      return {
        type,
        ...prompt,
        options: textMap(node['options']),
        ...(onFail === undefined ? {} : { onFail }),
      } as FlowNode;
    case 'http': {
      const onError = text(node['onError']);
      const setVariable = text(node['setVariable']);
      return {
        type,
        method: textOr(node['method'], 'GET'),
        url: textOr(node['url'], ''),
        headers: textMap(node['headers']),
        sendOnHangup: node['sendOnHangup'] === true,
        ...(setVariable === undefined ? {} : { setVariable }),
        ...(text(node['body']) === undefined ? {} : { body: text(node['body']) }),
        next: next ?? '',
        ...(onError === undefined ? {} : { onError }),
      } as FlowNode;
    }
    case 'setVariable':
      return { type, assign: textMap(node['assign']), next: next ?? '' } as FlowNode;
    case 'queryData': {
      const onNotFound = text(node['onNotFound']);
      return {
        type,
        dataset: textOr(node['dataset'], ''),
        match: textMap(node['match']),
        assign: textMap(node['assign']),
        next: next ?? '',
        ...(onNotFound === undefined ? {} : { onNotFound }),
      } as FlowNode;
    }
    case 'branch': {
      const cases = Array.isArray(node['cases']) ? node['cases'] : [];
      return {
        type,
        cases: cases.map((entry) => ({
          if: condition(isObject(entry) ? entry['if'] : undefined),
          next: isObject(entry) ? textOr(entry['next'], '') : '',
        })),
        default: textOr(node['default'], ''),
      } as FlowNode;
    }
    case 'readBack':
      return {
        type,
        ...prompt,
        value: textOr(node['value'], ''),
        sayAs: textOr(node['sayAs'], 'text'),
        next: next ?? '',
      } as FlowNode;
    case 'transfer':
      return { type, ...prompt, target: textOr(node['target'], '') } as FlowNode;
    case 'hangup':
      return { type, ...prompt } as FlowNode;
  }
}

const EDGE_FIELDS: ReadonlySet<string> = new Set(['next', 'default']);

/** The edge fields a coerced node carries as '' when the file has none: drop them again. */
function withoutEmptyEdges(node: FlowNode): FlowNode {
  const copy = Object.fromEntries(
    Object.entries(node).filter(([key, value]) => !(EDGE_FIELDS.has(key) && value === '')),
  );
  if (Array.isArray(copy['cases'])) {
    copy['cases'] = (copy['cases'] as Raw[]).filter((entry) => entry['next'] !== '');
  }
  return copy as unknown as FlowNode;
}

/** Reads the flow text for the editor. Never throws. */
export function readDraft(source: string): DraftFlow {
  const { problems } = validateFlowText(source);
  let parsed: unknown;
  try {
    parsed = JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
  } catch {
    parsed = null;
  }
  const unknownTypes = new Set<string>();
  const positions = new Map<string, NodePosition>();
  if (!isObject(parsed)) return { raw: null, flow: null, unknownTypes, positions, problems };
  const nodes: Record<string, FlowNode> = {};
  const rawNodes = isObject(parsed['nodes']) ? parsed['nodes'] : {};
  for (const [id, node] of Object.entries(rawNodes)) {
    const type = isObject(node) ? node['type'] : undefined;
    if (isObject(node) && NODE_TYPES.includes(type as NodeType)) {
      nodes[id] = withoutEmptyEdges(coerceNode(type as NodeType, node));
    } else {
      unknownTypes.add(id);
      nodes[id] = { type: 'hangup' };
    }
  }
  const layout = parsed['layout'];
  if (isObject(layout)) {
    for (const [id, place] of Object.entries(layout)) {
      if (isObject(place) && Number.isFinite(place['x']) && Number.isFinite(place['y'])) {
        positions.set(id, { x: place['x'] as number, y: place['y'] as number });
      }
    }
  }
  const flow = {
    id: textOr(parsed['id'], ''),
    name: textOr(parsed['name'], ''),
    locale: textOr(parsed['locale'], 'en-US'),
    start: textOr(parsed['start'], ''),
    variables: isObject(parsed['variables']) ? parsed['variables'] : {},
    datasets: isObject(parsed['datasets']) ? parsed['datasets'] : {},
    nodes,
  } as Flow;
  return { raw: parsed, flow, unknownTypes, positions, problems };
}
