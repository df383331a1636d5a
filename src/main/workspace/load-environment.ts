/**
 * Reads one environment file of a workspace (../shared/spec/WORKSPACE.md, "An environment") and
 * validates all of it: syntax, every field, the TLS files it names. Nothing is thrown and nothing
 * stops at the first mistake: the caller gets every problem with its file, line, column and field,
 * and the environment itself only when there are none.
 */
import { basename, dirname, extname, resolve } from 'node:path';
import type { FileProblem } from '../call-tests/yaml-reader.ts';
import type {
  EnvironmentProblem,
  LoadedEnvironment,
  ResolvedEnvironment,
} from './environment-types.ts';
import {
  ENVIRONMENT_EXTENSIONS,
  ENVIRONMENT_ID_PATTERN,
  MAX_ENVIRONMENT_BYTES,
} from './environment-fields.ts';
import { parseEnvironmentText } from './parse-environment-text.ts';
import { readBoundedText } from './read-bounded-text.ts';
import { readEnvironmentFields } from './read-environment-fields.ts';
import { readTlsFiles } from './read-tls-files.ts';

/** More problems than this are summed up: past a point more lines do not help anyone. */
const MAX_PROBLEMS = 100;

/** `file:line:column: field: message`, the form editors and CI logs turn into a link. */
export function formatEnvironmentProblem(problem: EnvironmentProblem): string {
  const where =
    problem.line === null
      ? problem.file
      : `${problem.file}:${problem.line}${problem.column === null ? '' : `:${problem.column}`}`;
  return problem.field
    ? `${where}: ${problem.field}: ${problem.message}`
    : `${where}: ${problem.message}`;
}

function fromFileProblem(problem: FileProblem): EnvironmentProblem {
  return {
    file: problem.file,
    line: problem.line,
    column: problem.col,
    field: problem.field || null,
    message: problem.message,
  };
}

/** A problem that has no place in the file (its name, its size, its encoding). */
function wholeFile(file: string, message: string): EnvironmentProblem {
  return { file, line: null, column: null, field: null, message };
}

/** Sorts by place (whole-file problems first) and caps the count. */
function finish(problems: EnvironmentProblem[]): EnvironmentProblem[] {
  const sorted = [...problems].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  if (sorted.length <= MAX_PROBLEMS) return sorted;
  const rest = sorted.length - MAX_PROBLEMS;
  const first = sorted[0] as EnvironmentProblem;
  return [
    ...sorted.slice(0, MAX_PROBLEMS),
    wholeFile(first.file, `… and ${rest} more problem${rest === 1 ? '' : 's'}`),
  ];
}

async function load(file: string, id: string): Promise<LoadedEnvironment> {
  const problems: EnvironmentProblem[] = [];
  const result = (name: string, environment: ResolvedEnvironment | null): LoadedEnvironment => ({
    id,
    file,
    name,
    environment: problems.length === 0 ? environment : null,
    problems: finish(problems),
  });
  const format = ENVIRONMENT_EXTENSIONS[extname(file).toLowerCase()];
  if (!ENVIRONMENT_ID_PATTERN.test(id)) {
    problems.push(
      wholeFile(
        file,
        `the file name "${basename(file)}" cannot be an environment id: use letters, digits, "_", "-" and "." (starting with a letter or digit)`,
      ),
    );
  }
  if (format === undefined) {
    problems.push(wholeFile(file, 'an environment file ends in .yaml, .yml or .json'));
    return result(id, null);
  }
  const read = await readBoundedText(file, MAX_ENVIRONMENT_BYTES);
  if ('error' in read) {
    problems.push(wholeFile(file, `the file ${read.error}`));
    return result(id, null);
  }
  const { reader, root } = parseEnvironmentText(file, read.text, format);
  if (root === null && reader.problems.length === 0) {
    reader.problem(
      { line: 1, col: 1 },
      '',
      'the file is empty; an environment needs at least "name:"',
    );
  }
  const fields = root === null ? null : readEnvironmentFields(reader, root);
  problems.push(...reader.problems.map(fromFileProblem));
  if (fields === null) return result(id, null);
  const name = fields.name ?? id;
  const tls = await readTlsFiles(fields.tls, dirname(file), (pos, field, message) => {
    problems.push({ file, line: pos.line, column: pos.col, field, message });
  });
  if (tls === null || fields.name === null) return result(name, null);
  return result(name, {
    id,
    name: fields.name,
    file,
    variables: fields.variables,
    secrets: fields.secrets,
    headers: fields.headers,
    tls,
    proxy: fields.proxy,
    limits: fields.limits,
    demoCrm: fields.demoCrm,
    // Only an environment that mocks something carries the field.
    ...(Object.keys(fields.mock).length > 0 ? { mock: fields.mock } : {}),
  });
}

/**
 * Reads and validates the environment file at `path` (`.yaml`, `.yml` or `.json`; relative to
 * the working directory). Its id is the file's base name without the extension. Never throws:
 * every failure is a problem of the result, whose `environment` is null when there is any.
 */
export async function loadEnvironmentFile(path: string): Promise<LoadedEnvironment> {
  const file = resolve(path);
  const id = basename(file, extname(file));
  try {
    return await load(file, id);
  } catch (error) {
    // A bug or an exhausted stack (absurd nesting) must still come back as a problem.
    return {
      id,
      file,
      name: id,
      environment: null,
      problems: [wholeFile(file, `the file could not be read: ${(error as Error).message}`)],
    };
  }
}
