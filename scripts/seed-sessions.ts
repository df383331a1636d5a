/**
 * Fills a session database with many finished sessions in one statement, for the 100,000-session
 * bench and the test that checks queries stay correct at that size. (The store's own API commits
 * each event on its own, which is right for calls and far too slow for seeding.)
 */
import Database from 'better-sqlite3';
import { openSessionStore } from '../src/main/store/session-store.ts';

/**
 * Creates (or migrates) the database at `file` and inserts `count` sessions named
 * `bulk-000000`…: 20 flows (`flow-0`…), outcomes cycling hangup/transfer/error, one second apart,
 * each with a customer's final variables (searchable, as the store makes them at finish).
 */
export function seedBulkSessions(file: string, count: number): void {
  openSessionStore({ path: file }).close();
  const db = new Database(file);
  try {
    db.prepare(
      `
      WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < :last)
      INSERT INTO sessions (id, flow_id, flow_name, flow_path, source, destination, started_at,
        ended_at, duration_ms, status, ended_by, variables_json, event_count, webhook_count,
        writer_pid, search_text)
      SELECT printf('bulk-%06d', i), 'flow-' || (i % 20), 'Flow ' || (i % 20), NULL,
        '+3620' || printf('%07d', i), '+3680000000', 1700000000000 + i * 1000,
        1700000000000 + i * 1000 + 5000, 5000, CASE i % 3 WHEN 0 THEN 'hangup' WHEN 1 THEN 'transfer'
        ELSE 'error' END, 'caller',
        json_object('customer_id', printf('%07d', i), 'customer_name', 'Customer ' || i,
          'tier', 'gold', 'account', json_object('balance', (i % 5000) + 0.25, 'currency', 'EUR')),
        0, 0, NULL,
        lower('+3620' || printf('%07d', i) || char(31) || '+3680000000' || char(31) || 'flow-' ||
          (i % 20) || char(31) || 'Flow ' || (i % 20) ||
          -- What the store appends at finish: the final variables' values (variablesSearchText).
          char(31) || printf('%07d', i) || char(31) || 'Customer ' || i || char(31) || 'gold' ||
          char(31) || ((i % 5000) + 0.25) || char(31) || 'EUR')
      FROM n`,
    ).run({ last: count - 1 });
  } finally {
    db.close();
  }
}
