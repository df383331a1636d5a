/**
 * The editor's problem list: every problem of the flow being edited, live, each a button that
 * selects its node and focuses the field it points at.
 */
import type { ReactElement } from 'react';
import { plural } from '../../lib/plural.ts';
import type { FlowProblem } from '../../../../shared/flow/validate-flow.ts';

/** Props of {@link EditorProblems}. */
export interface EditorProblemsProps {
  problems: readonly FlowProblem[];
  /** A problem picked: its pointer (`/nodes/ask/variable`). */
  onPick(pointer: string): void;
}

/** The list with a heading and counts; "No problems" when the flow is clean. */
export function EditorProblems({ problems, onPick }: EditorProblemsProps): ReactElement {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <section className="flow-problems editor-problems" aria-label="Problems">
      <h3 className="flow-problems__title">
        Problems{' '}
        <span className="editor-problems__counts" role="status">
          {problems.length === 0
            ? 'none'
            : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`}
        </span>
      </h3>
      {problems.length > 0 && (
        <ul className="flow-problems__list">
          {problems.map((p, index) => (
            <li key={`${p.pointer}\u0000${p.code}\u0000${index}`}>
              <button
                type="button"
                className={`flow-problem flow-problem--${p.severity} editor-problems__item`}
                onClick={() => onPick(p.pointer)}
              >
                <span className={`badge badge--${p.severity}`}>{p.severity}</span>
                <code className="flow-problem__pointer">{p.pointer || '/'}</code>
                <span className="flow-problem__message">{p.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
