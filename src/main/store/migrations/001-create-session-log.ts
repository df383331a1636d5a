/**
 * Migration 1 (shipped): the session log's tables: sessions, their events, and the webhook
 * exchanges those events carry. Frozen: never edit it; change the schema with a new migration.
 * Its SQL stays literal (the status list included) because databases in the field were created
 * by exactly this text; tests/store/session-statuses.test.ts keeps the live list equal to it.
 */
import type { Migration } from './migration.ts';

export const createSessionLog: Migration = {
  version: 1,
  up: (db) => {
    db.exec(`
        CREATE TABLE sessions (
          id              TEXT PRIMARY KEY NOT NULL,
          flow_id         TEXT NOT NULL,
          flow_name       TEXT NOT NULL,
          flow_path       TEXT,
          source          TEXT NOT NULL,
          destination     TEXT NOT NULL,
          started_at      INTEGER NOT NULL,
          ended_at        INTEGER,
          duration_ms     REAL,
          status          TEXT NOT NULL DEFAULT 'running'
                          CHECK (status IN ('running', 'hangup', 'transfer', 'error', 'interrupted')),
          ended_by        TEXT CHECK (ended_by IN ('flow', 'caller')),
          transfer_target TEXT,
          variables_json  TEXT,
          event_count     INTEGER NOT NULL DEFAULT 0,
          webhook_count   INTEGER NOT NULL DEFAULT 0,
          writer_pid      INTEGER,
          -- Lower-cased source, destination, flow id and name, so search is Unicode
          -- case-insensitive (LIKE folds ASCII only) without a JS callback per row.
          search_text     TEXT NOT NULL
        );
        -- The list is always newest first; ties fall back to rowid (insertion order), which every
        -- index carries as its last column, so ORDER BY never needs a temporary b-tree.
        CREATE INDEX sessions_started_at ON sessions (started_at);
        CREATE INDEX sessions_flow_started_at ON sessions (flow_id, started_at);
        CREATE INDEX sessions_status_started_at ON sessions (status, started_at);

        CREATE TABLE events (
          session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
          seq        INTEGER NOT NULL,
          t_ms       REAL NOT NULL,
          type       TEXT NOT NULL,
          node       TEXT,
          -- The event minus the fields stored in columns (and minus a webhook's exchange).
          data_json  TEXT NOT NULL,
          PRIMARY KEY (session_id, seq)
        );

        CREATE TABLE webhook_exchanges (
          session_id      TEXT NOT NULL,
          seq             INTEGER NOT NULL,
          node            TEXT NOT NULL,
          on_hangup       INTEGER NOT NULL,
          method          TEXT NOT NULL,
          url             TEXT NOT NULL,
          status          INTEGER,
          ok              INTEGER NOT NULL,
          error           TEXT,
          total_ms        REAL NOT NULL,
          request_json    TEXT NOT NULL,
          response_json   TEXT,
          -- The response body's raw bytes; its text form is derived from them on read.
          response_body   BLOB,
          violations_json TEXT NOT NULL,
          warnings_json   TEXT NOT NULL,
          variables_json  TEXT NOT NULL,
          parsed_json     TEXT NOT NULL,
          timings_json    TEXT NOT NULL,
          curl            TEXT NOT NULL,
          -- Exchange fields this schema has no column for (none today): kept, never dropped.
          extra_json      TEXT,
          PRIMARY KEY (session_id, seq),
          FOREIGN KEY (session_id, seq) REFERENCES events (session_id, seq) ON DELETE CASCADE
        );
      `);
  },
};
