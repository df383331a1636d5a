/**
 * The problems of the text being edited: the validator's, at once on every edit, and the
 * recorded prompts' (a file missing, unreadable or not audio), which only main can judge, asked
 * for a moment after the typing stops and kept only while the text is the one they were for.
 */
import { useEffect, useState } from 'react';
import type { FlowProblem } from '../../../../shared/flow/validate-flow.ts';
import { call } from '../../api/ivr-api.ts';

/** Wait after the last edit before asking main (a recording check reads files). */
const SETTLE_MS = 300;

/** The problems to show for `text`: main's full list once it answered for this very text. */
export function useEditorProblems(path: string, text: string, local: FlowProblem[]): FlowProblem[] {
  const [checked, setChecked] = useState<{ text: string; problems: FlowProblem[] } | null>(null);
  const needsFiles = text.includes('"audio"');
  useEffect(() => {
    if (!needsFiles) return undefined;
    let alive = true;
    const timer = setTimeout(() => {
      call('flows.validate', { path, text }).then(
        (problems) => alive && setChecked({ text, problems }),
        () => undefined,
      );
    }, SETTLE_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [path, text, needsFiles]);
  return needsFiles && checked?.text === text ? checked.problems : local;
}
