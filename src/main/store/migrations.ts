/**
 * The schema's history: numbered migrations applied in order under `PRAGMA user_version`
 * (the Signal Desktop habit). Never edit a released migration; append a new one.
 */
import type Database from 'better-sqlite3';
import { variablesSearchText } from './session-sql.ts';

/** One step of the schema's history. */
export interface Migration {
  /** The `user_version` the database has once `up` ran; 1, 2, 3, … without gaps. */
  version: number;
  up: (db: Database.Database) => void;
}

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
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
  },
  {
    // Version 2: search also matches the final variables' values. Sessions logged before it get
    // theirs added here, so an older call is found the same way as a new one.
    version: 2,
    up: (db) => {
      const update = db.prepare(
        'UPDATE sessions SET search_text = search_text || @text WHERE rowid = @rowid',
      );
      // In batches by rowid: better-sqlite3 cannot write while a statement iterates, and a
      // 100,000-session log should not be read into memory at once.
      const batch = db.prepare(
        `SELECT rowid, variables_json FROM sessions
         WHERE rowid > ? AND variables_json IS NOT NULL ORDER BY rowid LIMIT 500`,
      );
      let last = 0;
      for (;;) {
        const rows = batch.all(last) as { rowid: number; variables_json: string }[];
        if (rows.length === 0) break;
        for (const row of rows) {
          last = row.rowid;
          let variables: unknown;
          try {
            variables = JSON.parse(row.variables_json);
          } catch {
            continue; // An unreadable value is reported when the session is opened, not here.
          }
          const text = variablesSearchText(variables);
          if (text !== '') update.run({ text, rowid: row.rowid });
        }
      }
    },
  },
  {
    // Version 3: the lock file of each session's writer (writer-lock.ts). The OS drops a lock
    // when its process dies, which a process id cannot tell: a reused id, or a killed process not
    // reaped yet, reads as alive. Sessions logged before it keep the process id alone.
    version: 3,
    up: (db) => {
      db.exec('ALTER TABLE sessions ADD COLUMN writer_lock TEXT');
    },
  },
];

/**
 * The oldest schema a reader takes as it is, without migrating it (reading never writes): every
 * later migration only added what writers use (3: writer_lock). Raise it with any migration that
 * changes what reading sees (version 2 did: search covers the final variables).
 */
export const OLDEST_READABLE_VERSION = 2;

/** The `user_version` this code writes and understands. */
export const LATEST_VERSION: number = MIGRATIONS.at(-1)?.version ?? 0;
