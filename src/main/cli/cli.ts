/**
 * The headless runner `ivr-console` (../shared/spec/CLI.md): dispatches a command and maps every
 * failure to an exit status: usage errors to 2 with a message on stderr, nothing as a raw stack
 * trace.
 */
import type { CliIo } from './cli-io.ts';
import { EXIT, println, UsageError } from './cli-io.ts';
import { exploreCommand } from './commands/explore-command.ts';
import { loadCommand } from './commands/load-command.ts';
import { mockCrmCommand } from './commands/mock-crm-command.ts';
import { replayCommand } from './commands/replay-command.ts';
import { runCommand } from './commands/run-command.ts';
import { sendCommand } from './commands/send-command.ts';
import { sessionsCommand } from './commands/sessions-command.ts';
import { testCommand } from './commands/test-command.ts';
import { validateCommand } from './commands/validate-command.ts';

/** The help text. */
export const HELP = `ivr-console: the IVR Test Console's headless runner

usage: ivr-console <command> [options]

commands:
  run <flow.json>           place one call through the flow
      --dtmf <keys>         the caller's keys, used as the flow waits: 0-9 * #, ~ = stay silent;
                            when the keys run out the caller hangs up
      --source <number>     caller number (default +3612345678, a demo customer)
      --destination <num>   called number (default +3612000000)
      --customer <id>       system variable customer (default demo)
      --projectid <id>      system variable projectid (default demo)
      --var name=value      preset a user variable (repeatable)
      --workspace <dir>     the workspace (default: the nearest folder above the flow with an
                            environments/ folder, else the current directory)
      --env <name|file>     an environment of the workspace (environments/<name>.yaml) or a file
      --secret name=value   value for \${secret.name} (repeatable; or env IVR_SECRET_NAME)
      --db <path>           session database (default: the desktop app's)
      --no-log              do not log the session
      --realtime            wait prompts and timeouts in real time
      --demo-crm            start the demo CRM on a free port and point crm_base at it
      --json                one JSON document on stdout
  validate <flow.json>...   check flows; every problem with its JSON Pointer [--json]
  sessions list             logged sessions, newest first [--limit N] [--flow ID] [--db P] [--json]
  sessions show <id>        one session with all its events [--db P] [--json]
  sessions export <id>      --format json|har|mock: session, webhooks as HAR, or an environment
                            whose mocks give every reply back [--output F] [--db P]
  replay <id>               re-run a session through the flow as it is now and diff; exit 1 if it
                            differs [--mock-webhooks] [--demo-crm] [--flow F] [--var n=v] [--log] [--json]
  test <file.yaml|dir>      scripted call tests [--demo-crm] [--var n=v] [--junit P] [--log|--db P] [--json]
      --coverage            nodes and exits the cases took, per flow: a table after the results
                            (in --json: "coverage")
      --coverage-html <F>   the coverage as a self-contained HTML page (implies --coverage)
      --min-coverage N      exit 1 when a flow's cases take under N % of its exits (0 to 100;
                            implies --coverage)
  send <flow.json> --node <id>
                            fire one http node's request as a call would; print the exchange; no
                            call, no session [--var n=v] [--json]; exit 1 when it has an error
  load <flow.json>          many callers at once through the flow and its webhooks; latency per
                            node, errors by code; progress on stderr once a second
      --calls N             calls to place in all (default 100)
      --concurrency C       calls in progress at once (default 10); or
      --rate R              new calls per second (open model; R may be a fraction)
      --dtmf <keys>         what every caller presses; or
      --cases <file.yaml>   callers take turns through a test file's cases (keys and setup)
      --realtime            callers take real time (prompts, timeouts); default: webhooks back
                            to back
      --log                 log every call as a session [--db P]
      --var name=value      preset a user variable (repeatable)
      --demo-crm            start the demo CRM on a free port and point crm_base at it
      --report <file.html>  a self-contained HTML report with charts
      --json                one JSON document on stdout
  explore <flow.json>       walk the flow with generated callers (every menu key and a wrong one,
                            silence, too few and too many digits, * and #, values the mocks and
                            datasets single out) and the environment's mocked replies; write test
                            cases taking every exit reached; list the exits not reached and why
      --out <file>          write the cases there (default: stdout, the summary then on stderr);
                            an existing file is never replaced without --force
      --force               replace the --out file
      --max-cases N         write at most N cases (default 200)
      --max-depth N         inputs per generated caller at most (default 12)
      --max-calls N         calls placed at most (default 3000)
      --var name=value      preset a user variable (repeatable)
      --json                the report as one JSON document on stdout (the cases in "yaml")
  run, test, replay, send and load take --workspace <dir>, --env <name|file> and --secret name=value
  mock-crm                  start the demo CRM [--port N] (default 4010, 0 = any free port)

exit status (each command's --help has its own):
  run        0 the call reached an end; 1 it ended in error; 2 usage error, invalid flow or
             environment, missing secret
  validate   0 every flow is valid (warnings allowed); 1 a flow has an error; 2 usage error or a
             file that cannot be read
  sessions   0 ok; 1 no such session, or the log cannot be opened; 2 usage error
  replay     0 the re-run matches; 1 it differs; 2 usage error, unknown session, invalid flow
  test       0 every case passes; 1 a case fails, or a flow is under --min-coverage; 2 usage
             error, invalid test file or flow
  load       0 every call completed and no webhook had an error; 1 otherwise; 2 usage error,
             invalid flow, environment or cases file
  send       0 the exchange is ok; 1 it has an error; 2 usage error, node not an http node
  explore    0 every reachable exit was reached; 1 some were not (the cases found are still
             written); 2 usage error, invalid flow or environment, --out exists without --force
  mock-crm   0 stopped with Ctrl-C; 2 usage error, port in use`;

/**
 * One command's part of {@link HELP}: its line and the option lines under it
 * (../shared/spec/CLI.md: every command answers `--help` with its own usage). Null for an unknown
 * command.
 */
export function commandHelp(command: string): string | null {
  const all = HELP.split('\n');
  const table = all.findIndex((l) => l.startsWith('exit status'));
  const lines = all.slice(0, table);
  const blocks: string[] = [];
  for (let start = 0; start < lines.length; start++) {
    const line = lines[start] ?? '';
    if (!line.startsWith(`  ${command} `) && line !== `  ${command}`) continue;
    let end = start + 1;
    // Option lines are indented deeper than command lines; a block ends at the next command.
    while (end < lines.length && /^ {4,}/.test(lines[end] ?? '')) end++;
    const block = lines.slice(start, end).map((l) => l.slice(2));
    blocks.push([`usage: ivr-console ${block[0]?.trim()}`, ...block.slice(1)].join('\n'));
  }
  if (blocks.length === 0) return null;
  const shared = ['run', 'test', 'replay', 'load', 'explore'].includes(command)
    ? '\n\nalso: --workspace <dir>, --env <name|file>, --secret name=value (see ivr-console --help)'
    : '';
  return `${blocks.join('\n')}${shared}\n\n${exitStatusOf(command, all.slice(table + 1))}`;
}

/** A command's rows of the exit status table in {@link HELP}, as its own `exit status:` text. */
function exitStatusOf(command: string, table: string[]): string {
  const start = table.findIndex((l) => l.startsWith(`  ${command.padEnd(10)} `));
  if (start === -1) return '';
  let end = start + 1;
  while (end < table.length && /^ {13}/.test(table[end] ?? '')) end++;
  const [first = '', ...rest] = table.slice(start, end);
  return [`exit status: ${first.slice(13)}`, ...rest].join('\n');
}

/** Runs the CLI with `argv` (without node and script). Resolves to the exit status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  // `<command> --help`: that command's usage, whatever else was given (send has its own).
  if (
    command !== undefined &&
    command !== 'send' &&
    (args.includes('--help') || args.includes('-h'))
  ) {
    const help = commandHelp(command);
    if (help !== null) {
      println(io.stdout, help);
      return EXIT.ok;
    }
  }
  try {
    switch (command) {
      case 'run':
        return await runCommand(args, io);
      case 'validate':
        return await validateCommand(args, io);
      case 'sessions':
        return await sessionsCommand(args, io);
      case 'mock-crm':
        return await mockCrmCommand(args, io);
      case 'replay':
        return await replayCommand(args, io);
      case 'test':
        return await testCommand(args, io);
      case 'send':
        return await sendCommand(args, io);
      case 'load':
        return await loadCommand(args, io);
      case 'explore':
        return await exploreCommand(args, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        println(command === undefined ? io.stderr : io.stdout, HELP);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(
          `unknown command "${command}" (run, validate, sessions, replay, test, send, load, explore, mock-crm; see --help)`,
        );
    }
  } catch (error) {
    if (error instanceof UsageError) {
      println(io.stderr, `ivr-console ${error.message}`);
      return EXIT.usage;
    }
    println(io.stderr, `ivr-console: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  }
}
