/**
 * Migration 4: an FTS5 trigram index over sessions.search_text, so a search reads the few rows
 * that hold its text instead of every row (a load test logs thousands of sessions a minute).
 * Sessions logged before it are indexed here, in this migration's transaction.
 * Frozen once shipped: never edit it; change the index with a new migration.
 *
 * An external-content table (content='sessions'): the text lives once, in search_text, which the
 * store reads anyway to check each candidate exactly (instr); a contentless table would need
 * contentless_delete (SQLite 3.43) and a table of its own would store every text twice. Triggers
 * keep it in step whoever writes (the app, the CLI, the sqlite3 shell): the index only ever
 * holds a row's current text, which its 'delete' command needs. External content joins on rowid,
 * which VACUUM keeps (tests/store/search-index.test.ts checks that it does).
 */
import type { Migration } from './migration.ts';

export const searchTrigramIndex: Migration = {
  version: 4,
  up: (db) => {
    db.exec(`
        -- trigram: every run of three characters is a token; case_sensitive 0 (its default)
        -- folds case, as the lower-cased text it indexes is. detail none: rowids without
        -- positions, a third of the size and quicker to build; the store asks which rows hold a
        -- few of a search's trigrams and checks each candidate with instr(), which positions
        -- would not spare it (the tokenizer's case folding is not JavaScript's). columnsize 0:
        -- no per-row token counts, which only ranking (bm25) reads.
        CREATE VIRTUAL TABLE sessions_search USING fts5(
          search_text,
          content = 'sessions',
          content_rowid = 'rowid',
          tokenize = 'trigram case_sensitive 0',
          detail = 'none',
          columnsize = 0
        );
        CREATE TRIGGER sessions_search_insert AFTER INSERT ON sessions BEGIN
          INSERT INTO sessions_search (rowid, search_text) VALUES (new.rowid, new.search_text);
        END;
        CREATE TRIGGER sessions_search_delete AFTER DELETE ON sessions BEGIN
          INSERT INTO sessions_search (sessions_search, rowid, search_text)
            VALUES ('delete', old.rowid, old.search_text);
        END;
        -- Only when the text changes (a session's final variables, at finish): the per-event
        -- counter updates do not name search_text and never fire it.
        CREATE TRIGGER sessions_search_update AFTER UPDATE OF search_text ON sessions
          WHEN old.search_text IS NOT new.search_text BEGIN
          INSERT INTO sessions_search (sessions_search, rowid, search_text)
            VALUES ('delete', old.rowid, old.search_text);
          INSERT INTO sessions_search (rowid, search_text) VALUES (new.rowid, new.search_text);
        END;
        -- The sessions already logged: read from the content table in one pass.
        INSERT INTO sessions_search (sessions_search) VALUES ('rebuild');
      `);
  },
};
