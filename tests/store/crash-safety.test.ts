/**
 * A real process is killed mid-call (SIGKILL: no exit handlers, no close): what it recorded is on
 * disk, whole and in order, and the session reads `interrupted`; a call of a live process is
 * left running.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { openSessionStore } from '../../src/main/store/session-store.ts';
import { startChildRecorder } from './fixtures/child-recorder.ts';
import { sampleEvents, webhookCountOf } from './fixtures/sample-events.ts';
import { tempDbPath } from './fixtures/temp-db.ts';

test('SIGKILL mid-call: exactly the events recorded before the kill, session interrupted', async (t) => {
  const file = tempDbPath(t);
  const child = startChildRecorder(file, 'crash-paced', 'paced', 100);
  t.after(() => child.kill());
  await child.waitForLine(/^began crash-paced/);
  const recordedBeforeKill = 13; // past the first webhook events of the sample
  for (let n = 1; n <= recordedBeforeKill; n++) {
    child.next();
    await child.waitForLine(new RegExp(`^recorded ${n}$`));
  }
  await child.kill();
  assert.equal(child.child.signalCode, 'SIGKILL');

  const store = openSessionStore({ path: file });
  t.after(() => store.close());
  const session = store.get('crash-paced');
  assert.ok(session);
  assert.equal(session.status, 'interrupted');
  assert.equal(session.durationMs, null);
  assert.equal(session.variables, null);
  assert.equal(session.eventCount, recordedBeforeKill);
  assert.equal(session.webhookCount, webhookCountOf(recordedBeforeKill));
  assert.deepStrictEqual(session.events, sampleEvents(recordedBeforeKill));
});

test('SIGKILL while recording flat out loses at most the event in flight', async (t) => {
  const file = tempDbPath(t);
  const child = startChildRecorder(file, 'crash-stream', 'stream', 1_000_000);
  t.after(() => child.kill());
  await child.waitForLine(/^recorded 200$/);
  await child.kill();
  const printed = child.lastRecorded();

  const store = openSessionStore({ path: file });
  t.after(() => store.close());
  const session = store.get('crash-stream');
  assert.ok(session);
  assert.equal(session.status, 'interrupted');
  const onDisk = session.events.length;
  // Every event reported done is there; at most one more (committed, not yet reported).
  assert.ok(onDisk === printed || onDisk === printed + 1, `${onDisk} on disk, ${printed} reported`);
  assert.equal(session.eventCount, onDisk, 'the counters commit with the events');
  assert.equal(session.webhookCount, webhookCountOf(onDisk));
  assert.deepStrictEqual(session.events, sampleEvents(onDisk), 'whole and in order');
});

test('a running session of a live process is left alone, then interrupted once it dies', async (t) => {
  const file = tempDbPath(t);
  const child = startChildRecorder(file, 'live-call', 'paced', 100);
  t.after(() => child.kill());
  await child.waitForLine(/^began live-call/);
  for (let n = 1; n <= 3; n++) {
    child.next();
    await child.waitForLine(new RegExp(`^recorded ${n}$`));
  }

  // Like the CLI opening the file while the desktop app is mid-call.
  const cli = openSessionStore({ path: file });
  assert.equal(cli.get('live-call')?.status, 'running');
  assert.deepEqual(
    cli.list({ status: 'running' }).map((s) => s.id),
    ['live-call'],
  );
  cli.close();

  // The call goes on after the other process opened (and closed) the file.
  child.next();
  await child.waitForLine(/^recorded 4$/);
  await child.kill();

  const after = openSessionStore({ path: file });
  t.after(() => after.close());
  const session = after.get('live-call');
  assert.equal(session?.status, 'interrupted');
  assert.deepStrictEqual(session?.events, sampleEvents(4));
});

test('a read-only open never marks sessions interrupted', async (t) => {
  const file = tempDbPath(t);
  const child = startChildRecorder(file, 'ro-call', 'paced', 10);
  t.after(() => child.kill());
  await child.waitForLine(/^began ro-call/);
  child.next();
  await child.waitForLine(/^recorded 1$/);
  await child.kill();

  const reader = openSessionStore({ path: file, readonly: true });
  assert.equal(reader.get('ro-call')?.status, 'running', 'a reader leaves the verdict to a writer');
  reader.close();
  const writer = openSessionStore({ path: file });
  t.after(() => writer.close());
  assert.equal(writer.get('ro-call')?.status, 'interrupted');
});
