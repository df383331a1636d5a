/**
 * The console's load run as the Load screen sees it: the status main last sent (asked for once
 * when the screen opens, so a run started before, or still going, shows at once), then every
 * `load` event on the console's event channel; and the screen's actions: start, stop, export.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ChannelInput, LoadStatus } from '../../../../shared/contract.ts';
import { call, getApi } from '../../api/ivr-api.ts';
import { downloadFile } from '../../lib/download-file.ts';

/** The run and what can be done with it. */
export interface LoadRunState {
  /** Null until main has answered. */
  status: LoadStatus | null;
  /** Why the last action failed (a refused Start, a failed export); null when it did not. */
  error: string | null;
  /** What the last export did, for the status line. */
  message: string | null;
  /** True from Start until main has answered it. */
  starting: boolean;
  start(input: ChannelInput<'load.start'>): void;
  stop(): void;
  exportReport(): void;
}

/** Follows the load run and offers its actions. */
export function useLoadRun(): LoadRunState {
  const [status, setStatus] = useState<LoadStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    let alive = true;
    const unsubscribe = getApi()?.subscribe((event) => {
      if (event.kind === 'load') setStatus(event.status);
    });
    call('load.status', {}).then(
      // An event that arrived first is newer than this answer.
      (answer) => alive && setStatus((seen) => seen ?? answer),
      (failed: Error) => alive && setError(failed.message),
    );
    return () => {
      alive = false;
      unsubscribe?.();
    };
  }, []);

  const start = useCallback((input: ChannelInput<'load.start'>) => {
    setError(null);
    setMessage(null);
    setStarting(true);
    call('load.start', input).then(
      (answer) => {
        setStarting(false);
        // Progress events may already have overtaken the answer.
        setStatus((seen) =>
          seen?.phase === 'running' && seen.run?.startedAt === answer.run?.startedAt
            ? seen
            : answer,
        );
      },
      (failed: Error) => {
        setStarting(false);
        setError(failed.message);
      },
    );
  }, []);

  const stop = useCallback(() => {
    call('load.stop', {}).catch((failed: Error) => setError(failed.message));
  }, []);

  const exportReport = useCallback(() => {
    setError(null);
    call('load.report', {}).then(
      (file) => {
        downloadFile(file.fileName, file.content, file.mimeType);
        setMessage(`Exported ${file.fileName}`);
      },
      (failed: Error) => setError(`Export failed: ${failed.message}`),
    );
  }, []);

  return { status, error, message, starting, start, stop, exportReport };
}
