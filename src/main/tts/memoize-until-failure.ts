/**
 * Asking an engine for its voices spawns a process: do it once, but not forever after a failure.
 */

/**
 * Wraps `load` so its promise is shared by every caller until it rejects; the next call after a
 * rejection loads again (a failed listing is retried rather than remembered).
 */
export function memoizeUntilFailure<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => {
    if (cached === undefined) {
      const attempt = load();
      cached = attempt;
      attempt.catch(() => {
        if (cached === attempt) cached = undefined;
      });
    }
    return cached;
  };
}
