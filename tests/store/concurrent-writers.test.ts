/**
 * The desktop app and CLI runs share one file: several processes recording at once all succeed
 * (WAL + busy_timeout + IMMEDIATE transactions), and a reader sees consistent snapshots.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { openSessionStore } from '../../src/main/store/session-store.ts';
import { startChildRecorder } from './fixtures/child-recorder.ts';
import { sampleEvents } from './fixtures/sample-events.ts';
import { tempDbPath } from './fixtures/temp-db.ts';

test('two processes record flat out into one file while a third reads it', async (t) => {
  const file = tempDbPath(t);
  // Create the file first, so the children do not race to migrate it (that race is safe too,
  // but this test is about recording).
  const reader = openSessionStore({ path: file });
  t.after(() => reader.close());
  const count = 400;
  const children = ['writer-a', 'writer-b'].map((id) =>
    startChildRecorder(file, id, 'stream', count),
  );
  for (const child of children) t.after(() => child.kill());

  const finished = Promise.all(children.map((child) => child.waitForLine(/^done$/, 60_000)));
  let done = false;
  void finished.then(() => (done = true));
  let reads = 0;
  while (!done) {
    // Each read is one snapshot: the counter and the rows always agree.
    for (const id of ['writer-a', 'writer-b']) {
      const session = reader.get(id);
      if (session) {
        assert.equal(session.eventCount, session.events.length);
        reads += 1;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await finished;
  assert.ok(reads > 0);

  for (const id of ['writer-a', 'writer-b']) {
    const session = reader.get(id);
    assert.equal(session?.status, 'running', 'both writers are alive');
    assert.deepStrictEqual(session?.events, sampleEvents(count));
  }
});
