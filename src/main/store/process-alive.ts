/**
 * Whether a process still exists, to tell a call in progress in another process (the desktop app
 * while a CLI run opens the file) from one whose process died.
 */

/**
 * True when a process with id `pid` exists. Signal 0 checks without signalling (on Windows too);
 * EPERM means it exists but belongs to someone else.
 *
 * Caveat: a PID reused by an unrelated process after the writer died reads as alive, which only
 * delays the `interrupted` verdict until that process is gone too; it never loses data.
 */
export function isProcessAlive(pid: number): boolean {
  // 0 and negative ids address process groups in kill(2): never a single writer.
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
