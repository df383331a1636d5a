/**
 * Wrong calls are refused with a StoreError that says what and which session, and leave the
 * store usable: nothing here may crash the process.
 */
import assert from 'node:assert/strict';
import test, { type TestContext } from 'node:test';
import type { CallEvent } from '../../src/shared/call-events.ts';
import type { SessionEnd, SessionQuery } from '../../src/shared/session-types.ts';
import { openSessionStore, type SessionStore } from '../../src/main/store/session-store.ts';
import { StoreError, type StoreErrorCode } from '../../src/main/store/store-error.ts';
import { sampleEvent, sampleEvents, sampleStart } from './fixtures/sample-events.ts';
import { tempDbPath } from './fixtures/temp-db.ts';

const END: SessionEnd = {
  outcome: 'hangup',
  endedBy: 'flow',
  transferTarget: null,
  durationMs: 10,
  variables: {},
};

function refusal(code: StoreErrorCode, ...mustMention: string[]) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof StoreError, `expected a StoreError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    for (const text of mustMention) assert.ok(error.message.includes(text), error.message);
    return true;
  };
}

function open(t: TestContext): SessionStore {
  const store = openSessionStore({ path: tempDbPath(t) });
  t.after(() => store.close());
  return store;
}

test('recording to a finished session is refused, naming it', (t) => {
  const store = open(t);
  const recorder = store.begin(sampleStart({ id: 'done-call' }));
  recorder.record(sampleEvent(0));
  recorder.finish(END);
  assert.throws(
    () => recorder.record(sampleEvent(1)),
    refusal('session_finished', 'done-call', 'hangup'),
  );
  assert.throws(() => recorder.finish(END), refusal('session_finished', 'done-call'));
  const session = store.get('done-call');
  assert.equal(session?.eventCount, 1, 'the refused event left no trace');
  assert.equal(session?.events.length, 1);
});

test('recording to an unknown (deleted) session is refused, naming it', (t) => {
  const store = open(t);
  const recorder = store.begin(sampleStart({ id: 'gone-call' }));
  assert.equal(store.delete('gone-call'), true);
  assert.throws(() => recorder.record(sampleEvent(0)), refusal('unknown_session', 'gone-call'));
  assert.throws(() => recorder.finish(END), refusal('unknown_session', 'gone-call'));
});

test('a duplicate session id or event seq is refused, and the store goes on', (t) => {
  const store = open(t);
  const recorder = store.begin(sampleStart({ id: 'dup' }));
  assert.throws(() => store.begin(sampleStart({ id: 'dup' })), refusal('duplicate_session', 'dup'));
  recorder.record(sampleEvent(0));
  assert.throws(() => recorder.record(sampleEvent(0)), refusal('duplicate_event', 'dup', 'seq 0'));
  recorder.record(sampleEvent(1));
  assert.deepStrictEqual(store.get('dup')?.events, sampleEvents(2));
  assert.equal(store.get('dup')?.eventCount, 2, 'the failed insert rolled its counter back');
});

test('malformed events are refused before they reach SQLite', (t) => {
  const store = open(t);
  const recorder = store.begin(sampleStart({ id: 'bad-events' }));
  const webhook = sampleEvents(12).find((event) => event.type === 'webhook');
  assert.ok(webhook);
  const cyclic: Record<string, unknown> = { ...sampleEvent(1), seq: 5 };
  cyclic.self = cyclic;
  const bad: unknown[] = [
    null,
    'key 1',
    { type: 'key', seq: -1, t: 0 },
    { type: 'key', seq: 1.5, t: 0 },
    { type: 'key', seq: 1, t: Number.NaN },
    { seq: 1, t: 0 },
    { ...webhook, exchange: null },
    { ...webhook, exchange: { ...webhook.exchange, request: null } },
    { ...webhook, exchange: { ...webhook.exchange, timings: {} } },
    { ...webhook, exchange: { ...webhook.exchange, response: { status: 200 } } },
    { ...sampleEvent(1), big: 10n },
    cyclic,
  ];
  for (const event of bad) {
    assert.throws(
      () => recorder.record(event as CallEvent),
      refusal('invalid_input', 'bad-events'),
    );
  }
  assert.equal(store.get('bad-events')?.eventCount, 0);
});

test('malformed starts, ends and queries are refused', (t) => {
  const store = open(t);
  assert.throws(() => store.begin(null as never), refusal('invalid_input'));
  assert.throws(() => store.begin(sampleStart({ id: '' })), refusal('invalid_input'));
  assert.throws(
    () => store.begin({ ...sampleStart({ id: 'x' }), startedAt: Number.NaN }),
    refusal('invalid_input', 'x', 'startedAt'),
  );
  const recorder = store.begin(sampleStart({ id: 'ending' }));
  assert.throws(
    () => recorder.finish({ ...END, outcome: 'interrupted' as never }),
    refusal('invalid_input', 'ending', 'outcome'),
  );
  assert.throws(
    () => recorder.finish({ ...END, variables: null as never }),
    refusal('invalid_input'),
  );
  assert.equal(store.get('ending')?.status, 'running');
  const queries: unknown[] = [
    'all',
    { limit: -1 },
    { limit: 2.5 },
    { offset: -3 },
    { status: 'bogus' },
    { flowId: 42 },
    { search: /x/ },
  ];
  for (const query of queries) {
    assert.throws(() => store.list(query as SessionQuery), refusal('invalid_input'));
    assert.throws(() => store.count(query as SessionQuery), refusal('invalid_input'));
  }
  assert.throws(() => store.get(''), refusal('invalid_input'));
  assert.throws(() => store.get(7 as never), refusal('invalid_input'));
  assert.throws(() => store.delete(undefined as never), refusal('invalid_input'));
  assert.throws(() => openSessionStore({ path: '' }), refusal('invalid_input'));
  assert.throws(
    () => openSessionStore({ path: tempDbPath(t), synchronous: 'OFF; DROP TABLE x' as never }),
    refusal('invalid_input'),
  );
});

test('close twice is harmless; use after close is refused; unfinished calls become interrupted', (t) => {
  const file = tempDbPath(t);
  const store = openSessionStore({ path: file });
  const open = store.begin(sampleStart({ id: 'left-open' }));
  open.record(sampleEvent(0));
  store.begin(sampleStart({ id: 'finished' })).finish(END);
  store.close();
  store.close();
  assert.throws(() => store.list(), refusal('closed', file));
  assert.throws(() => store.get('left-open'), refusal('closed'));
  assert.throws(() => open.record(sampleEvent(1)), refusal('closed'));

  const reopened = openSessionStore({ path: file });
  t.after(() => reopened.close());
  assert.equal(reopened.get('left-open')?.status, 'interrupted');
  assert.deepStrictEqual(reopened.get('left-open')?.events, sampleEvents(1));
  assert.equal(reopened.get('finished')?.status, 'hangup');
});

test('a read-only store refuses writes', (t) => {
  const file = tempDbPath(t);
  openSessionStore({ path: file }).close();
  const reader = openSessionStore({ path: file, readonly: true });
  t.after(() => reader.close());
  assert.throws(() => reader.begin(sampleStart()), refusal('read_only', file));
  assert.throws(() => reader.delete('x'), refusal('read_only'));
  assert.deepEqual(reader.list(), []);
});
