/**
 * Whether the process writing a session is still at work, asked of the operating system's file
 * locks rather than of process ids. Each writing store holds an exclusive SQLite lock on a small
 * file of its own beside the log (`<log>-writer-<token>`) from before its first session until it
 * closes. The OS drops that lock the moment the process ends, however it ends (SIGKILL included,
 * before the process is even reaped), so a checker that can take the lock knows the writer is
 * gone. A process id only says that some process has that id: a reused id, or a killed process
 * not reaped yet, reads as alive.
 *
 * SQLite's locks are the OS's own (POSIX fcntl locks on Linux and macOS, LockFileEx on Windows),
 * so this needs nothing beyond better-sqlite3 and behaves alike on all three.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';

/** A token as takeWriterLock() makes it; anything else in a session row is not ours to trust. */
const TOKEN_PATTERN = /^[0-9a-f]{32}$/;

/** A lock held by this process for one writing store. */
export interface WriterLock {
  /** Stored with each session the store begins. */
  readonly token: string;
  /** Drops the lock and removes its file. Idempotent. */
  release(): void;
}

/** What the lock of a session's writer says. */
export type WriterState =
  /** Its lock is held: the writer is at work. */
  | 'alive'
  /** Its lock is free or gone: the writer has ended. */
  | 'gone'
  /** No lock to ask (a session logged before locks, or an unreadable token). */
  | 'unknown';

/** The lock file of `token` beside the log `file`. */
export function writerLockPath(file: string, token: string): string {
  return `${file}-writer-${token}`;
}

/**
 * Takes a new writer lock beside the log `file`, or returns null when the folder will not hold
 * one (its sessions are then judged by process id, as before locks).
 */
export function takeWriterLock(file: string): WriterLock | null {
  const token = randomBytes(16).toString('hex');
  const lockFile = writerLockPath(file, token);
  let db: Database.Database | undefined;
  try {
    db = new Database(lockFile, { timeout: 0 });
    // One page of content first: BEGIN EXCLUSIVE on an empty file would have to write that page,
    // and keep a -journal file beside it for as long as the lock is held.
    db.pragma('user_version = 1');
    db.exec('BEGIN EXCLUSIVE');
  } catch {
    db?.close();
    removeQuietly(lockFile);
    return null;
  }
  const held = db;
  let released = false;
  return {
    token,
    release(): void {
      if (released) return;
      released = true;
      held.close(); // drops the lock (and, on Windows, the handle that keeps the file from going)
      removeQuietly(lockFile);
    },
  };
}

/**
 * Asks the lock of the writer with `token` whether it is still at work. Never blocks: a held lock
 * answers at once. When the answer cannot be read (the file is unreadable, say), it is 'alive':
 * a call is never declared over on a guess.
 */
export function writerState(file: string, token: string | null): WriterState {
  if (token === null || !TOKEN_PATTERN.test(token)) return 'unknown';
  const lockFile = writerLockPath(file, token);
  let db: Database.Database;
  try {
    db = new Database(lockFile, { fileMustExist: true, timeout: 0 });
  } catch {
    // Removed by its writer on close, or by a checker that found it free: either way, gone.
    return fs.existsSync(lockFile) ? 'alive' : 'gone';
  }
  try {
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
    return 'gone';
  } catch {
    return 'alive'; // SQLITE_BUSY: its writer holds it
  } finally {
    db.close();
  }
}

/** Removes the lock file of a writer found gone (tokens are never reused, so no one will want it). */
export function removeWriterLock(file: string, token: string): void {
  if (TOKEN_PATTERN.test(token)) removeQuietly(writerLockPath(file, token));
}

function removeQuietly(lockFile: string): void {
  try {
    fs.rmSync(lockFile, { force: true });
  } catch {
    // Still open elsewhere (Windows) or already gone: the next checker that finds it free removes it.
  }
}
