/**
 * Whether a process still exists: the fallback liveness test for sessions logged before writer
 * locks (writer-lock.ts), which carry nothing but their writer's process id.
 */

/**
 * True when a process with id `pid` exists. Signal 0 checks without signalling (on Windows too);
 * EPERM means it exists but belongs to someone else.
 *
 * Caveat: a PID reused by an unrelated process after the writer died reads as alive, and so does
 * a killed process not reaped yet; both only delay the `interrupted` verdict, never lose data.
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
