/**
 * An environment file's problems, each `file:line: field: message` as main words them.
 */
import type { ReactElement } from 'react';

/** Props of {@link ProblemList}. */
export interface ProblemListProps {
  title: string;
  problems: readonly string[];
}

/** The list, under its title. */
export function ProblemList({ title, problems }: ProblemListProps): ReactElement {
  return (
    <section className="env-problems" role="alert" aria-label="Problems">
      <p className="env-problems__title">{title}</p>
      <ul className="env-problems__list">
        {problems.map((problem, index) => (
          <li key={index}>
            <code>{problem}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
