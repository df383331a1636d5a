/**
 * The trigram index behind search (migration 4): it converts a log of the previous release in
 * place, answers exactly what reading every row answers (substring, case-insensitive, never across
 * two fields, any input taken literally), and stays in step as sessions begin, finish, are
 * deleted and the file is vacuumed.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import Database from 'better-sqlite3';
import { applyMigrations } from '../../src/main/store/apply-migrations.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../src/main/store/migrations.ts';
import { createSearchPlanner } from '../../src/main/store/search-plan.ts';
import { normalizeQuery } from '../../src/main/store/session-input.ts';
import { openSessionStore, type SessionStore } from '../../src/main/store/session-store.ts';
import { sampleEvents, sampleStart } from './fixtures/sample-events.ts';
import { tempDbPath } from './fixtures/temp-db.ts';

const SEP = '\u001f';

/**
 * Every session id whose stored search text holds `search`, as the store found them before the
 * index: reading every row with instr() (the needle prepared as normalizeQuery prepares it).
 */
function expectedIds(file: string, search: string): string[] {
  const needle = search.split(SEP).join('').trim().toLowerCase();
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT id FROM sessions WHERE instr(search_text, ?) > 0
         ORDER BY started_at DESC, rowid DESC`,
      )
      .pluck()
      .all(needle) as string[];
  } finally {
    db.close();
  }
}

/** FTS5's own check that the index holds exactly the content table's text; throws otherwise. */
function assertIndexInStep(file: string): void {
  const db = new Database(file);
  try {
    db.exec(`INSERT INTO sessions_search (sessions_search, rank) VALUES ('integrity-check', 1)`);
  } finally {
    db.close();
  }
}

/** Whether the store answers `search` through the index (rather than reading every row). */
function usesIndex(file: string, search: string): boolean {
  const db = new Database(file, { readonly: true });
  try {
    return createSearchPlanner(db)(normalizeQuery({ search })).filters.search === 'index';
  } finally {
    db.close();
  }
}

function assertSearch(store: SessionStore, search: string): void {
  const expected = expectedIds(store.path, search);
  const label = `search ${JSON.stringify(search)}`;
  assert.deepEqual(
    store.list({ search, limit: 1000 }).map((s) => s.id),
    expected,
    label,
  );
  assert.equal(store.count({ search }), expected.length, label);
}

/** The flow name of one session only: FTS5 syntax, which a search must take as plain text. */
const AWKWARD_NAME = 'Say "hello" * OR NEAR(a b) -x col:y ^z 😀🎉 end zzz';

/** Forty finished sessions with distinct callers and customers, and one awkward flow name. */
function seed(store: SessionStore): void {
  const names = ['Egyenleg LEKÉRDEZÉS', 'ÁRVÍZTŰRŐ tükörfúrógép', 'plain'];
  for (let i = 0; i < 40; i++) {
    const recorder = store.begin(
      sampleStart({
        id: `call-${String(i).padStart(2, '0')}`,
        flowId: `flow-${i % 4}`,
        flowName: i === 3 ? AWKWARD_NAME : (names[i % 3] ?? 'plain'),
        source: `+3620${String(1_000_000 + i * 7919).padStart(7, '0')}`,
        destination: i % 2 === 0 ? '+3611' : '22',
        startedAt: 1_760_000_000_000 + i * 1000,
      }),
    );
    recorder.finish({
      outcome: 'hangup',
      endedBy: 'caller',
      transferTarget: null,
      durationMs: 1000,
      variables: { customer: `Customer ${i}`, tier: i % 3 === 0 ? 'GOLD' : 'silver' },
    });
  }
}

const SEARCHES = [
  // substring mid-word, case-insensitive, Unicode
  'ustomer 1',
  'CUSTOMER 17',
  'lekérdezés',
  'ÁRVÍZ',
  'tükörfúró',
  'fúró',
  '1007919',
  'old',
  // one and two characters: read every row, same answers
  'x',
  '7',
  '17',
  'é',
  // across two fields never matches: +3611 is followed by the flow id, 22 ends a caller
  `+3611${SEP}flow`,
  '+3611flow',
  '1122',
  'silvercustomer',
  // FTS5 syntax is plain text
  '"hello"',
  '"',
  '""',
  'say "',
  '*',
  'hel*',
  'hello" OR "plain',
  ' OR ',
  'or near',
  'NEAR(a b)',
  'NEAR(',
  '-x col:y',
  'col:y',
  '^z',
  '(a',
  'a)',
  "'",
  'a\0b',
  '\0\0\0',
  // characters beyond the BMP, and half of one
  '😀🎉',
  '😀🎉 e',
  '🎉',
  '\ud83d',
  '\ud83dab',
  // every trigram of it in a row, but not the whole: the index's candidate, instr()'s refusal
  'zzzz',
  'no such thing',
];

test('search through the index answers exactly what reading every row answers', (t) => {
  const file = tempDbPath(t);
  const store = openSessionStore({ path: file });
  t.after(() => store.close());
  seed(store);
  for (const search of SEARCHES) assertSearch(store, search);
  // The longer searches above really went through the index, the short ones did not.
  for (const search of [
    'customer 17',
    '1007919',
    '"hello"',
    'NEAR(',
    '😀🎉 e',
    'zzzz',
    'nothing',
  ]) {
    assert.equal(usesIndex(file, search), true, search);
  }
  for (const search of ['x', '17', 'é', 'a\0b']) assert.equal(usesIndex(file, search), false);
  assert.equal(store.count({ search: 'zzzz' }), 0);
  assert.equal(store.count({ search: 'zzz' }), 1);
  // Never across two fields, though the fields run into each other once the separator is gone.
  const db = new Database(file, { readonly: true });
  const joined = db.prepare(
    `SELECT count(*) FROM sessions WHERE instr(replace(search_text, char(31), ''), ?) > 0`,
  );
  for (const search of ['+3611flow-0', '22flow-1', 'customer 1silver', 'lekérdezéscustomer 0']) {
    assert.ok((joined.pluck().get(search) as number) > 0, `${search} spans two fields`);
    assert.equal(store.count({ search }), 0, search);
    assert.equal(usesIndex(file, search), true, search);
  }
  db.close();
  // Filters combine with it.
  assert.deepEqual(
    store.list({ search: 'customer 1', flowId: 'flow-1' }).map((s) => s.id),
    expectedIds(file, 'customer 1').filter((id) => Number(id.slice(5)) % 4 === 1),
  );
  assertIndexInStep(file);
});

test('the index follows a session from begin to finish to delete', (t) => {
  const file = tempDbPath(t);
  const store = openSessionStore({ path: file });
  t.after(() => store.close());
  seed(store);
  const recorder = store.begin(
    sampleStart({ id: 'live-call', source: '+36309998877', destination: '+3612000000' }),
  );
  for (const event of sampleEvents(5)) recorder.record(event);
  assert.deepEqual(
    store.list({ search: '9998877' }).map((s) => s.id),
    ['live-call'],
    'found while running',
  );
  assert.equal(store.count({ search: 'meter mx-4411' }), 0);
  recorder.finish({
    outcome: 'transfer',
    endedBy: 'flow',
    transferTarget: '+3612000001',
    durationMs: 2000,
    variables: { device: { name: 'Meter MX-4411', reading: '04521' } },
  });
  assert.deepEqual(
    store.list({ search: 'meter mx-4411' }).map((s) => s.id),
    ['live-call'],
    'its final variables, added at finish',
  );
  assert.equal(store.count({ search: '9998877' }), 1, 'and what it was found by before');
  assertIndexInStep(file);

  assert.equal(store.delete('live-call'), true);
  assert.equal(store.count({ search: 'mx-4411' }), 0);
  assert.equal(store.count({ search: '9998877' }), 0);
  assert.equal(store.delete('call-07'), true);
  assertSearch(store, 'customer 7');
  assertIndexInStep(file);
});

test('VACUUM keeps the rowids the index refers to', (t) => {
  const file = tempDbPath(t);
  const store = openSessionStore({ path: file });
  seed(store);
  // Gaps in the rowids, which a VACUUM that renumbered rows would close.
  for (const id of ['call-00', 'call-05', 'call-13', 'call-20']) store.delete(id);
  store.close();
  const db = new Database(file);
  db.exec('VACUUM');
  db.close();
  assertIndexInStep(file);
  const again = openSessionStore({ path: file });
  t.after(() => again.close());
  for (const search of ['customer 1', 'customer 21', 'gold', 'árvíz', '1007919']) {
    assertSearch(again, search);
  }
});

test('a log of the previous release (version 3) is indexed in place when a writer opens it', (t) => {
  const file = tempDbPath(t);
  // Version 3, as the previous release wrote it: sessions with their final variables' text.
  const db = new Database(file);
  applyMigrations(db, file, MIGRATIONS.slice(0, 3));
  const insert = db.prepare(
    `INSERT INTO sessions (id, flow_id, flow_name, source, destination, started_at, status,
       variables_json, search_text)
     VALUES (@id, 'balance', 'Balance', @source, '100', @started, 'hangup', '{}', @text)`,
  );
  db.transaction(() => {
    for (let i = 0; i < 500; i++) {
      const source = `+3630${String(i * 10_007).padStart(7, '0')}`;
      insert.run({
        id: `old-${i}`,
        source,
        started: i,
        text: [source, '100', 'balance', 'balance', `Ügyfél ${i}`].join(SEP).toLowerCase(),
      });
    }
  })();
  db.close();

  // A reader takes it as it is, and still finds every session (reading every row).
  const reader = openSessionStore({ path: file, readonly: true });
  assert.deepEqual(
    reader.list({ search: 'ügyfél 123' }).map((s) => s.id),
    ['old-123'],
  );
  reader.close();

  const store = openSessionStore({ path: file });
  t.after(() => store.close());
  const migrated = new Database(file, { readonly: true });
  const version = migrated.pragma('user_version', { simple: true });
  migrated.close();
  assert.equal(version, LATEST_VERSION);
  assertIndexInStep(file);
  // Every session logged before the migration is found by its caller, through the index.
  for (let i = 0; i < 500; i++) {
    const source = `+3630${String(i * 10_007).padStart(7, '0')}`;
    assert.deepEqual(
      store.list({ search: source }).map((s) => s.id),
      [`old-${i}`],
      source,
    );
  }
  assert.equal(usesIndex(file, '+3630'), false, 'in every row: read in order');
  assert.equal(usesIndex(file, 'ügyfél 123'), true);
  for (const search of ['ügyfél 12', 'ÜGYFÉL 4', '+3630', 'ügyfél 1230', '0100070']) {
    assertSearch(store, search);
  }
});
