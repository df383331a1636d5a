/**
 * A list of flow problems (severity, JSON Pointer, message): the flow-level problems under the
 * graph, or every problem when the file cannot be drawn at all.
 */
import type { ReactElement } from 'react';
import type { FlowProblem } from '../../../../shared/flow/validate-flow.ts';

/** Props of {@link FlowProblemList}. */
export interface FlowProblemListProps {
  problems: readonly FlowProblem[];
  /** Heading and accessible name of the list. */
  title: string;
}

/** The list, with a heading; renders nothing when there is no problem. */
export function FlowProblemList({ problems, title }: FlowProblemListProps): ReactElement | null {
  if (problems.length === 0) return null;
  return (
    <section className="flow-problems" aria-label={title}>
      <h3 className="flow-problems__title">{title}</h3>
      <ul className="flow-problems__list">
        {problems.map((p, index) => (
          <li key={index} className={`flow-problem flow-problem--${p.severity}`}>
            <span className={`badge badge--${p.severity}`}>{p.severity}</span>
            {/* The root pointer is the empty string; show it as `/` so it is not blank. */}
            <code className="flow-problem__pointer">{p.pointer || '/'}</code>
            <span className="flow-problem__message">{p.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
