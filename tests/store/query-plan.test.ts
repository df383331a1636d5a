/**
 * The list stays fast as the log grows: every page query walks an index (no table scan, no sort
 * of all rows; a search through the trigram index reads only the rows it names and sorts those),
 * checked with EXPLAIN QUERY PLAN on the very SQL the store prepares; and at 100,000 sessions the
 * queries still return the right rows (their timings are in `npm run bench`).
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import Database from 'better-sqlite3';
import type { SessionStatus } from '../../src/shared/call-events.ts';
import { openSessionStore } from '../../src/main/store/session-store.ts';
import { ALL_FILTER_COMBINATIONS, countSql, listSql } from '../../src/main/store/session-sql.ts';
import { sampleEvents, sampleStart } from './fixtures/sample-events.ts';
import { tempDbPath } from './fixtures/temp-db.ts';
import { seedBulkSessions } from '../../scripts/seed-sessions.ts';

const OUTCOMES = ['hangup', 'transfer', 'error'] as const;

/** The plan's steps for one list query. */
function planOf(db: Database.Database, sql: string): string[] {
  const params = {
    flowId: 'flow-3',
    status: 'hangup',
    search: '+3620',
    match: '"+3620"',
    limit: 50,
    offset: 100,
  };
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map(
    (row) => row.detail,
  );
}

function assertIndexedPlans(db: Database.Database, when: string): void {
  for (const filters of ALL_FILTER_COMBINATIONS) {
    const plan = planOf(db, listSql(filters));
    const label = `${when}, filters ${JSON.stringify(filters)}: ${plan.join(' | ')}`;
    assert.ok(plan.length > 0, label);
    if (filters.search === 'index') {
      // The index names the candidates, each fetched by rowid; only they are sorted.
      for (const sql of [listSql(filters), countSql(filters)]) {
        const [first, second] = planOf(db, sql);
        assert.match(first ?? '', /^SCAN sessions_search VIRTUAL TABLE INDEX \d+:M/, label);
        assert.match(
          second ?? '',
          /^SEARCH sessions USING INTEGER PRIMARY KEY \(rowid=\?\)$/,
          label,
        );
      }
      continue;
    }
    for (const step of plan) {
      assert.doesNotMatch(step, /^SCAN sessions$/, `full table scan (${label})`);
      assert.doesNotMatch(step, /TEMP B-TREE/, `sorts every row (${label})`);
      assert.match(step, /USING (COVERING )?INDEX sessions_/, label);
    }
    if (filters.flowId || filters.status) {
      assert.ok(
        plan.some((step) => step.startsWith('SEARCH sessions')),
        `seeks (${label})`,
      );
    }
  }
}

test('every list query walks an index, before and after ANALYZE', (t) => {
  const file = tempDbPath(t);
  const store = openSessionStore({ path: file });
  const events = sampleEvents(4);
  for (let i = 0; i < 3000; i++) {
    const recorder = store.begin(
      sampleStart({
        id: `gen-${String(i).padStart(5, '0')}`,
        flowId: `flow-${i % 12}`,
        source: `+3620${String(i).padStart(7, '0')}`,
        startedAt: 1_700_000_000_000 + ((i * 7919) % 3000) * 1000,
      }),
    );
    if (i % 100 === 0) for (const event of events) recorder.record(event);
    if (i % 50 !== 0) {
      recorder.finish({
        outcome: OUTCOMES[i % 3] ?? 'hangup',
        endedBy: 'caller',
        transferTarget: null,
        durationMs: i,
        variables: {},
      });
    }
  }
  // The page the plan describes really is the newest-first one.
  const page = store.list({ limit: 5, offset: 0 }).map((s) => s.startedAt);
  assert.deepEqual(
    page,
    [...page].sort((a, b) => b - a),
  );
  store.close();

  const db = new Database(file);
  t.after(() => db.close());
  assertIndexedPlans(db, 'fresh statistics');
  db.exec('ANALYZE');
  assertIndexedPlans(db, 'after ANALYZE');
});

// Timings of the same queries are measured by `npm run bench` (docs/benchmarks.md), never asserted here.
test('100,000 sessions: pages, filters, search, count and open return the right rows', (t) => {
  const file = tempDbPath(t);
  seedBulkSessions(file, 100_000);

  const store = openSessionStore({ path: file });
  t.after(() => store.close());
  const recorder = store.begin(sampleStart({ id: 'the-newest', startedAt: 1_800_000_000_000 }));
  for (const event of sampleEvents(60)) recorder.record(event);

  assert.equal(store.list()[0]?.id, 'the-newest');
  const deep = store.list({ offset: 90_000 });
  assert.equal(deep.length, 50);
  assert.ok(
    deep.every((s, i) => i === 0 || s.startedAt <= deep[i - 1]!.startedAt),
    'newest first',
  );
  const status: SessionStatus = 'error';
  const filtered = store.list({ flowId: 'flow-7', status });
  assert.equal(filtered.length, 50);
  assert.ok(filtered.every((s) => s.flowId === 'flow-7' && s.status === 'error'));
  // Searches through the index find exactly the rows a scan of every row finds.
  const db = new Database(file, { readonly: true });
  t.after(() => db.close());
  const scan = db.prepare<[string], { id: string }>(
    `SELECT id FROM sessions WHERE instr(search_text, ?) > 0
     ORDER BY started_at DESC, rowid DESC LIMIT 50`,
  );
  const scanCount = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM sessions WHERE instr(search_text, ?) > 0',
  );
  for (const search of ['+362000999', 'customer 4242', '4242', '0099', '+3630', 'gold', '42']) {
    const expected = scan.all(search).map((row) => row.id);
    assert.deepEqual(
      store.list({ search }).map((s) => s.id),
      expected,
      search,
    );
    assert.equal(store.count({ search }), scanCount.get(search)?.n, search);
  }
  assert.equal(store.count({ search: 'customer 4242' }), 11, 'customer 4242, 42420 to 42429');
  assert.equal(store.list({ search: 'no such caller' }).length, 0);
  assert.equal(store.count(), 100_001);
  assert.equal(store.get('the-newest')?.events.length, 60);
  assert.equal(store.get('the-new')?.id, 'the-newest');
  assert.throws(() => store.get('bulk-001'), /ambiguous/);
});
