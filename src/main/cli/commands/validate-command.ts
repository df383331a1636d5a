/**
 * `validate <flow.json>...`: every problem of every file, each with its JSON Pointer.
 * Exit 0 when all are valid (warnings allowed), 1 when any has an error, 2 on usage errors or
 * when a named file cannot be read at all. One bad file never hides the verdicts of the others:
 * every file gets its entry, in `--json` too.
 */
import { relative } from 'node:path';
import type { FlowProblem } from '../../../shared/flow/validate-flow.ts';
import { formatProblem } from '../../../shared/flow/validate-flow.ts';
import { loadFlowFile } from '../../flows/load-flow-file.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT, parseOptions, println, UsageError } from '../cli-io.ts';

/** One file's verdict as `validate` reports it. */
interface FileVerdict {
  file: string;
  path: string;
  ok: boolean;
  /** Why the file could not be read (missing, a directory, not UTF-8, too large), else null. */
  readError: string | null;
  problems: FlowProblem[];
}

async function judge(file: string, cwd: string): Promise<FileVerdict> {
  const loaded = await loadFlowFile(file, cwd);
  const problems: FlowProblem[] =
    loaded.readError === null
      ? loaded.problems
      : [{ severity: 'error', pointer: '', code: 'unreadable-file', message: loaded.readError }];
  return { file, path: loaded.path, ok: loaded.ok, readError: loaded.readError, problems };
}

/** Prints every problem of each named flow file (or JSON); resolves to the exit code. */
export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { json: { type: 'boolean' } }, 'validate');
  if (positionals.length === 0) throw new UsageError('validate: name at least one flow file');
  const results: FileVerdict[] = [];
  for (const file of positionals) results.push(await judge(file, io.cwd));
  for (const { file, readError } of results) {
    if (readError !== null) println(io.stderr, `validate: ${file}: ${readError}`);
  }
  if (values.json) {
    const doc = results.map(({ file, ok, problems }) => ({ file, ok, problems }));
    println(io.stdout, JSON.stringify(doc, null, 2));
  } else {
    for (const verdict of results) {
      const errors = verdict.problems.filter((p) => p.severity === 'error').length;
      const warnings = verdict.problems.length - errors;
      const near = relative(io.cwd, verdict.path);
      const name = near === '' || near.startsWith('..') ? verdict.path : near;
      const state = verdict.ok ? 'valid' : verdict.readError === null ? 'invalid' : 'unreadable';
      println(io.stdout, `${name}: ${state} (${errors} errors, ${warnings} warnings)`);
      for (const problem of verdict.problems) println(io.stdout, `  ${formatProblem(problem)}`);
    }
  }
  if (results.some((r) => r.readError !== null)) return EXIT.usage;
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.failed;
}
