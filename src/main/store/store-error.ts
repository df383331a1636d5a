/**
 * The one error type the session store throws on purpose, so callers (the CLI, the IPC layer) can
 * tell "the log refused this" apart from a programming error and show the message as is.
 */

/** Why the store refused something. */
export type StoreErrorCode =
  | 'cannot_open'
  | 'not_a_database'
  /** A SQLite database, but another program's (or one claiming a version without its tables). */
  | 'not_a_session_log'
  | 'future_version'
  | 'needs_migration'
  | 'read_only'
  | 'closed'
  | 'unknown_session'
  | 'session_finished'
  | 'duplicate_session'
  | 'duplicate_event'
  | 'ambiguous_prefix'
  | 'write_failed'
  | 'invalid_input';

/** A refusal with a message meant for people and a code meant for programs. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}
