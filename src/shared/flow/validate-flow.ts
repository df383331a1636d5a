/**
 * The flow validator: every problem at once, each with its JSON Pointer, none fatal to the
 * validator. Structure comes from the zod schema (unknown fields are warnings, so a typo such as
 * `onfail` is visible without blocking a run); meaning comes from graph and dataflow checks.
 * Each family of checks lives in `validate/`; this file runs them in a fixed order, which is the
 * order problems are reported in.
 */
import type { Flow, FlowNode } from './flow-schema.ts';
import { FlowSchema, NODE_ID_PATTERN } from './flow-schema.ts';
import { nodeEdges, successors } from './flow-graph.ts';
import { firstJsonErrorOffset, locationOf } from './json-error-location.ts';
import { checkRawJson } from './raw-json-checks.ts';
import { checkAssignedName } from './validate/check-assigned-name.ts';
import { checkGraph } from './validate/check-graph.ts';
import { checkNode } from './validate/check-nodes.ts';
import { checkReferences } from './validate/check-references.ts';
import { NodeMapShape, parseLenient, parseNode } from './validate/parse-structure.ts';
import type { FlowProblem } from './validate/problems.ts';
import { Problems } from './validate/problems.ts';

export type { FlowProblem } from './validate/problems.ts';

/** The validator's answer. */
export interface FlowValidation {
  /** True when there is no error (warnings allowed). */
  ok: boolean;
  /** The parsed flow with defaults applied, when it has no error. */
  flow: Flow | null;
  /** Errors first, then warnings, each group in document order. */
  problems: FlowProblem[];
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
  // A node with errors of its own is left out of `nodes`, but it is there: an edge to it is not
  // an edge to a missing node (that would be a second, wrong error for the one problem).
  const present = new Set(
    typeof rawNodes === 'object' && rawNodes !== null ? Object.keys(rawNodes) : [],
  );
  if (shell) checkMeaning({ ...shell, nodes } as Flow, present, problems);
  const flow = shell && !problems.hasErrors ? ({ ...shell, nodes } as Flow) : null;
  const ordered = [
    ...problems.list.filter((p) => p.severity === 'error'),
    ...problems.list.filter((p) => p.severity === 'warning'),
  ];
  return { ok: flow !== null, flow, problems: ordered };
}

/** The checks no schema can express: edges, names, references, templates, reachability. */
function checkMeaning(flow: Flow, present: ReadonlySet<string>, problems: Problems): void {
  const { nodes } = flow;
  if (!present.has(flow.start)) {
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
      if (!present.has(edge.to)) {
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
