/**
 * The session list: newest first, paged, filtered, searched; lookup by id prefix; delete.
 */
import assert from 'node:assert/strict';
import test, { type TestContext } from 'node:test';
import Database from 'better-sqlite3';
import type { SessionEnd } from '../../src/shared/session-types.ts';
import { openSessionStore, type SessionStore } from '../../src/main/store/session-store.ts';
import { StoreError } from '../../src/main/store/store-error.ts';
import { sampleEvent, sampleEvents, sampleStart } from './fixtures/sample-events.ts';
import { tempDbPath } from './fixtures/temp-db.ts';

const T0 = 1_760_000_000_000;

function end(outcome: SessionEnd['outcome']): SessionEnd {
  return { outcome, endedBy: 'caller', transferTarget: null, durationMs: 1000, variables: {} };
}

/**
 * Ten sessions: ids s00…s09, started one minute apart (s09 newest), over two flows and every
 * status; s05 and s06 share a start time (insertion order breaks the tie).
 */
function seed(t: TestContext): SessionStore {
  const store = openSessionStore({ path: tempDbPath(t) });
  t.after(() => store.close());
  const outcomes = ['hangup', 'transfer', 'error', 'running'] as const;
  for (let i = 0; i < 10; i++) {
    const recorder = store.begin(
      sampleStart({
        id: `s0${i}`,
        flowId: i % 2 === 0 ? 'balance' : 'meter-reading',
        flowName: i % 2 === 0 ? 'Egyenleg lekérdezés' : 'Ügyfél mérőállás',
        source: `+36201234${String(i).padStart(3, '0')}`,
        destination: i < 5 ? '+3680000000' : '+3680999999',
        startedAt: T0 + (i === 6 ? 5 : i) * 60_000,
      }),
    );
    const outcome = outcomes[i % 4] ?? 'running';
    recorder.record(sampleEvent(0));
    if (outcome !== 'running') recorder.finish(end(outcome));
  }
  return store;
}

const ids = (store: SessionStore, query?: Parameters<SessionStore['list']>[0]): string[] =>
  store.list(query).map((session) => session.id);

test('list is newest first, ties in insertion order, with summaries', (t) => {
  const store = seed(t);
  assert.deepEqual(ids(store), [
    's09',
    's08',
    's07',
    's06',
    's05',
    's04',
    's03',
    's02',
    's01',
    's00',
  ]);
  const [newest] = store.list({ limit: 1 });
  assert.deepEqual(newest, {
    id: 's09',
    flowId: 'meter-reading',
    flowName: 'Ügyfél mérőállás',
    flowPath: '/flows/balance.json',
    source: '+36201234009',
    destination: '+3680999999',
    startedAt: T0 + 9 * 60_000,
    durationMs: 1000,
    status: 'transfer',
    endedBy: 'caller',
    transferTarget: null,
    eventCount: 1,
    webhookCount: 0,
  });
  assert.equal(store.count(), 10);
});

test('limit and offset page through the list', (t) => {
  const store = seed(t);
  assert.deepEqual(ids(store, { limit: 3 }), ['s09', 's08', 's07']);
  assert.deepEqual(ids(store, { limit: 3, offset: 3 }), ['s06', 's05', 's04']);
  assert.deepEqual(ids(store, { limit: 3, offset: 9 }), ['s00']);
  assert.deepEqual(ids(store, { offset: 10 }), []);
  assert.deepEqual(ids(store, { limit: 0 }), []);
  assert.equal(store.count({ limit: 1, offset: 5 }), 10, 'count ignores paging');
});

test('the default page is 50', (t) => {
  const store = openSessionStore({ path: tempDbPath(t) });
  t.after(() => store.close());
  for (let i = 0; i < 60; i++) store.begin(sampleStart({ id: `id-${i}`, startedAt: T0 + i }));
  assert.equal(store.list().length, 50);
  assert.equal(store.list()[0]?.id, 'id-59');
  assert.equal(store.count(), 60);
});

test('flowId and status filter, alone and together', (t) => {
  const store = seed(t);
  assert.deepEqual(ids(store, { flowId: 'balance' }), ['s08', 's06', 's04', 's02', 's00']);
  assert.deepEqual(ids(store, { status: 'running' }), ['s07', 's03']);
  assert.deepEqual(ids(store, { status: 'hangup' }), ['s08', 's04', 's00']);
  assert.deepEqual(ids(store, { flowId: 'balance', status: 'error' }), ['s06', 's02']);
  assert.deepEqual(ids(store, { flowId: 'nope' }), []);
  assert.equal(store.count({ flowId: 'meter-reading' }), 5);
  assert.equal(store.count({ flowId: 'balance', status: 'hangup' }), 3);
  assert.equal(store.count({ status: 'interrupted' }), 0);
});

test('search matches source, destination, flow id and name, case-insensitively', (t) => {
  const store = seed(t);
  assert.deepEqual(ids(store, { search: '234007' }), ['s07'], 'caller number');
  assert.deepEqual(ids(store, { search: '80999' }), ['s09', 's08', 's07', 's06', 's05']);
  assert.deepEqual(ids(store, { search: 'METER-' }), ['s09', 's07', 's05', 's03', 's01']);
  assert.deepEqual(ids(store, { search: 'ügyfél' }), ['s09', 's07', 's05', 's03', 's01']);
  assert.deepEqual(ids(store, { search: 'ÜGYFÉL MÉRŐ' }), ['s09', 's07', 's05', 's03', 's01']);
  assert.deepEqual(ids(store, { search: '  lekérdezés ', limit: 2 }), ['s08', 's06']);
  assert.deepEqual(ids(store, { search: '%' }), [], 'no LIKE wildcards');
  assert.deepEqual(ids(store, { search: '9999balance' }), [], 'no match across two fields');
  assert.equal(ids(store, { search: '' }).length, 10, 'empty search is no filter');
  assert.equal(store.count({ search: 'meter', status: 'running' }), 2);
  assert.deepEqual(ids(store, { search: 'meter', status: 'running', flowId: 'meter-reading' }), [
    's07',
    's03',
  ]);
});

test('get takes a full id or a unique prefix of at least 4 characters', (t) => {
  const store = openSessionStore({ path: tempDbPath(t) });
  t.after(() => store.close());
  for (const id of ['3f2a9c00-aaaa', '3f2a9d11-bbbb', '3f2b0000-cccc', 'abc']) {
    store.begin(sampleStart({ id }));
  }
  assert.equal(store.get('3f2a9d')?.id, '3f2a9d11-bbbb');
  assert.equal(store.get('3f2b')?.id, '3f2b0000-cccc');
  assert.equal(store.get('abc')?.id, 'abc', 'a full id shorter than 4 characters');
  assert.equal(store.get('3f2'), null, 'prefixes under 4 characters are not looked up');
  assert.equal(store.get('ffff'), null);
  assert.equal(store.get('3F2B'), null, 'ids are case-sensitive');
  assert.throws(
    () => store.get('3f2a'),
    (error: unknown) =>
      error instanceof StoreError &&
      error.code === 'ambiguous_prefix' &&
      error.message.includes('3f2a9c00-aaaa') &&
      error.message.includes('3f2a9d11-bbbb') &&
      !error.message.includes('3f2b0000'),
  );
});

test('delete removes the session with its events and exchanges', (t) => {
  const file = tempDbPath(t);
  const store = openSessionStore({ path: file });
  t.after(() => store.close());
  for (const id of ['keep', 'drop']) {
    const recorder = store.begin(sampleStart({ id }));
    for (const event of sampleEvents(30)) recorder.record(event);
    recorder.finish(end('hangup'));
  }
  assert.equal(store.delete('drop'), true);
  assert.equal(store.delete('drop'), false, 'already gone');
  assert.equal(store.delete('nope'), false);
  assert.equal(store.get('drop'), null);
  assert.deepEqual(ids(store), ['keep']);

  const db = new Database(file, { readonly: true });
  t.after(() => db.close());
  const rows = (table: string, id: string): unknown =>
    db.prepare(`SELECT count(*) FROM ${table} WHERE session_id = ?`).pluck().get(id);
  assert.equal(rows('events', 'drop'), 0);
  assert.equal(rows('webhook_exchanges', 'drop'), 0);
  assert.equal(rows('events', 'keep'), 30);
  assert.ok((rows('webhook_exchanges', 'keep') as number) > 0);
});
