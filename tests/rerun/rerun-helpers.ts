/**
 * Recording sessions for replay tests the way users do (the CLI as a child process), and reading
 * them back from the log.
 */
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunJson } from '../../src/main/calls/run-json.ts';
import type { RerunJson } from '../../src/main/rerun/rerun-json.ts';
import type { SessionDetail } from '../../src/shared/session-types.ts';
import { openSessionStore } from '../../src/main/store/session-store.ts';
import { ROOT, tempDir } from '../helpers/cli-process.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import type { CliRun } from '../helpers/cli-process.ts';

export const BALANCE = join(ROOT, 'resources/flows/balance.json');
export const METER = join(ROOT, 'resources/flows/meter-reading.json');

/** A logged session: where it is and its id. */
export interface Recorded {
  db: string;
  id: string;
  /** The `run --json` document of the original call. */
  run: RunJson;
}

/** Records one call with `run … --demo-crm --json --db <fresh>` and returns its session. */
export async function record(
  flow: string,
  dtmf: string,
  extra: string[] = [],
  db = join(tempDir('ivr-replay-'), 'sessions.db'),
): Promise<Recorded> {
  const run = await runCliInProcess([
    'run',
    flow,
    '--demo-crm',
    '--dtmf',
    dtmf,
    '--json',
    '--db',
    db,
    ...extra,
  ]);
  assert.equal(run.code, 0, run.stderr);
  const doc = JSON.parse(run.stdout);
  return { db, id: doc.sessionId, run: doc };
}

/** Reads a session from the log. */
export function loadSession(db: string, id: string): SessionDetail {
  const store = openSessionStore({ path: db });
  try {
    const session = store.get(id);
    assert.ok(session, `session ${id} in ${db}`);
    return session;
  } finally {
    store.close();
  }
}

/** `replay <id> --db <db> …args` as a child process. */
export function replay(recorded: Recorded, args: string[]): Promise<CliRun> {
  return runCliInProcess(['replay', recorded.id, '--db', recorded.db, ...args]);
}

/** `replay … --json`, parsed; asserts the exit status. */
export async function replayJson(
  recorded: Recorded,
  args: string[],
  expectedCode: number,
): Promise<RerunJson> {
  const run = await replay(recorded, [...args, '--json']);
  assert.equal(run.code, expectedCode, `${run.stderr}\n${run.stdout}`);
  return JSON.parse(run.stdout) as RerunJson;
}

/** A copy of `flow` in a fresh temp folder. */
export function copyFlow(flow: string): string {
  const copy = join(tempDir('ivr-replay-flow-'), 'flow.json');
  copyFileSync(flow, copy);
  return copy;
}
