/**
 * A capped total: the Sessions screen counts no further than 10,000 past its page, so a search
 * that matches most of a large log answers at once ("10,050+") instead of reading every row.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { seedBulkSessions } from '../../scripts/seed-sessions.ts';
import { createSessionLibrary, COUNT_PAST_PAGE } from '../../src/main/services/session-library.ts';
import type { FlowCatalog } from '../../src/main/services/flow-catalog.ts';
import { openSessionStore } from '../../src/main/store/session-store.ts';
import type { SessionStore } from '../../src/main/store/session-store.ts';
import { StoreError } from '../../src/main/store/store-error.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** Sessions in the log: past the cap from the first page, within it from the second. */
const SESSIONS = COUNT_PAST_PAGE + 30;

describe('a capped total', () => {
  let store: SessionStore;

  before(() => {
    const file = join(tempDir('ivr-count-cap-'), 'sessions.db');
    seedBulkSessions(file, SESSIONS);
    store = openSessionStore({ path: file });
  });
  after(() => store?.close());

  test('count stops at atMost, and is exact below it, with and without a search', () => {
    assert.equal(store.count(), SESSIONS);
    assert.equal(store.count({}, 100), 100);
    assert.equal(store.count({}, SESSIONS + 5), SESSIONS);
    // Every caller starts +36: a broad search, counted through the index or by reading rows.
    assert.equal(store.count({ search: '+36' }), SESSIONS);
    assert.equal(store.count({ search: '+36' }, 250), 250);
    // A rare one: exact whatever the cap.
    const one = store.count({ search: 'customer 4242' });
    assert.ok(one >= 1 && one < 10, `${one} sessions of customer 4242`);
    assert.equal(store.count({ search: 'customer 4242' }, 5_000), one);
    assert.equal(store.count({ flowId: 'flow-3', status: 'error' }, 3), 3);
  });

  test('atMost must be a positive whole number', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      assert.throws(() => store.count({}, bad), StoreError, String(bad));
    }
  });

  test('the Sessions screen: exact up to 10,000 past the page, then "at least"', () => {
    const library = createSessionLibrary(store, {} as FlowCatalog);
    const broad = library.list({ search: '+36' });
    assert.equal(broad.items.length, 50);
    assert.deepEqual([broad.total, broad.atLeast], [COUNT_PAST_PAGE, true]);
    // Paging on moves the floor with the page.
    const later = library.list({ search: '+36', offset: 50 });
    assert.deepEqual([later.total, later.atLeast], [SESSIONS, undefined]);
    const rare = library.list({ search: 'customer 4242' });
    assert.equal(rare.atLeast, undefined);
    assert.equal(rare.total, rare.items.length);
  });
});
