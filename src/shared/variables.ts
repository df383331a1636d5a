/**
 * Call variables: the value model shared by the engine, the webhook client, the store and the UI.
 * Pure TypeScript: no node:*, no DOM, no electron.
 */

/** A scalar a variable can hold (what the platform accepts: boolean, integer, float, string). */
export type Scalar = string | number | boolean;

/** A variable value: a scalar, or an object of values (nested JSON responses stay nested). */
export type VarValue = Scalar | VarObject;

/** A nested object value, read by dotted path (`${account.balance}`). */
export interface VarObject {
  [key: string]: VarValue;
}

/** A set of variables by name. */
export type VarMap = Record<string, VarValue>;

/** Key names of the platform: lowercase letters, digits, underscore; first char a letter or `_`. */
export const VARIABLE_NAME_PATTERN = /^[a-z_][a-z0-9_]*$/;

/** System variables: set when a call starts, never overridable by a response or a flow. */
export const SYSTEM_VARIABLES = [
  'customer',
  'projectid',
  'source',
  'destination',
  'uuid',
  'vccsys_shortid',
] as const;

/** One of the system variable names. */
export type SystemVariable = (typeof SYSTEM_VARIABLES)[number];

const systemSet: ReadonlySet<string> = new Set(SYSTEM_VARIABLES);

/** True when `name` is a system variable (locked for flows and responses). */
export function isSystemVariable(name: string): name is SystemVariable {
  return systemSet.has(name);
}

/**
 * System variables whose value differs from call to call by design (a fresh id each time): never
 * settable by a caller, and left out when two calls are compared or a test pins values.
 */
export const PER_CALL_VARIABLES: readonly SystemVariable[] = ['uuid', 'vccsys_shortid'];

/** True when `name` is one of {@link PER_CALL_VARIABLES}. */
export function isPerCallVariable(name: string): boolean {
  return (PER_CALL_VARIABLES as readonly string[]).includes(name);
}

/** True when `name` is a valid variable or response key name. */
export function isValidVariableName(name: string): boolean {
  return VARIABLE_NAME_PATTERN.test(name);
}

/** True when `value` is a nested object value rather than a scalar. */
export function isVarObject(value: VarValue | undefined): value is VarObject {
  return typeof value === 'object' && value !== null;
}

/**
 * Reads a variable by dotted path (`account.balance`).
 * Returns undefined when any segment is missing or a scalar is indexed.
 */
export function readPath(vars: VarMap, path: string): VarValue | undefined {
  let current: VarValue | undefined = undefined;
  let scope: VarObject | undefined = vars;
  for (const segment of path.split('.')) {
    if (scope === undefined || !Object.hasOwn(scope, segment)) return undefined;
    current = scope[segment];
    scope = isVarObject(current) ? current : undefined;
  }
  return current;
}

/** How a value is written into text: objects as compact JSON, scalars as their plain string. */
export function formatValue(value: VarValue): string {
  return isVarObject(value) ? JSON.stringify(value) : String(value);
}
