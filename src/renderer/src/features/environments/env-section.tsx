/** A titled section of the environment editor, labelled by its heading. */
import { useId } from 'react';
import type { ReactElement, ReactNode } from 'react';

/** A section with its heading. */
export function EnvSection({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}): ReactElement {
  const id = useId();
  return (
    <section className="env-section" aria-labelledby={id}>
      <h3 className="env-section__title" id={id}>
        {title}
      </h3>
      {children}
    </section>
  );
}
