/**
 * packages/artillery-engine-ivr under a real `artillery run` (a child process of the installed
 * Artillery, as a user runs it) against the scripted loopback CRM of load-command.test.ts: the
 * same flow, the same script, and the same exact counts per node and error code, read from
 * Artillery's own `--output` report; the latencies are in its summaries. A scenario that cannot
 * run says why; the bundle built for Artillery's distributed modes counts the same as the source.
 *
 * Artillery is installed apart from the project's dependencies (it is large):
 * `npm ci --prefix packages/artillery-engine-ivr --ignore-scripts`, which .ci/run does. Without
 * it the tests skip, saying so; on CI they fail, as a skip there would hide a broken install step.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { stringify } from 'yaml';
import { ROOT } from '../helpers/project-root.ts';
import { startScriptedCrm } from '../helpers/scripted-crm.ts';
import type { ScriptedCrm } from '../helpers/scripted-crm.ts';
import {
  expectedLookupCounts,
  lookupScript,
  RESPONSE_LIMIT_MS,
  writeLookupFlow,
} from './lookup-load-fixture.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const PACKAGE = join(ROOT, 'packages/artillery-engine-ivr');
const ARTILLERY = join(PACKAGE, 'node_modules/artillery/bin/run');
/** The package links itself into its node_modules, where Artillery looks for its engines. */
const ENGINE_LINK = join(PACKAGE, 'node_modules/artillery-engine-ivr/package.json');
const INSTALL = 'npm ci --prefix packages/artillery-engine-ivr --ignore-scripts';
const installed = existsSync(ARTILLERY) && existsSync(ENGINE_LINK);
/** Skipped, saying why, where Artillery is missing; never on CI, where it must be there. */
const WHEN_INSTALLED = {
  skip:
    installed || process.env.CI === 'true'
      ? false
      : `Artillery is not installed: run \`${INSTALL}\``,
};

/** On CI, where nothing skips: a missing install fails first, saying so. */
function requireArtillery(): void {
  assert.ok(installed, `Artillery is not installed: .ci/run must run \`${INSTALL}\``);
}

/** Artillery's start, a 5 s phase and its shutdown take about 15 s; a stuck run still ends. */
const RUN_TIMEOUT_MS = 120_000;

/** The `ivr.*` counters `calls` calls against {@link lookupScript} make. */
function expectedCounters(calls: number): Record<string, number> {
  const expected = expectedLookupCounts(calls);
  return {
    'ivr.calls.hangup': calls,
    'ivr.lookup.ok': expected.ok,
    ...Object.fromEntries(
      Object.entries(expected.errors).map(([code, n]) => [`ivr.lookup.errors.${code}`, n]),
    ),
    'ivr.lookup.over_limit': expected.overLimit,
  };
}

/** The `ivr.*` counters of a report. */
function ivrCounters(report: ArtilleryReport): Record<string, number> {
  return Object.fromEntries(
    Object.entries(report.aggregate.counters).filter(([name]) => name.startsWith('ivr.')),
  );
}

/** What a finished `artillery run` left. */
interface ArtilleryRun {
  code: number | null;
  output: string;
}

/** Runs the installed Artillery with this Node (its bin's `env node` may find another). */
function runArtillery(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ArtilleryRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ARTILLERY, ...args], {
      cwd,
      env: { ...process.env, ARTILLERY_DISABLE_TELEMETRY: 'true', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** The parts of Artillery's `--output` report read here. */
interface ArtilleryReport {
  aggregate: {
    counters: Record<string, number>;
    summaries: Record<string, { count: number; min: number; max: number; p50: number }>;
  };
}

describe('artillery-engine-ivr under artillery run', () => {
  let crm: ScriptedCrm | undefined;
  after(async () => {
    await crm?.close();
  });

  test('the same counts per node and error code as ivr-console load', WHEN_INSTALLED, async () => {
    requireArtillery();
    const dir = tempDir('ivr-artillery-');
    writeLookupFlow(dir);
    crm = await startScriptedCrm(lookupScript);
    const calls = 200;
    writeFileSync(
      join(dir, 'load.yml'),
      stringify({
        config: {
          target: 'ivr://flows',
          // Exactly `calls` virtual users, over 5 s.
          phases: [{ duration: 5, arrivalCount: calls }],
          engines: { ivr: {} },
        },
        scenarios: [
          {
            name: 'lookup',
            engine: 'ivr',
            ivr: { flow: 'lookup.json', vars: { crm_base: crm.url } },
          },
        ],
      }),
    );
    const run = await runArtillery(['run', 'load.yml', '--output', 'report.json'], dir);
    assert.equal(run.code, 0, run.output);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ArtilleryReport;
    const { counters, summaries } = report.aggregate;
    assert.equal(crm.log.length, calls, 'one request per call');

    // Exactly what load-command.test.ts expects of `ivr-console load`: 20 past the limit, 26
    // answered 500, one body too large, 153 ok.
    assert.deepEqual(ivrCounters(report), expectedCounters(calls));
    assert.deepEqual(expectedCounters(calls), {
      'ivr.calls.hangup': 200,
      'ivr.lookup.ok': 153,
      'ivr.lookup.errors.response_timeout': 20,
      'ivr.lookup.errors.http_status': 26,
      'ivr.lookup.errors.body_too_large': 1,
      'ivr.lookup.over_limit': 20,
    });
    assert.equal(counters['vusers.created'], calls);
    assert.equal(counters['vusers.completed'], calls);
    assert.equal(counters['vusers.failed'] ?? 0, 0);

    // Latencies: every exchange, none faster than the CRM's shortest wait, the timeouts at about
    // the response limit (the client gives up there), and the median among the answered ones.
    const latency = summaries['ivr.lookup.latency'];
    assert.ok(latency, `ivr.lookup.latency in the summaries: ${Object.keys(summaries).join(', ')}`);
    assert.equal(latency.count, calls);
    assert.ok(latency.min >= 130, `min ${latency.min} ms, the CRM waits 130 ms at least`);
    assert.ok(
      latency.max >= RESPONSE_LIMIT_MS && latency.max < RESPONSE_LIMIT_MS + 300,
      `max ${latency.max} ms: the timeouts end at the ${RESPONSE_LIMIT_MS} ms limit`,
    );
    assert.ok(latency.p50 >= 130 && latency.p50 < RESPONSE_LIMIT_MS, `p50 ${latency.p50} ms`);
  });

  test('a scenario that cannot run says why, and its users fail', WHEN_INSTALLED, async () => {
    requireArtillery();
    const dir = tempDir('ivr-artillery-');
    writeLookupFlow(dir);
    const users = 6;
    writeFileSync(
      join(dir, 'broken.yml'),
      stringify({
        config: {
          target: 'ivr://flows',
          phases: [{ duration: 1, arrivalCount: users }],
          engines: { ivr: {} },
          // Artillery exits 0 whatever its users did; `ensure` is how a run fails.
          plugins: { ensure: {} },
          ensure: { conditions: [{ expression: 'vusers.failed == 0' }] },
        },
        scenarios: [
          { name: 'missing', engine: 'ivr', ivr: { flow: 'missing.json' } },
          { name: 'typo', engine: 'ivr', ivr: { flow: 'lookup.json', dtfm: '1' } },
        ],
      }),
    );
    const run = await runArtillery(['run', 'broken.yml', '--output', 'report.json'], dir);
    assert.equal(run.code, 1, run.output);
    assert.ok(
      run.output.includes(`scenario "missing": flow ${join(dir, 'missing.json')}: no such file`),
      run.output,
    );
    assert.match(run.output, /scenario "typo": ivr\.dtfm: unknown field/);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ArtilleryReport;
    assert.equal(report.aggregate.counters['errors.ivr.scenario_invalid'], users);
    assert.equal(report.aggregate.counters['vusers.failed'], users);
  });

  test('the bundle for run-fargate and run-aci counts the same', WHEN_INSTALLED, async () => {
    requireArtillery();
    const dir = tempDir('ivr-artillery-');
    writeLookupFlow(dir);
    // What `npm run bundle` packs for the workers of run-fargate and run-aci, installed as npm
    // installs it: a plain folder in node_modules, nothing of this repository around it.
    execFileSync(process.execPath, [join(PACKAGE, 'scripts/bundle.ts'), dir], { stdio: 'pipe' });
    execFileSync('tar', ['-xzf', join(dir, 'artillery-engine-ivr-0.1.0.tgz'), '-C', dir]);
    // Under an engine name of its own: Artillery finds `ivr` next to itself (this folder's link),
    // and `artillery-engine-ivr-bundle` only through NODE_PATH, so the bundle is what runs.
    mkdirSync(join(dir, 'node_modules'));
    renameSync(join(dir, 'package'), join(dir, 'node_modules/artillery-engine-ivr-bundle'));
    await crm?.close();
    crm = await startScriptedCrm(lookupScript);
    const calls = 20;
    writeFileSync(
      join(dir, 'bundle.yml'),
      stringify({
        config: {
          target: 'ivr://flows',
          phases: [{ duration: 1, arrivalCount: calls }],
          engines: { 'ivr-bundle': {} },
        },
        scenarios: [
          {
            name: 'lookup',
            engine: 'ivr-bundle',
            ivr: { flow: 'lookup.json', vars: { crm_base: crm.url } },
          },
        ],
      }),
    );
    const run = await runArtillery(['run', 'bundle.yml', '--output', 'report.json'], dir, {
      NODE_PATH: join(dir, 'node_modules'),
    });
    assert.equal(run.code, 0, run.output);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ArtilleryReport;
    assert.deepEqual(ivrCounters(report), expectedCounters(calls));
    assert.equal(report.aggregate.summaries['ivr.lookup.latency']?.count, calls);
  });
});
