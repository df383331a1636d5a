/**
 * The one list of a logged session's statuses: the SessionStatus type, the IPC schema's enum and
 * the store's input check all come from it. (The SQL CHECK of the sessions table was shipped in
 * migration 1 and is frozen; tests/store/session-statuses.test.ts keeps the two equal.)
 * Pure TypeScript, importing nothing, so the call events, the store and the renderer share it.
 */

/**
 * `running` until the call ends; then how it ended (`hangup`, `transfer`, `error`), or
 * `interrupted`, set by the store for a call whose process died mid-call.
 */
export const SESSION_STATUSES = ['running', 'hangup', 'transfer', 'error', 'interrupted'] as const;

/** A session's state in the log. */
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** True when `value` is one of {@link SESSION_STATUSES}. */
export function isSessionStatus(value: unknown): value is SessionStatus {
  return (SESSION_STATUSES as readonly unknown[]).includes(value);
}
