/**
 * The `ivr:` block of an `engine: ivr` scenario, read and checked before any call is placed: a
 * wrong field is reported once, naming the scenario and the field, rather than as 200 obscure
 * failures. (A block of its own because Artillery's script validation wants a scenario's `flow`
 * to be a list of steps, and our flow is a file.)
 */

/** The `ivr:` block of a scenario as written in the Artillery script. */
export interface IvrScenarioSpec {
  /** The scenario's name, or its place in `scenarios` (`#1`, …), for messages. */
  label: string;
  /** The flow file, relative to the script's folder. */
  flow: string;
  /** A workspace environment: a name (environments/<name>.yaml) or a file. */
  env?: string;
  /** The workspace folder (default: the nearest folder above the flow with environments/). */
  workspace?: string;
  /** Keys every caller presses, as `--dtmf` takes them. */
  dtmf?: string;
  /** A test YAML whose cases callers take turns through, as `--cases`. */
  cases?: string;
  /** Variables over the flow's and the environment's, as `--var name=value`. */
  vars: [string, string][];
  /** Prompts and timeouts take their real time; default: a virtual clock. */
  realtime: boolean;
}

/** A scenario that cannot run: the message names the scenario and the field. */
export class IvrScenarioError extends Error {
  override name = 'IvrScenarioError';
}

const FIELDS = new Set(['flow', 'env', 'workspace', 'dtmf', 'cases', 'vars', 'realtime']);

/** Reads scenario number `index` (0-based) of the script; throws {@link IvrScenarioError}. */
export function readScenarioSpec(raw: unknown, index: number): IvrScenarioSpec {
  const fallback = `#${index + 1}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new IvrScenarioError(`scenario ${fallback}: must be a map of fields`);
  }
  const scenario = raw as Record<string, unknown>;
  const label = typeof scenario['name'] === 'string' ? `"${scenario['name']}"` : fallback;
  const fail = (message: string): never => {
    throw new IvrScenarioError(`scenario ${label}: ${message}`);
  };
  const block = scenario['ivr'];
  if (typeof block !== 'object' || block === null || Array.isArray(block)) {
    return fail('an ivr scenario needs an "ivr:" map (flow, env, dtmf or cases, vars, realtime)');
  }
  const spec = block as Record<string, unknown>;
  for (const key of Object.keys(spec)) {
    if (!FIELDS.has(key)) {
      fail(
        `ivr.${key}: unknown field (ivr: has flow, env, workspace, dtmf, cases, vars, realtime)`,
      );
    }
  }
  const text = (field: string): string | undefined => {
    const value = spec[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string' || value === '') fail(`ivr.${field} must be a non-empty string`);
    return value as string;
  };
  const flow = text('flow');
  if (flow === undefined) return fail('ivr.flow is missing: the flow file, relative to the script');
  const dtmf = text('dtmf');
  const cases = text('cases');
  if (dtmf !== undefined && cases !== undefined) {
    fail('ivr.dtmf and ivr.cases both say what callers press; use one');
  }
  const realtime = spec['realtime'] ?? false;
  if (typeof realtime !== 'boolean') fail('ivr.realtime must be true or false');
  const env = text('env');
  const workspace = text('workspace');
  return {
    label,
    flow,
    ...(env !== undefined ? { env } : {}),
    ...(workspace !== undefined ? { workspace } : {}),
    ...(dtmf !== undefined ? { dtmf } : {}),
    ...(cases !== undefined ? { cases } : {}),
    vars: readVars(spec['vars'], fail),
    realtime: realtime as boolean,
  };
}

/** `vars:` as `name=value` pairs, so they are judged exactly as `--var` values are. */
function readVars(raw: unknown, fail: (message: string) => never): [string, string][] {
  if (raw === undefined || raw === null) return [];
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return fail('ivr.vars must be a map of variable names to values');
  }
  return Object.entries(raw as Record<string, unknown>).map(([name, value]) => {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      return [name, String(value)];
    }
    return fail(`ivr.vars.${name} must be a string, a number or true/false`);
  });
}
