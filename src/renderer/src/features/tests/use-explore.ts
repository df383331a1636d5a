/**
 * "Generate tests" for one flow and environment: asks `flows.explore` once when opened, then
 * saves the generated file with `tests.saveGenerated` on request.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ExploreReport } from '../../../../shared/contract.ts';
import { call } from '../../api/ivr-api.ts';

/** The exploration and its saving. */
export interface ExploreState {
  /** Null while exploring, or when it failed. */
  report: ExploreReport | null;
  /** Why exploring failed. */
  error: string | null;
  saving: boolean;
  /** Where the file was saved; null until it is. */
  savedPath: string | null;
  /** Why saving failed. */
  saveError: string | null;
  save(): void;
}

/** Explores `flowPath` with `environmentId` once, for the dialog's lifetime. */
export function useExplore(flowPath: string, environmentId: string): ExploreState {
  const [answer, setAnswer] = useState<{ report: ExploreReport | null; error: string | null }>({
    report: null,
    error: null,
  });
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ path: string | null; error: string | null }>({
    path: null,
    error: null,
  });

  useEffect(() => {
    let alive = true;
    call('flows.explore', { flowPath, environmentId }).then(
      (report) => alive && setAnswer({ report, error: null }),
      (failed: Error) => alive && setAnswer({ report: null, error: failed.message }),
    );
    return () => {
      alive = false;
    };
  }, [flowPath, environmentId]);

  const report = answer.report;
  const save = useCallback(() => {
    if (!report) return;
    setSaving(true);
    setSaved({ path: null, error: null });
    call('tests.saveGenerated', { path: report.suggestedPath, text: report.yaml }).then(
      (result) => {
        setSaving(false);
        setSaved({ path: result.path, error: null });
      },
      (failed: Error) => {
        setSaving(false);
        setSaved({ path: null, error: failed.message });
      },
    );
  }, [report]);

  return {
    report,
    error: answer.error,
    saving,
    savedPath: saved.path,
    saveError: saved.error,
    save,
  };
}
