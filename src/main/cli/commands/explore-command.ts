/**
 * `explore <flow.json>`: walks the flow with generated callers and the environment's mocked
 * replies, writes YAML test cases that take every exit reached, and reports the exits it could
 * not reach and why (../shared/spec/CLI.md). The cases go to `--out FILE` (never over an existing
 * file without `--force`: a hand-written test file must not be lost) or, without it, to stdout,
 * the summary then to stderr. Exit 0 when every reachable exit is reached, 1 when some are not
 * (the cases found are still written), 2 for usage errors, an invalid flow or environment.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExploreReport } from '../../../shared/contract/coverage-types.ts';
import { formatProblem } from '../../../shared/flow/validate-flow.ts';
import { exploreFlow } from '../../explore/explore-flow.ts';
import { loadFlowFile } from '../../flows/load-flow-file.ts';
import { writeFileAtomic } from '../../fs/write-file-atomic.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT, parseOptions, println, UsageError } from '../cli-io.ts';
import { ENVIRONMENT_OPTIONS, resolveCliEnvironment } from '../environment-option.ts';
import { parseVarOptions } from '../name-value-options.ts';

const OPTIONS = {
  out: { type: 'string' },
  force: { type: 'boolean' },
  'max-cases': { type: 'string' },
  'max-depth': { type: 'string' },
  'max-calls': { type: 'string' },
  var: { type: 'string', multiple: true },
  ...ENVIRONMENT_OPTIONS,
  json: { type: 'boolean' },
} as const;

/** A whole number option within `[min, max]`, or undefined when not given. */
function count(name: string, value: string | undefined, min: number, max: number) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`explore: --${name} ${value}: a whole number from ${min} to ${max}`);
  }
  return n;
}

/** The file `--out` names, refused when it is a folder or (without --force) already exists. */
function outputFile(out: string | undefined, force: boolean, cwd: string): string | null {
  if (out === undefined) return null;
  const path = resolve(cwd, out);
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) {
      throw new UsageError(`explore: --out ${out}: is a directory; name the test file to write`);
    }
    if (!force) {
      throw new UsageError(
        `explore: --out ${out}: the file exists; add --force to replace it, or choose another name`,
      );
    }
  }
  return path;
}

/** The summary for people. */
function summary(report: ExploreReport, written: string | null): string[] {
  const edges = report.coverage.edges;
  const lines = [
    `explored ${report.coverage.flow.id}: ${report.callsPlaced} calls, ${report.cases.length} cases take ${edges.taken} of ${edges.total} exits (${edges.percent} %)`,
  ];
  for (const c of report.cases) lines.push(`  case  ${c.name}  dtmf ${c.dtmf || '(none)'}`);
  if (report.unreached.length > 0) {
    lines.push(`not reached (${report.unreached.length}):`);
    for (const u of report.unreached) lines.push(`  ${u.edgeId}: ${u.reason}`);
  }
  if (written !== null) lines.push(`test cases written to ${written}`);
  return lines;
}

/** Explores one flow; resolves to the exit status. */
export async function exploreCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS, 'explore');
  if (positionals.length !== 1) throw new UsageError('explore: name exactly one flow file');
  const maxCases = count('max-cases', values['max-cases'], 1, 100_000);
  const maxDepth = count('max-depth', values['max-depth'], 1, 200);
  const maxCalls = count('max-calls', values['max-calls'], 1, 1_000_000);
  const variables = parseVarOptions('explore', values.var, () => 'it is set for each call');
  const out = outputFile(values.out, values.force === true, io.cwd);

  const loaded = await loadFlowFile(positionals[0] as string, io.cwd);
  if (loaded.readError) throw new UsageError(`explore: ${positionals[0]}: ${loaded.readError}`);
  if (!loaded.flow) {
    println(io.stderr, `explore: ${positionals[0]} is not a valid flow:`);
    for (const problem of loaded.problems) println(io.stderr, `  ${formatProblem(problem)}`);
    return EXIT.usage;
  }
  const environment = await resolveCliEnvironment('explore', values, loaded.path, io);
  try {
    const report = await exploreFlow({
      flow: loaded.flow,
      flowPath: loaded.path,
      recordings: loaded.recordings,
      environment,
      variables,
      environmentId: values.env ?? null,
      outputPath: out ?? resolve(io.cwd, `${loaded.flow.id}.explored.yaml`),
      ...(maxCases === undefined ? {} : { maxCases }),
      bounds: {
        ...(maxDepth === undefined ? {} : { maxDepth }),
        ...(maxCalls === undefined ? {} : { maxCalls }),
      },
      signal: io.signal,
    });
    if (out !== null) await writeFileAtomic(out, report.yaml, { createFolder: true });
    if (values.json) {
      println(io.stdout, JSON.stringify(report, null, 2));
    } else {
      if (out === null) io.stdout.write(report.yaml);
      const stream = out === null ? io.stderr : io.stdout;
      for (const line of summary(report, out)) println(stream, line);
    }
    return report.unreached.length === 0 ? EXIT.ok : EXIT.failed;
  } finally {
    await environment.close();
  }
}
