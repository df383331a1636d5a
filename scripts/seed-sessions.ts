/**
 * Fills a session database with many finished sessions in one statement, for the session-log
 * bench (100,000 and 1,000,000 sessions) and the test that checks queries stay correct at that
 * size. (The store's own API commits each event on its own, which is right for calls and far too
 * slow for seeding.)
 */
import Database from 'better-sqlite3';
import { openSessionStore } from '../src/main/store/session-store.ts';

/**
 * Creates (or migrates) the database at `file` and inserts `count` sessions named
 * `bulk-0000000`…: 20 flows (`flow-0`…), outcomes cycling hangup/transfer/error, one second
 * apart, each with a customer's final variables (searchable, as the store makes them at finish).
 * Like real traffic, every caller is a distinct mobile number (`+3620`, `+3630` or `+3670` and
 * seven scrambled digits) calling one of four service numbers, and every customer has an id and
 * a name of their own, so a search for one caller or customer matches a handful of sessions.
 *
 * One transaction: the rows go in with the search index's insert trigger set aside, and the
 * index is then built in one pass (as migration 4 builds it for an existing log), several times
 * faster than indexing row by row.
 */
export function seedBulkSessions(file: string, count: number): void {
  openSessionStore({ path: file }).close();
  const db = new Database(file);
  try {
    const trigger = db
      .prepare(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?`)
      .pluck()
      .get('sessions_search_insert') as string | undefined;
    db.transaction(() => {
      if (trigger !== undefined) db.exec('DROP TRIGGER sessions_search_insert');
      insertSessions(db, count);
      if (trigger !== undefined) {
        db.exec(`INSERT INTO sessions_search (sessions_search) VALUES ('rebuild')`);
        db.exec(trigger);
      }
    }).immediate();
  } finally {
    db.close();
  }
}

function insertSessions(db: Database.Database, count: number): void {
  // Scrambled, distinct digits: i times a number coprime with 10^7 (and 10^8), modulo.
  db.prepare(
    `
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < :last),
    s AS (
      SELECT i,
        '+36' || CASE i % 3 WHEN 0 THEN '20' WHEN 1 THEN '30' ELSE '70' END ||
          printf('%07d', (i * 3141593 + 271828) % 10000000) AS source,
        '+361200000' || (i % 4) AS destination,
        'flow-' || (i % 20) AS flow_id,
        'Flow ' || (i % 20) AS flow_name,
        printf('%08d', (i * 2718281 + 1414213) % 100000000) AS customer_id,
        'Customer ' || i AS customer_name,
        CASE i % 4 WHEN 0 THEN 'gold' WHEN 1 THEN 'silver' WHEN 2 THEN 'bronze' ELSE 'new' END
          AS tier,
        ((i * 7907) % 500000) / 100.0 AS balance
      FROM n
    )
    INSERT INTO sessions (id, flow_id, flow_name, flow_path, source, destination, started_at,
      ended_at, duration_ms, status, ended_by, variables_json, event_count, webhook_count,
      writer_pid, search_text)
    SELECT printf('bulk-%07d', i), flow_id, flow_name, NULL, source, destination,
      1700000000000 + i * 1000, 1700000000000 + i * 1000 + 5000, 5000,
      CASE i % 3 WHEN 0 THEN 'hangup' WHEN 1 THEN 'transfer' ELSE 'error' END, 'caller',
      json_object('customer_id', customer_id, 'customer_name', customer_name, 'tier', tier,
        'account', json_object('balance', balance, 'currency', 'EUR')),
      0, 0, NULL,
      lower(source || char(31) || destination || char(31) || flow_id || char(31) || flow_name ||
        -- What the store appends at finish: the final variables' values (variablesSearchText).
        char(31) || customer_id || char(31) || customer_name || char(31) || tier || char(31) ||
        balance || char(31) || 'EUR')
    FROM s`,
  ).run({ last: count - 1 });
}
