/**
 * Times as the console writes them: a call timer, offsets into a call, request durations, when a
 * logged call started.
 */

/** A call timer: `mm:ss` (`h:mm:ss` past an hour). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** An offset into a call, to the millisecond: `00:03.250`. */
export function formatOffset(ms: number): string {
  const safe = Math.max(0, ms);
  const millis = Math.floor(safe % 1000);
  return `${formatClock(safe)}.${String(millis).padStart(3, '0')}`;
}

/** A duration of a request or a step: `0.8 ms`, `12 ms`, `1.25 s`; a dash when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Local date and time of a session's start, to the second (the year only when not this one). */
export function formatStart(epochMs: number, now = Date.now()): string {
  const date = new Date(epochMs);
  const thisYear = date.getFullYear() === new Date(now).getFullYear();
  return date.toLocaleString(undefined, {
    ...(thisYear ? {} : { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
