/**
 * The JUnit XML report of a `test` run, in the form CI servers read (Jenkins, GitLab, GitHub
 * test reporters): one `<testsuite>` per test file, one `<testcase>` per case, a `<failure>`
 * listing every unmet expectation, and the call itself (path, prompts, webhooks) in
 * `<system-out>` so a failure can be understood from the CI page alone.
 */
import { describeFailure } from './expectation-failure.ts';
import type { CaseResult } from './run-test-case.ts';
import type { SuiteResult } from './run-test-files.ts';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './xml-escape.ts';

/** Seconds with millisecond precision, as JUnit's `time` attributes are written. */
function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** `resources/tests/balance.yaml` → `resources.tests.balance`: CI servers group by dotted classname. */
export function classnameOf(displayPath: string): string {
  return displayPath
    .replace(/\.ya?ml$/i, '')
    .replace(/^(\.\.\/)+/, '')
    .replace(/[/\\]/g, '.');
}

/** What the call did, for `<system-out>`. */
function callLog(result: CaseResult): string {
  const run = result.run;
  if (!run) return `dtmf: ${result.dtmf}\n`;
  const lines = [
    `dtmf: ${result.dtmf}`,
    `outcome: ${run.outcome} (ended by ${run.endedBy})${run.transferTarget ? ` to ${run.transferTarget}` : ''}`,
    `path: ${run.path.join(' → ')}`,
    'spoken:',
    ...run.spoken.map((line) => `  ${line}`),
  ];
  if (run.webhooks.length > 0) {
    lines.push('webhooks:');
    for (const w of run.webhooks) {
      lines.push(
        `  ${w.node} ${w.method} ${w.url} → ${w.status ?? w.error ?? 'no answer'}${w.onHangup ? ' (on hang-up)' : ''}`,
      );
    }
  }
  if (run.warnings.length > 0) lines.push('warnings:', ...run.warnings.map((w) => `  ${w}`));
  if (run.sessionId) lines.push(`session: ${run.sessionId}`);
  return lines.join('\n') + '\n';
}

/** One `<testcase>` element. */
function testcase(result: CaseResult, classname: string, indent: string): string {
  const open = `${indent}<testcase name="${attr(result.name)}" classname="${attr(classname)}" time="${seconds(result.timeMs)}">`;
  const inner = `${indent}  `;
  const parts = [open];
  if (result.error !== null) {
    const headline = result.error.split('\n')[0] ?? 'runner error';
    parts.push(
      `${inner}<error message="${attr(headline)}" type="runner">${text(result.error)}</error>`,
    );
  } else if (result.failures.length > 0) {
    const n = result.failures.length;
    const names = result.failures.map((f) => f.expectation).join(', ');
    const message = `${n} expectation${n === 1 ? '' : 's'} not met: ${names}`;
    const body = result.failures.map((f) => `${describeFailure(f)} (line ${f.line})`).join('\n');
    parts.push(
      `${inner}<failure message="${attr(message)}" type="expectation">${text(body)}</failure>`,
    );
  }
  parts.push(`${inner}<system-out>${text(callLog(result))}</system-out>`);
  parts.push(`${indent}</testcase>`);
  return parts.join('\n');
}

/** Counts of a group of cases. */
function counts(cases: readonly CaseResult[]): { tests: number; failures: number; errors: number } {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.error === null && c.failures.length > 0).length,
    errors: cases.filter((c) => c.error !== null).length,
  };
}

/** The whole report. `timeMs` is the run's total wall-clock time. */
export function junitReport(suites: readonly SuiteResult[], timeMs: number): string {
  const all = counts(suites.flatMap((s) => s.cases));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ivr-console test" tests="${all.tests}" failures="${all.failures}" errors="${all.errors}" time="${seconds(timeMs)}">`,
  ];
  for (const suite of suites) {
    const c = counts(suite.cases);
    const name = suite.file.displayPath;
    // JUnit's schema wants a local timestamp without zone; UTC keeps runs comparable across hosts.
    const timestamp = suite.startedAt.toISOString().slice(0, 19);
    lines.push(
      `  <testsuite name="${attr(name)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="0" time="${seconds(suite.timeMs)}" timestamp="${timestamp}">`,
      '    <properties>',
      `      <property name="flow" value="${attr(suite.file.flow.id)}"/>`,
      `      <property name="flowFile" value="${attr(suite.file.flowDisplayPath)}"/>`,
      '    </properties>',
    );
    const classname = classnameOf(name);
    for (const result of suite.cases) lines.push(testcase(result, classname, '    '));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
