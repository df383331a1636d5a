/**
 * Time, injected: the engine never reads the wall clock or sets a timer itself. The real clock is
 * for the desktop app and `--realtime`; the virtual clock runs a whole call in milliseconds.
 */

/** An opaque timer handle. */
export type TimerHandle = { readonly id: number };

/** What the engine needs of time. */
export interface Clock {
  /** Current time, epoch milliseconds (virtual on the virtual clock). */
  now(): number;
  /** Calls `fn` after `ms` milliseconds of this clock's time. */
  setTimer(ms: number, fn: () => void): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/** The wall clock with real timers. */
export function createRealClock(): Clock {
  const timers = new Map<number, NodeJS.Timeout>();
  let nextId = 1;
  return {
    now: () => Date.now(),
    setTimer(ms, fn) {
      const id = nextId++;
      timers.set(
        id,
        setTimeout(() => {
          timers.delete(id);
          fn();
        }, ms),
      );
      return { id };
    },
    clearTimer(handle) {
      clearTimeout(timers.get(handle.id));
      timers.delete(handle.id);
    },
  };
}

interface VirtualTimer {
  id: number;
  at: number;
  fn: () => void;
}

/** Options of {@link VirtualClock}. */
export interface VirtualClockOptions {
  /** Epoch ms the clock starts at. */
  start?: number;
  /**
   * Advance by itself: whenever timers are pending and the event loop has nothing else to do
   * first (checked on `setImmediate`), jump to the earliest timer and fire it. Real I/O (a
   * webhook in flight) keeps its real timing, because no virtual timer is pending meanwhile.
   */
  autoAdvance?: boolean;
}

/** A clock whose time moves only when told to (or, with `autoAdvance`, when idle). */
export class VirtualClock implements Clock {
  #now: number;
  #timers: VirtualTimer[] = [];
  #nextId = 1;
  #auto: boolean;
  #scheduled = false;

  constructor(options: VirtualClockOptions = {}) {
    this.#now = options.start ?? 0;
    this.#auto = options.autoAdvance ?? false;
  }

  now(): number {
    return this.#now;
  }

  setTimer(ms: number, fn: () => void): TimerHandle {
    const timer = { id: this.#nextId++, at: this.#now + Math.max(0, ms), fn };
    this.#timers.push(timer);
    this.#timers.sort((a, b) => a.at - b.at || a.id - b.id);
    if (this.#auto) this.#schedule();
    return { id: timer.id };
  }

  clearTimer(handle: TimerHandle): void {
    this.#timers = this.#timers.filter((t) => t.id !== handle.id);
  }

  /** Number of timers waiting to fire. */
  get pending(): number {
    return this.#timers.length;
  }

  /** Moves time forward by `ms`, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      const first = this.#timers[0];
      if (!first || first.at > until) break;
      this.#fire(first);
    }
    this.#now = until;
  }

  /** Fires the earliest pending timer, moving time to it. False when none is pending. */
  runNext(): boolean {
    const first = this.#timers[0];
    if (!first) return false;
    this.#fire(first);
    return true;
  }

  #fire(timer: VirtualTimer): void {
    this.#timers.shift();
    this.#now = Math.max(this.#now, timer.at);
    timer.fn();
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      if (this.runNext() && this.#timers.length > 0) this.#schedule();
    });
  }
}

/**
 * Waits `ms` on `clock`; resolves early (never rejects) when `signal` aborts.
 * Resolves to true when the full time elapsed.
 */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = (): void => {
      clock.clearTimer(handle);
      resolve(false);
    };
    const handle = clock.setTimer(ms, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
