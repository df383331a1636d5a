// Over 300 lines: one workspace on disk, each test a command of the same scenario.
/**
 * The user's own workspace from the command line, the way the "Done means" puts it: a
 * workspace made by hand with one flow and a `staging` environment pointing at an HTTPS CRM with
 * its own CA and a bearer token, run by `ivr-console run flows/x.json --env staging` with the
 * token from `IVR_SECRET_CRM_TOKEN`; `send` gives the same exchange; the token is in no byte of
 * the session log, the exports or the output.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from '../helpers/cli-process.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import type { CliRun } from '../helpers/cli-process.ts';
import { startHttpsCrm } from '../helpers/https-crm.ts';
import type { HttpsCrm } from '../helpers/https-crm.ts';
import { createTestCertificates } from '../helpers/test-certificates.ts';
import type { TestCertificates } from '../helpers/test-certificates.ts';

const TOKEN = 'tok-3c1f9a7e52d8-SECRET';

let certs: TestCertificates | null = null;
let crm: HttpsCrm;
let dataDir: string;
const outputs: CliRun[] = [];

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const run = await runCliInProcess(args, { IVR_CONSOLE_DATA_DIR: dataDir, ...env });
  outputs.push(run);
  return run;
}

before(async () => {
  certs = await createTestCertificates();
  dataDir = await mkdtemp(join(tmpdir(), 'ivr-envcli-data-'));
  if (certs) crm = await startHttpsCrm(certs, TOKEN);
});
after(async () => {
  await crm?.close();
  await certs?.remove();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a workspace of your own from the CLI', () => {
  test('run --env staging reaches the HTTPS CRM with its CA and the token from IVR_SECRET_CRM_TOKEN', async (t) => {
    if (!certs) return t.skip('openssl not found: no certificates to test HTTPS with');
    const run = await cli(['run', crm.flowPath, '--env', 'staging', '--dtmf', '123#', '--json'], {
      IVR_SECRET_CRM_TOKEN: TOKEN,
    });
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as {
      webhooks: { status: number; ok: boolean; url: string; variablesSet: object }[];
      spoken: string[];
      sessionId: string;
    };
    assert.equal(json.webhooks[0]?.status, 200);
    assert.equal(json.webhooks[0]?.ok, true);
    assert.equal(json.webhooks[0]?.url, `${crm.url}/auth`);
    assert.deepEqual(json.webhooks[0]?.variablesSet, {
      authenticated: true,
      customer_name: 'Dora',
    });
    assert.ok(json.spoken.includes('Hello Dora.'), json.spoken.join(' | '));
    assert.equal(crm.received.at(-1)?.authorization, `Bearer ${TOKEN}`);
    assert.equal(crm.received.at(-1)?.body, '{"id":"123"}');
  });

  test('--workspace names the workspace', async (t) => {
    if (!certs) return t.skip('openssl not found');
    const byPath = await cli(
      [
        'run',
        crm.flowPath,
        '--workspace',
        crm.workspace,
        '--env',
        'staging',
        '--dtmf',
        '456#',
        '--no-log',
      ],
      { IVR_SECRET_CRM_TOKEN: TOKEN },
    );
    assert.equal(byPath.code, 0, byPath.stderr);
    assert.match(byPath.stdout, /-> 200 OK/);
  });

  test('a missing secret stops the call before anything is sent, naming it and how to set it', async (t) => {
    if (!certs) return t.skip('openssl not found');
    const before = crm.received.length;
    const run = await cli(['run', crm.flowPath, '--env', 'staging', '--dtmf', '1#']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /environment "Staging CRM" needs a value for secret crm_token/);
    assert.match(run.stderr, /--secret crm_token=…/);
    assert.match(run.stderr, /IVR_SECRET_CRM_TOKEN/);
    assert.equal(crm.received.length, before, 'no request reached the CRM');
  });

  test('an unknown environment lists the ones there are', async (t) => {
    if (!certs) return t.skip('openssl not found');
    const run = await cli(['run', crm.flowPath, '--env', 'prod', '--dtmf', '1#']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /prod/);
    assert.match(run.stderr, /staging/);
  });

  test('an environment file with a mistake is reported with file, line and field; nothing is sent', async (t) => {
    if (!certs) return t.skip('openssl not found');
    const broken = join(crm.workspace, 'environments', 'broken.yaml');
    await writeFile(
      broken,
      'name: Broken\nvariables:\n  crm_base: https://x.example\nprxy: http://p:1\n',
    );
    try {
      const run = await cli(['run', crm.flowPath, '--env', 'broken', '--dtmf', '1#']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /broken\.yaml:4:1: prxy: /);
      assert.match(run.stderr, /proxy/, 'the closest field is suggested');
    } finally {
      await rm(broken);
    }
  });

  test('send gives the same exchange as the call, and exit 1 when the exchange has an error', async (t) => {
    if (!certs) return t.skip('openssl not found');
    const sent = await cli(
      [
        'send',
        crm.flowPath,
        '--node',
        'auth',
        '--env',
        'staging',
        '--var',
        'customer_id=123',
        '--json',
      ],
      { IVR_SECRET_CRM_TOKEN: TOKEN },
    );
    assert.equal(sent.code, 0, sent.stderr);
    const exchange = JSON.parse(sent.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(exchange).sort(), [
      'durationMs',
      'error',
      'method',
      'node',
      'ok',
      'onHangup',
      'requestBody',
      'status',
      'url',
      'variablesSet',
      'violations',
      'warnings',
    ]);
    assert.equal(exchange.status, 200);
    assert.equal(exchange.requestBody, '{"id":"123"}');
    assert.deepEqual(exchange.variablesSet, { authenticated: true, customer_name: 'Dora' });

    const wrong = await cli(
      ['send', crm.flowPath, '--node', 'auth', '--env', 'staging', '--var', 'customer_id=123'],
      { IVR_SECRET_CRM_TOKEN: 'not-the-token' },
    );
    assert.equal(wrong.code, 1);
    assert.match(wrong.stdout, /response 401/);
    assert.match(wrong.stdout, /Authorization: Bearer \[redacted\]/);
    assert.match(wrong.stdout, /verdict {2}http_status/);

    const notHttp = await cli(['send', crm.flowPath, '--node', 'hello', '--env', 'staging'], {
      IVR_SECRET_CRM_TOKEN: TOKEN,
    });
    assert.equal(notHttp.code, 2);
    assert.match(notHttp.stderr, /node "hello" is a play node, not an http node/);
    const help = await cli(['send', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /usage: ivr-console send/);
  });

  test('without the CA the CRM is not trusted: tls_error with the reason', async (t) => {
    if (!certs) return t.skip('openssl not found');
    const file = join(crm.workspace, 'no-ca.yaml');
    await writeFile(
      file,
      `name: No CA\nvariables: { crm_base: "${crm.url}" }\nsecrets: [crm_token]\nheaders: { Authorization: "Bearer \${secret.crm_token}" }\n`,
    );
    const run = await cli(['send', crm.flowPath, '--node', 'auth', '--env', file, '--json'], {
      IVR_SECRET_CRM_TOKEN: TOKEN,
    });
    assert.equal(run.code, 1, run.stderr);
    const exchange = JSON.parse(run.stdout) as { error: string; violations: { detail: string }[] };
    assert.equal(exchange.error, 'tls_error');
    assert.match(exchange.violations[0]?.detail ?? '', /trust|issuer|self-signed|verify/i);
  });

  test('the token is in no byte of the session log, its JSON and HAR exports, or any output', async (t) => {
    if (!certs) return t.skip('openssl not found');
    const db = join(dataDir, 'grep.db');
    const run = await cli(
      ['run', crm.flowPath, '--env', 'staging', '--dtmf', '123#', '--db', db, '--json'],
      { IVR_SECRET_CRM_TOKEN: TOKEN },
    );
    assert.equal(run.code, 0, run.stderr);
    const id = (JSON.parse(run.stdout) as { sessionId: string }).sessionId;
    const shown = await cli(['sessions', 'show', id, '--db', db, '--json']);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /Bearer \[redacted\]/);
    const exports: string[] = [];
    for (const format of ['json', 'har']) {
      const output = join(dataDir, `export.${format}`);
      const exported = await cli([
        'sessions',
        'export',
        id,
        '--db',
        db,
        '--format',
        format,
        '--output',
        output,
      ]);
      assert.equal(exported.code, 0, exported.stderr);
      exports.push(output);
    }
    const needle = Buffer.from(TOKEN);
    const files = [db, `${db}-wal`, `${db}-shm`, ...exports].filter((f) => existsSync(f));
    for (const file of files) {
      assert.equal(readFileSync(file).includes(needle), false, `${file} holds the token`);
    }
    // Every other file the runs wrote to the data folder, too.
    for (const name of await readdir(dataDir)) {
      const file = join(dataDir, name);
      if (!files.includes(file) && existsSync(file)) {
        assert.equal(readFileSync(file).includes(needle), false, `${file} holds the token`);
      }
    }
    for (const output of outputs) {
      assert.equal(output.stdout.includes(TOKEN), false, 'stdout holds the token');
      assert.equal(output.stderr.includes(TOKEN), false, 'stderr holds the token');
    }
  });
});

describe('proxies from the environment variables', () => {
  const DEAD_PROXY = 'http://127.0.0.1:9';
  test('the demo CRM is reached directly even when HTTP_PROXY names a proxy', async () => {
    const flow = join(ROOT, 'resources/workspace-example/flows/balance.json');
    for (const how of [['--demo-crm'], ['--env', 'demo']]) {
      const run = await cli(['run', flow, ...how, '--dtmf', '12345#1111 9', '--no-log', '--json'], {
        HTTP_PROXY: DEAD_PROXY,
        http_proxy: DEAD_PROXY,
      });
      assert.equal(run.code, 0, `${how.join(' ')}: ${run.stderr}`);
    }
  });

  test('any other CRM goes through HTTP_PROXY, and a dead proxy is named in the error', async () => {
    const run = await cli(
      [
        'send',
        join(ROOT, 'resources/flows/balance.json'),
        '--node',
        'auth',
        '--var',
        'crm_base=http://127.0.0.1:4010',
        '--json',
      ],
      { HTTP_PROXY: DEAD_PROXY, http_proxy: DEAD_PROXY, NO_PROXY: '', no_proxy: '' },
    );
    assert.equal(run.code, 1, run.stderr);
    const exchange = JSON.parse(run.stdout) as { error: string; violations: { detail: string }[] };
    assert.equal(exchange.error, 'network_error');
    assert.match(exchange.violations[0]?.detail ?? '', /proxy http:\/\/127\.0\.0\.1:9/);
  });
});

describe('help', () => {
  test('every command answers --help with its own usage and exit statuses, exit 0', async () => {
    for (const command of [
      'run',
      'validate',
      'sessions',
      'replay',
      'test',
      'send',
      'load',
      'mock-crm',
    ]) {
      const run = await cli([command, '--help']);
      assert.equal(run.code, 0, `${command}: ${run.stderr}`);
      assert.match(run.stdout, new RegExp(`^usage: ivr-console ${command}\\b`), command);
      assert.match(run.stdout, /\nexit status: 0 /, `${command}: its exit statuses`);
    }
  });
});

describe('the example workspace', () => {
  test('run … --env demo runs out of the box against the built-in demo CRM', async () => {
    const run = await cli([
      'run',
      join(ROOT, 'resources/workspace-example/flows/balance.json'),
      '--env',
      'demo',
      '--dtmf',
      '12345#1111 9',
      '--no-log',
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as { outcome: string; webhooks: { ok: boolean }[] };
    assert.equal(json.outcome, 'hangup');
    assert.ok(json.webhooks.length > 0 && json.webhooks.every((w) => w.ok));
    assert.match(
      run.stderr,
      /demo CRM listening on http:\/\/127\.0\.0\.1:\d+ \(environment Demo CRM\)/,
    );
  });

  test('its staging placeholder names its missing secret', async () => {
    const run = await cli([
      'run',
      join(ROOT, 'resources/workspace-example/flows/balance.json'),
      '--env',
      'staging',
      '--no-log',
    ]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /crm_token/);
  });
});
