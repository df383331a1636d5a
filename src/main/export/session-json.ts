/**
 * A session as one JSON document: everything the log holds about the call, under a small header
 * that says what the file is and who wrote it, so it can be archived, diffed or attached to a bug.
 */
import type { SessionDetail } from '../../shared/session-types.ts';
import type { Exporter } from './exporter.ts';

/** Identifies the document; `version` changes only when the layout changes incompatibly. */
export const SESSION_JSON_FORMAT = Object.freeze({ name: 'ivr-test-console/session', version: 1 });

/** The exported document. */
export interface SessionJsonDocument {
  format: { name: string; version: number };
  exportedBy: Exporter;
  /** The session exactly as the log returns it (as `sessions show --json` prints it). */
  session: SessionDetail;
}

/** Wraps a session in its export header. */
export function sessionJsonDocument(
  session: SessionDetail,
  exporter: Exporter,
): SessionJsonDocument {
  return {
    format: { ...SESSION_JSON_FORMAT },
    exportedBy: { name: exporter.name, version: exporter.version },
    session,
  };
}

/**
 * The session as pretty-printed JSON, newline-terminated.
 *
 * Stable: no export timestamp and the store's own key order, so exporting the same session twice
 * gives the same bytes (diffable, cacheable).
 */
export function sessionToJson(session: SessionDetail, exporter: Exporter): string {
  return JSON.stringify(sessionJsonDocument(session, exporter), null, 2) + '\n';
}
