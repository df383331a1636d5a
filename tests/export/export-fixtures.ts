/**
 * Real sessions to export: each one placed by the CLI as a child process (`run … --demo-crm --db`),
 * through the sample flows and a few small temporary flows that exercise the export's edge cases
 * (no response, a secret, a body that is not UTF-8, a redirect).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionDetail } from '../../src/shared/session-types.ts';
import { openSessionStore } from '../../src/main/store/session-store.ts';
import { tempDir } from '../helpers/cli-process.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import { closedPort } from '../helpers/closed-port.ts';

/** The secret the secret-header session sends; it must appear in no export. */
export const SECRET = 's3cret';

/** The sessions, by what they exercise, all in one database. */
export interface ExportFixtures {
  dir: string;
  db: string;
  ids: {
    /** balance.json, authenticated: a JSON POST body and a GET with a query string. */
    balance: string;
    /** meter-reading.json: a form POST and a send-on-hang-up form report. */
    meter: string;
    /** A webhook to a closed loopback port: no response at all. */
    unreachable: string;
    /** An Authorization header (and body field) made from `${secret.crm_token}`. */
    secret: string;
    /** The demo CRM answering bytes that are not UTF-8, then a redirect. */
    misbehave: string;
  };
}

function http(fields: Record<string, unknown>): Record<string, unknown> {
  return { type: 'http', next: 'bye', onError: 'bye', ...fields };
}

function writeFlow(dir: string, id: string, nodes: Record<string, unknown>, start: string): string {
  const file = join(dir, `${id}.json`);
  const flow = {
    id,
    name: id,
    locale: 'en-US',
    start,
    variables: { crm_base: 'http://127.0.0.1:4010' },
    nodes: { ...nodes, bye: { type: 'hangup', say: 'Goodbye.' } },
  };
  writeFileSync(file, JSON.stringify(flow, null, 2));
  return file;
}

async function place(db: string, flow: string, args: string[]): Promise<string> {
  const run = await runCliInProcess(['run', flow, '--demo-crm', '--db', db, '--json', ...args]);
  assert.equal(run.code, 0, `run ${flow} failed:\n${run.stdout}\n${run.stderr}`);
  const { sessionId } = JSON.parse(run.stdout) as { sessionId: string };
  assert.match(sessionId, /^[0-9a-f-]{36}$/);
  return sessionId;
}

/** Places every fixture session into a fresh database. */
export async function createExportFixtures(): Promise<ExportFixtures> {
  const dir = tempDir('ivr-export-');
  const db = join(dir, 'sessions.db');
  const port = await closedPort();
  const unreachableFlow = writeFlow(
    dir,
    'unreachable',
    {
      lookup: http({
        method: 'POST',
        contentType: 'json',
        url: `http://127.0.0.1:${port}/ivr/auth`,
        body: '{"id": "12345"}',
      }),
    },
    'lookup',
  );
  const secretFlow = writeFlow(
    dir,
    'secret-header',
    {
      auth: http({
        method: 'POST',
        contentType: 'json',
        url: '${crm_base}/ivr/auth',
        headers: { Authorization: 'Bearer ${secret.crm_token}' },
        body: '{"id": "12345", "pin": "1111", "token": "${secret.crm_token}"}',
      }),
    },
    'auth',
  );
  const misbehaveFlow = writeFlow(
    dir,
    'misbehave',
    {
      latin1: http({
        method: 'GET',
        url: '${crm_base}/ivr/misbehave/latin1',
        next: 'redirect',
        onError: 'redirect',
      }),
      redirect: http({ method: 'GET', url: '${crm_base}/ivr/misbehave/redirect' }),
    },
    'latin1',
  );
  // Sequential, so the sessions' start times (and the list order) are predictable.
  const balance = await place(db, 'resources/flows/balance.json', ['--dtmf', '12345#1111']);
  const meter = await place(db, 'resources/flows/meter-reading.json', ['--dtmf', '1002004902#1']);
  const unreachable = await place(db, unreachableFlow, []);
  const secret = await place(db, secretFlow, ['--secret', `crm_token=${SECRET}`]);
  const misbehave = await place(db, misbehaveFlow, []);
  return { dir, db, ids: { balance, meter, unreachable, secret, misbehave } };
}

/** A session as the store has it (the reference the exports are compared with). */
export function readSession(db: string, id: string): SessionDetail {
  const store = openSessionStore({ path: db, readonly: true });
  try {
    const session = store.get(id);
    assert.ok(session, `session ${id} is in ${db}`);
    return session;
  } finally {
    store.close();
  }
}
