/**
 * `validate <flow.json>...`: every problem of every file, each with its JSON Pointer.
 * Exit 0 when all are valid (warnings allowed), 1 when any has an error, 2 on usage errors.
 */
import { relative } from 'node:path';
import { formatProblem } from '../../../shared/flow/validate-flow.ts';
import { loadFlowFile } from '../../flows/load-flow-file.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT, parseOptions, println, UsageError } from '../cli-io.ts';

/** Runs `validate`. */
export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { json: { type: 'boolean' } }, 'validate');
  if (positionals.length === 0) throw new UsageError('validate: name at least one flow file');
  const results = [];
  for (const file of positionals) {
    const loaded = await loadFlowFile(file, io.cwd);
    if (loaded.readError) throw new UsageError(`validate: ${file}: ${loaded.readError}`);
    results.push({ file, loaded });
  }
  if (values.json) {
    const doc = results.map(({ file, loaded }) => ({
      file,
      ok: loaded.ok,
      problems: loaded.problems,
    }));
    println(io.stdout, JSON.stringify(doc, null, 2));
  } else {
    for (const { loaded } of results) {
      const errors = loaded.problems.filter((p) => p.severity === 'error').length;
      const warnings = loaded.problems.length - errors;
      const near = relative(io.cwd, loaded.path);
      const name = near === '' || near.startsWith('..') ? loaded.path : near;
      const verdict = loaded.ok ? 'valid' : 'invalid';
      println(io.stdout, `${name}: ${verdict} (${errors} errors, ${warnings} warnings)`);
      for (const problem of loaded.problems) println(io.stdout, `  ${formatProblem(problem)}`);
    }
  }
  return results.every((r) => r.loaded.ok) ? EXIT.ok : EXIT.failed;
}
