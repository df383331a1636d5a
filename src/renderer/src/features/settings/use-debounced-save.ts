/**
 * Saves settings changes a moment after the last one, merged: dragging a slider sends one update,
 * not one per step. `flush` saves what is pending at once (the dialog closing).
 */
import { useCallback, useEffect, useRef } from 'react';
import type { ChannelInput } from '../../../../shared/contract.ts';

type Patch = ChannelInput<'settings.update'>;

const DELAY_MS = 250;

function merge(a: Patch, b: Patch): Patch {
  const out: Patch = {};
  if (a.dtmf || b.dtmf) out.dtmf = { ...a.dtmf, ...b.dtmf };
  if (a.speech || b.speech) out.speech = { ...a.speech, ...b.speech };
  if (a.lastCall || b.lastCall) out.lastCall = { ...a.lastCall, ...b.lastCall };
  return out;
}

/** `queue(patch)` and `flush()`; `save` failures go to `onError`. */
export function useDebouncedSave(
  save: (patch: Patch) => Promise<unknown>,
  onError: (message: string | null) => void,
): { queue(patch: Patch): void; flush(): void } {
  const pending = useRef<Patch | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef({ save, onError });
  useEffect(() => {
    latest.current = { save, onError };
  }, [save, onError]);

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    const patch = pending.current;
    pending.current = null;
    if (!patch) return;
    latest.current.save(patch).then(
      () => latest.current.onError(null),
      (error: unknown) => latest.current.onError((error as Error).message),
    );
  }, []);

  const queue = useCallback(
    (patch: Patch) => {
      pending.current = pending.current ? merge(pending.current, patch) : patch;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, DELAY_MS);
    },
    [flush],
  );

  useEffect(() => flush, [flush]);
  return { queue, flush };
}
