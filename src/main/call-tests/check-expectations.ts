/**
 * Compares a finished call (its `run --json` document) with a case's expectations and returns
 * every unmet one, not just the first: a red CI run should say everything that changed at once.
 */
import { readPath } from '../../shared/variables.ts';
import type { RunJson } from '../calls/run-json.ts';
import type { ExpectationFailure } from './expectation-failure.ts';
import { matchValue, showValue } from './match-values.ts';
import { matchWebhooks } from './match-webhooks.ts';
import type { At, Expectations } from './test-file-types.ts';

/** `welcome → ask_id → auth`, or `(empty)`. */
function showPath(path: readonly string[]): string {
  return path.length === 0 ? '(empty)' : path.join(' → ');
}

/** An exact comparison of a scalar field (`outcome`, `endedBy`, `transferTarget`). */
function exact<T>(
  name: string,
  expected: At<T> | undefined,
  actual: T,
  out: ExpectationFailure[],
): void {
  if (expected && expected.value !== actual) {
    out.push({
      expectation: name,
      expected: JSON.stringify(expected.value),
      actual: JSON.stringify(actual),
      line: expected.pos.line,
    });
  }
}

/** `path`: the whole path, node for node. */
function checkPath(expected: At<string[]>, path: string[], out: ExpectationFailure[]): void {
  const want = expected.value;
  if (want.length === path.length && want.every((node, i) => node === path[i])) return;
  const at = want.findIndex((node, i) => node !== path[i]);
  const step = at === -1 ? want.length : at;
  out.push({
    expectation: 'path',
    expected: showPath(want),
    actual: showPath(path),
    line: expected.pos.line,
    note: `first difference at step ${step + 1}: expected ${showValue(want[step])}, got ${showValue(path[step])}`,
  });
}

/**
 * `path_includes`: each listed node appears in the path, in the listed order (other nodes may
 * come between). Each node that cannot be found after the previous match is one failure.
 */
function checkPathIncludes(
  expected: At<string[]>,
  path: string[],
  out: ExpectationFailure[],
): void {
  let cursor = 0;
  let previous: string | null = null;
  for (const node of expected.value) {
    const at = path.indexOf(node, cursor);
    if (at !== -1) {
      cursor = at + 1;
      previous = node;
      continue;
    }
    const elsewhere = path.includes(node);
    out.push({
      expectation: 'path_includes',
      expected: previous === null ? `"${node}"` : `"${node}" after "${previous}"`,
      actual: showPath(path),
      line: expected.pos.line,
      ...(elsewhere ? { note: `"${node}" is in the path, but not after "${previous}"` } : {}),
    });
  }
}

/** Checks every expectation of a case against the call. */
export function checkExpectations(expect: Expectations, run: RunJson): ExpectationFailure[] {
  const out: ExpectationFailure[] = [];
  exact('outcome', expect.outcome, run.outcome, out);
  exact('endedBy', expect.endedBy, run.endedBy, out);
  exact('transferTarget', expect.transferTarget, run.transferTarget, out);
  if (expect.path) checkPath(expect.path, run.path, out);
  if (expect.pathIncludes) checkPathIncludes(expect.pathIncludes, run.path, out);
  for (const node of expect.pathExcludes?.value ?? []) {
    if (run.path.includes(node)) {
      out.push({
        expectation: 'path_excludes',
        expected: `no "${node}"`,
        actual: showPath(run.path),
        line: expect.pathExcludes?.pos.line ?? 0,
      });
    }
  }
  for (const [name, want] of Object.entries(expect.variables ?? {})) {
    for (const m of matchValue(want.value, readPath(run.variables, name), `variables.${name}`)) {
      out.push({
        expectation: m.path,
        expected: m.expected,
        actual: m.actual,
        line: want.pos.line,
        ...(m.note ? { note: m.note } : {}),
      });
    }
  }
  for (const text of expect.spokenIncludes?.value ?? []) {
    if (!run.spoken.some((line) => line.includes(text))) {
      out.push({
        expectation: 'spoken_includes',
        expected: `a prompt containing ${JSON.stringify(text)}`,
        actual: JSON.stringify(run.spoken),
        line: expect.spokenIncludes?.pos.line ?? 0,
      });
    }
  }
  for (const text of expect.spokenExcludes?.value ?? []) {
    const said = run.spoken.filter((line) => line.includes(text));
    if (said.length > 0) {
      out.push({
        expectation: 'spoken_excludes',
        expected: `no prompt containing ${JSON.stringify(text)}`,
        actual: JSON.stringify(said),
        line: expect.spokenExcludes?.pos.line ?? 0,
      });
    }
  }
  if (expect.webhooks) out.push(...matchWebhooks(expect.webhooks, run.webhooks));
  if (expect.noWarnings && run.warnings.length > 0) {
    out.push({
      expectation: 'warnings',
      expected: 'none',
      actual: JSON.stringify(run.warnings),
      line: expect.noWarnings.pos.line,
    });
  }
  const violations = run.webhooks.flatMap((w) =>
    w.violations.map((v) => `${w.node}: ${v.code}${v.key ? ` at ${v.key}` : ''} (${v.detail})`),
  );
  if (expect.noViolations && violations.length > 0) {
    out.push({
      expectation: 'violations',
      expected: 'none',
      actual: JSON.stringify(violations),
      line: expect.noViolations.pos.line,
    });
  }
  // In the order the test file lists them, so the report reads alongside the file.
  return out.sort((a, b) => a.line - b.line);
}
