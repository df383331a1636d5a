/**
 * The structure checks: the zod schema applied leniently, so unknown fields are warnings (a typo
 * such as `onfail` is visible without blocking a run) and every other issue is an error.
 */
import { z } from 'zod';
import type { FlowNode } from '../flow-schema.ts';
import { NODE_TYPES, NodeSchema } from '../flow-schema.ts';
import type { Path, Problems } from './problems.ts';

// The shell is checked with nodes as plain objects; each node is then checked on its own so one
// broken node does not hide the problems of the others.
export const NodeMapShape = z.record(z.string(), z.looseObject({}));

/** Checks one node on its own: its type first, for a message that names the valid ones. */
export function parseNode(raw: unknown, path: Path, problems: Problems): FlowNode | null {
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
    // `say` and `audio` are each optional, but these two need one of them: checked here, on the
    // raw node, so a node with other mistakes still shows this one.
    const { say, audio } = raw as Record<string, unknown>;
    if ((type === 'play' || type === 'menu') && say === undefined && audio === undefined) {
      problems.error(
        [...path, 'say'],
        'missing-prompt',
        `a ${type} node needs \`say\` or \`audio\`: it has nothing to play`,
      );
    }
  }
  return parseLenient(NodeSchema, raw, path, problems);
}

/**
 * Parses with a strict schema, reporting unknown fields as warnings and ignoring them, and every
 * other issue as an error.
 */
export function parseLenient<T extends z.ZodType>(
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
