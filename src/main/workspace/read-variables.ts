/**
 * An environment's `variables`: user variables preset for every call, scalars or nested mappings,
 * read within a depth and an entry budget so that neither deep nesting nor an alias bomb (each
 * alias re-counted where it is used) can make reading slow.
 */
import type { Node, Pair } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';
import type { VarMap, VarValue } from '../../shared/variables.ts';
import {
  isPerCallVariable,
  isSystemVariable,
  isValidVariableName,
} from '../../shared/variables.ts';
import type { YamlReader } from '../call-tests/yaml-reader.ts';
import type { SourcePos } from '../call-tests/test-file-types.ts';
import { MAX_VARIABLE_DEPTH, MAX_VARIABLE_ENTRIES } from './environment-fields.ts';
import { setOwn } from './set-own.ts';

/** Entries left to read; once spent, reading stops with one problem. */
interface Budget {
  left: number;
  spent: boolean;
}

/** Why a top-level variable name cannot be preset, or null when it can. */
function nameProblem(name: string): string | null {
  if (!isValidVariableName(name)) return 'invalid variable name (must match ^[a-z_][a-z0-9_]*$)';
  if (isPerCallVariable(name)) return 'a system variable the call sets itself; it cannot be preset';
  if (isSystemVariable(name)) {
    return 'a system variable; set it per call (--source, --destination, … or the call form), not in an environment';
  }
  return null;
}

/** Takes one entry from the budget; false (and one problem) once it is spent. */
function spend(reader: YamlReader, budget: Budget, at: SourcePos): boolean {
  budget.left -= 1;
  if (budget.left >= 0) return true;
  if (!budget.spent) {
    budget.spent = true;
    reader.problem(
      at,
      'variables',
      `more than ${MAX_VARIABLE_ENTRIES} entries (nested ones and each use of an alias count); an environment's variables are limited to ${MAX_VARIABLE_ENTRIES}`,
    );
  }
  return false;
}

/** Reads one value; undefined once a problem is reported. */
function readValue(
  reader: YamlReader,
  node: Node | null,
  field: string,
  at: SourcePos,
  depth: number,
  budget: Budget,
): VarValue | undefined {
  if (isSeq(node)) {
    reader.problem(
      reader.pos(node, at),
      field,
      'a list cannot be a variable value (use a mapping, or text)',
    );
    return undefined;
  }
  if (!isMap(node)) {
    if (isScalar(node)) {
      const value = node.value;
      if (typeof value === 'string' || typeof value === 'boolean') return value;
      if (typeof value === 'number' && Number.isFinite(value)) return value;
    }
    const got =
      isScalar(node) && node.value === null ? 'nothing (an empty value)' : 'another kind of value';
    reader.problem(
      reader.pos(node, at),
      field,
      `must be text, a number, true/false or a mapping, got ${got}`,
    );
    return undefined;
  }
  if (depth > MAX_VARIABLE_DEPTH) {
    reader.problem(
      reader.pos(node, at),
      field,
      `nested more than ${MAX_VARIABLE_DEPTH} levels deep`,
    );
    return undefined;
  }
  const out: Record<string, VarValue> = {};
  let ok = true;
  for (const pair of node.items as Pair<unknown, unknown>[]) {
    const key = reader.resolve(pair.key);
    const keyPos = reader.pos(key, reader.pos(node, at));
    if (!spend(reader, budget, keyPos)) return undefined;
    if (!isScalar(key) || typeof key.value !== 'string' || !isValidVariableName(key.value)) {
      // A `${a.b}` reference reads nested values by name, so other keys could never be used.
      reader.problem(
        keyPos,
        field,
        `nested keys must be names matching ^[a-z_][a-z0-9_]*$, got ${JSON.stringify(isScalar(key) ? key.value : null)}`,
      );
      ok = false;
      continue;
    }
    const child = readValue(
      reader,
      reader.resolve(pair.value),
      `${field}.${key.value}`,
      keyPos,
      depth + 1,
      budget,
    );
    if (child === undefined) ok = false;
    else setOwn(out, key.value, child);
  }
  return ok ? out : undefined;
}

/**
 * Reads `variables:`; an empty value means none. Returns undefined when any problem was found
 * (recorded in the reader).
 */
export function readVariables(
  reader: YamlReader,
  node: Node | null,
  at: SourcePos,
): VarMap | undefined {
  if (isScalar(node) && node.value === null) return {};
  if (!isMap(node)) {
    reader.problem(reader.pos(node, at), 'variables', 'must be a mapping (name: value lines)');
    return undefined;
  }
  const budget: Budget = { left: MAX_VARIABLE_ENTRIES, spent: false };
  const out: VarMap = {};
  let ok = true;
  for (const pair of node.items as Pair<unknown, unknown>[]) {
    const key = reader.resolve(pair.key);
    const keyPos = reader.pos(key, at);
    if (!spend(reader, budget, keyPos)) return undefined;
    const name = isScalar(key) && typeof key.value === 'string' ? key.value : null;
    const problem = name === null ? 'keys must be plain names' : nameProblem(name);
    const field = name === null ? 'variables' : `variables.${name}`;
    if (problem !== null || name === null) {
      reader.problem(keyPos, field, problem ?? 'keys must be plain names');
      ok = false;
      continue;
    }
    const value = readValue(reader, reader.resolve(pair.value), field, keyPos, 1, budget);
    if (value === undefined) ok = false;
    else setOwn(out, name, value);
  }
  return ok ? out : undefined;
}
