// Over 300 lines: one table of places a token could leak, each checked against the same recorded call.
/**
 * No secret where it was not sent, end to end: a workspace with a `staging` environment whose
 * headers carry `${secret.crm_token}` and `${secret.crm_pin}`, and a real loopback CRM that
 * echoes both back (in its JSON reply, its headers, a cookie, base64-encoded, the pin as a JSON
 * number); the flow stores the echo in variables, speaks them, reads the pin back as digits,
 * sends them on in a later request and transfers to a target built from them. Run through the
 * CLI's commands (`run`, `sessions`, exports, `replay`, `test`, `send`; in this process, with
 * what they print on their streams and on the process's own) and through the console's services
 * (call, snapshot, exports, re-runs, "save as test case", "send request"), the CRM gets the real
 * values and not one byte of any log, export, saved test case or output holds them.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ConsoleEvent, Envelope } from '../../src/shared/contract.ts';
import { dispatchRequest } from '../../src/main/ipc/dispatch-request.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import type { InProcessRun } from '../helpers/cli-in-process.ts';
import { startTestConsole } from '../helpers/console-services.ts';
import type { TestConsole } from '../helpers/console-services.ts';
import { replyJson, startLoopbackServer } from '../helpers/loopback-server.ts';
import type { LoopbackServer } from '../helpers/loopback-server.ts';
import { TOKEN, TOKEN_LEAK_FORMS } from './leak-forms.ts';

const PIN = '918273645546371';
const REDACTED = '[redacted]';

/** Every form the secrets could be written in: any of them anywhere is a leak. */
const LEAK_FORMS = [...TOKEN_LEAK_FORMS, PIN, PIN.split('').join(' ')];

function leakIn(bytes: Buffer | string): string | null {
  const haystack = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  return LEAK_FORMS.find((form) => haystack.includes(Buffer.from(form))) ?? null;
}

function assertNoLeak(bytes: Buffer | string, where: string): void {
  const form = leakIn(bytes);
  assert.equal(form, null, `${where} holds a secret (as ${JSON.stringify(form)})`);
}

/** Every file under `dir`, iteratively. */
function filesUnder(dir: string): string[] {
  const files: string[] = [];
  const queue = [dir];
  while (queue.length > 0) {
    const here = queue.pop() as string;
    for (const name of readdirSync(here)) {
      const path = join(here, name);
      if (statSync(path).isDirectory()) queue.push(path);
      else files.push(path);
    }
  }
  return files;
}

const FLOW = {
  id: 'echo-crm',
  name: 'Echo CRM',
  locale: 'en-US',
  start: 'ask',
  variables: { crm_base: 'http://127.0.0.1:9' },
  nodes: {
    ask: {
      type: 'getDigits',
      say: 'Enter your customer number, then hash.',
      variable: 'customer_id',
      minDigits: 3,
      maxDigits: 8,
      terminator: '#',
      timeoutMs: 5000,
      retries: 0,
      next: 'auth',
      onFail: 'sorry',
    },
    auth: {
      type: 'http',
      method: 'POST',
      contentType: 'json',
      url: '${crm_base}/auth?t=${secret.crm_token}',
      body: '{"id": "${customer_id}", "t": "${secret.crm_token}"}',
      next: 'hello',
      onError: 'sorry',
    },
    hello: { type: 'play', say: 'Hello ${name}, you said ${echo}.', next: 'read' },
    read: {
      type: 'readBack',
      say: 'Your pin is',
      value: '${pin}',
      sayAs: 'digits',
      next: 'report',
    },
    report: {
      type: 'http',
      method: 'POST',
      contentType: 'form',
      url: '${crm_base}/report',
      body: 'echo=${echo}&pin=${pin}&inner=${info.token}',
      next: 'away',
      onError: 'sorry',
    },
    away: { type: 'transfer', say: 'Transferring.', target: 'queue-${echo}' },
    sorry: { type: 'hangup', say: 'Sorry.' },
  },
};

/** The same secret used where it may not go. */
const MISPLACED = {
  id: 'misplaced',
  name: 'Misplaced',
  start: 'hello',
  nodes: {
    hello: { type: 'play', say: 'Token ${secret.crm_token}', next: 'keep' },
    keep: { type: 'setVariable', assign: { copy: '${secret.crm_token}' }, next: 'read' },
    read: { type: 'readBack', value: '${secret.crm_token}', sayAs: 'text', next: 'away' },
    away: { type: 'transfer', target: '${secret.crm_token}' },
  },
};

let crm: LoopbackServer;
let root: string;
let workspace: string;
let flowPath: string;
let dataDir: string;
let db: string;
/** Every output of every CLI run, and every file the tests wrote outside the data folder. */
const outputs: { what: string; run: InProcessRun }[] = [];
const written: string[] = [];

async function cli(
  what: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<InProcessRun> {
  const run = await runCliInProcess(
    args,
    { IVR_CONSOLE_DATA_DIR: dataDir, ...env },
    { captureProcessOutput: true },
  );
  outputs.push({ what, run });
  return run;
}

const SECRET_ENV = { IVR_SECRET_CRM_TOKEN: TOKEN, IVR_SECRET_CRM_PIN: PIN };

before(async () => {
  crm = await startLoopbackServer((req, res) => {
    const authorised =
      req.headers.authorization === `Bearer ${TOKEN}` && req.headers['x-pin'] === PIN;
    if (!authorised) return replyJson(res, { error: 'unauthorised' }, 401);
    if (req.url.startsWith('/auth')) {
      res.setHeader('x-echo', TOKEN);
      res.setHeader('x-echo-b64', Buffer.from(TOKEN).toString('base64'));
      res.setHeader('set-cookie', `sid=${encodeURIComponent(TOKEN)}; Path=/`);
      return replyJson(res, {
        name: 'Dora',
        echo: TOKEN,
        info: { token: TOKEN, url: encodeURIComponent(TOKEN) },
        pin: Number(PIN),
      });
    }
    return replyJson(res, { received: true });
  });
  root = await mkdtemp(join(tmpdir(), 'ivr-secret-leaks-'));
  workspace = join(root, 'workspace');
  dataDir = join(root, 'data');
  db = join(dataDir, 'sessions.db');
  await mkdir(join(workspace, 'flows'), { recursive: true });
  await mkdir(join(workspace, 'environments'));
  await mkdir(dataDir);
  flowPath = join(workspace, 'flows', 'echo.json');
  await writeFile(flowPath, JSON.stringify(FLOW, null, 2));
  await writeFile(join(workspace, 'flows', 'misplaced.json'), JSON.stringify(MISPLACED, null, 2));
  await writeFile(
    join(workspace, 'environments', 'staging.yaml'),
    [
      'name: Echo staging',
      'variables:',
      `  crm_base: ${crm.url}`,
      'secrets: [crm_token, crm_pin]',
      'headers:',
      '  Authorization: Bearer ${secret.crm_token}',
      '  X-Pin: ${secret.crm_pin}',
      '',
    ].join('\n'),
  );
});
after(async () => {
  await crm?.close();
  await rm(root, { recursive: true, force: true });
});

describe('secrets through the CLI', () => {
  test('validate names every place a secret may not go', async () => {
    const run = await cli('validate', ['validate', join(workspace, 'flows', 'misplaced.json')]);
    assert.equal(run.code, 1, run.stderr);
    for (const pointer of [
      '/nodes/hello/say',
      '/nodes/keep/assign/copy',
      '/nodes/read/value',
      '/nodes/away/target',
    ]) {
      assert.match(
        run.stdout,
        new RegExp(
          `${pointer}: \\$\\{secret\\.crm_token\\} is not allowed here: secrets go only in an http node's url, headers or body`,
        ),
      );
    }
    const refused = await cli(
      'run misplaced',
      ['run', join(workspace, 'flows', 'misplaced.json'), '--no-log'],
      SECRET_ENV,
    );
    assert.equal(refused.code, 2, 'an invalid flow is not run');
  });

  test('run, sessions, exports, replay, test and send: the CRM gets the secrets, no output or file holds them', async () => {
    const run = await cli(
      'run --json',
      ['run', flowPath, '--env', 'staging', '--dtmf', '123#', '--db', db, '--json'],
      SECRET_ENV,
    );
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as {
      sessionId: string;
      outcome: string;
      transferTarget: string;
      spoken: string[];
      variables: Record<string, unknown>;
      webhooks: { status: number; requestBody: string; url: string }[];
    };
    assert.equal(json.outcome, 'transfer');
    assert.deepEqual(
      json.webhooks.map((w) => w.status),
      [200, 200],
    );
    // The CRM received the real values, in the later request too (read from the variables).
    const [auth, report] = crm.received.slice(-2);
    assert.equal(auth?.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(auth?.url, `/auth?t=${encodeURIComponent(TOKEN)}`);
    assert.equal(JSON.parse(auth?.body ?? '{}').t, TOKEN);
    assert.equal(
      report?.body,
      new URLSearchParams({ echo: TOKEN, pin: PIN, inner: TOKEN }).toString(),
    );
    // What is shown says where the secret was.
    assert.equal(json.transferTarget, `queue-${REDACTED}`);
    assert.ok(json.spoken.includes(`Hello Dora, you said ${REDACTED}.`), json.spoken.join(' | '));
    assert.ok(json.spoken.includes(`Your pin is ${REDACTED}`), json.spoken.join(' | '));
    assert.equal(json.variables.echo, REDACTED);
    assert.equal(json.variables.pin, REDACTED);
    assert.equal(json.webhooks[0]?.url, `${crm.url}/auth?t=${REDACTED}`);
    assert.equal(
      json.webhooks[1]?.requestBody,
      `echo=${REDACTED}&pin=${REDACTED}&inner=${REDACTED}`,
    );
    const id = json.sessionId;

    const timeline = await cli(
      'run (timeline)',
      ['run', flowPath, '--env', 'staging', '--dtmf', '456#', '--db', db],
      SECRET_ENV,
    );
    assert.equal(timeline.code, 0, timeline.stderr);
    assert.match(timeline.stdout, /-> 200 OK/);

    for (const args of [
      ['sessions', 'show', id, '--db', db, '--json'],
      ['sessions', 'show', id, '--db', db],
      ['sessions', 'list', '--db', db, '--json'],
    ]) {
      const shown = await cli(args.join(' '), args);
      assert.equal(shown.code, 0, shown.stderr);
    }
    for (const format of ['json', 'har']) {
      const output = join(root, `export.${format}`);
      written.push(output);
      const args = ['sessions', 'export', id, '--db', db, '--format', format, '--output', output];
      const exported = await cli(`export ${format}`, args);
      assert.equal(exported.code, 0, exported.stderr);
      const stdout = await cli(`export ${format} (stdout)`, args.slice(0, -2));
      assert.equal(stdout.code, 0, stdout.stderr);
    }

    for (const mode of [['--mock-webhooks'], ['--env', 'staging']]) {
      const replay = await cli(
        `replay ${mode.join(' ')}`,
        ['replay', id, '--flow', flowPath, '--db', db, '--log', '--json', ...mode],
        SECRET_ENV,
      );
      assert.ok(replay.code === 0 || replay.code === 1, replay.stderr);
      JSON.parse(replay.stdout);
    }

    // A test case whose expectation fails prints the actual values: redacted.
    const testFile = join(workspace, 'tests', 'echo.yaml');
    await mkdir(join(workspace, 'tests'), { recursive: true });
    await writeFile(
      testFile,
      [
        'flow: ../flows/echo.json',
        'cases:',
        '  - name: echo',
        '    dtmf: "789#"',
        '    expect:',
        '      outcome: hangup',
        '      variables: { echo: "not it" }',
        '      spoken_includes: ["not said"]',
        '',
      ].join('\n'),
    );
    const junit = join(root, 'junit.xml');
    written.push(junit);
    for (const json of [[], ['--json']]) {
      const tested = await cli(
        `test ${json.join('')}`,
        ['test', testFile, '--env', 'staging', '--junit', junit, '--log', '--db', db, ...json],
        SECRET_ENV,
      );
      assert.equal(tested.code, 1, tested.stderr);
      assert.match(tested.stdout + readFileSync(junit, 'utf8'), /\[redacted\]/);
    }

    for (const json of [[], ['--json']]) {
      const sent = await cli(
        `send ${json.join('')}`,
        [
          'send',
          flowPath,
          '--node',
          'auth',
          '--env',
          'staging',
          '--var',
          'customer_id=321',
          ...json,
        ],
        SECRET_ENV,
      );
      assert.equal(sent.code, 0, sent.stderr);
      assert.match(sent.stdout, /\[redacted\]/);
    }
    assert.equal(crm.received.at(-1)?.headers.authorization, `Bearer ${TOKEN}`);

    // Closed by now: the log, its WAL, the exports, the report and every other file written.
    const files = [db, `${db}-wal`, `${db}-shm`, ...written, ...filesUnder(dataDir)];
    assert.ok(existsSync(db));
    for (const file of new Set(files)) {
      if (existsSync(file)) assertNoLeak(readFileSync(file), file);
    }
    for (const { what, run: output } of outputs) {
      assertNoLeak(output.stdout, `stdout of ${what}`);
      assertNoLeak(output.stderr, `stderr of ${what}`);
      assertNoLeak(output.processOutput, `what ${what} printed around its streams`);
    }
  });
});

describe('secrets through the console', () => {
  let app: TestConsole;
  const events: ConsoleEvent[] = [];
  const answers: unknown[] = [];

  async function value<T>(channel: string, input: unknown = {}): Promise<T> {
    const answer: Envelope<unknown> = await dispatchRequest(app.handlers, channel, input);
    if (!answer.ok) assert.fail(`${channel}: ${answer.error.code}: ${answer.error.message}`);
    answers.push(answer.value);
    return answer.value as T;
  }

  before(async () => {
    app = await startTestConsole({ workspace, dataDir: join(root, 'console-data') });
    app.services.hub.subscribe((event) => events.push(event));
  });
  after(async () => {
    await app?.services.close();
  });

  test('call, snapshot, exports, re-runs, saved test case and sent request hold no secret', async () => {
    const environmentId = 'workspace:staging';
    await value('secrets.set', { environmentId, name: 'crm_token', value: TOKEN });
    await value('secrets.set', { environmentId, name: 'crm_pin', value: PIN });
    await value('flows.list');
    const { callId, sessionId } = await value<{ callId: string; sessionId: string }>('call.start', {
      flowPath,
      environmentId,
      source: '+3612345678',
      destination: '+3612000000',
    });
    for (const key of ['1', '2', '3', '#']) await value('call.pressKey', { callId, key });
    const ended = (): boolean =>
      events.some((e) => e.kind === 'call' && e.callId === callId && e.event.type === 'call_ended');
    for (let i = 0; i < 600 && !ended(); i++) await new Promise((r) => setTimeout(r, 25));
    assert.ok(ended(), 'the call ended');
    assert.equal(crm.received.at(-1)?.body.includes(encodeURIComponent(PIN)), true);

    const snapshot = await value<{ events: { type: string; target?: string }[] }>('call.snapshot', {
      callId,
    });
    assert.equal(snapshot.events.find((e) => e.type === 'transfer')?.target, `queue-${REDACTED}`);
    await value('sessions.get', { id: sessionId });
    await value('sessions.list', {});
    await value('sessions.export', { id: sessionId, format: 'json' });
    await value('sessions.export', { id: sessionId, format: 'har' });
    await value('sessions.rerun', { id: sessionId, mode: 'mock' });
    await value('sessions.rerun', { id: sessionId, mode: 'live', environmentId });
    const saved = await value<{ path: string }>('sessions.saveAsTest', { id: sessionId });
    assert.match(readFileSync(saved.path, 'utf8'), /\[redacted\]/);
    const sent = await value<{ exchange: { response: { headers: [string, string][] } } }>(
      'request.send',
      { flowPath, nodeId: 'auth', environmentId, variables: { customer_id: '555' } },
    );
    assert.ok(sent.exchange.response.headers.some(([n, v]) => n === 'x-echo' && v === REDACTED));
    await app.services.close();

    assertNoLeak(JSON.stringify(answers), 'the channel answers');
    assertNoLeak(JSON.stringify(events), 'the events sent to the page');
    for (const file of filesUnder(app.dataDir)) assertNoLeak(readFileSync(file), file);

    // The saved case runs again as it is, with the same secrets.
    const rerun = await cli(
      'test saved case',
      ['test', saved.path, '--env', join(workspace, 'environments', 'staging.yaml')],
      SECRET_ENV,
    );
    assertNoLeak(rerun.stdout + rerun.stderr, 'the saved case run');
    assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
  });
});
