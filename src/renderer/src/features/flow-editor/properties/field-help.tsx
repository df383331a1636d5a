/**
 * A field's help and problems, shown under it: the schema's description (its `code` spans as
 * code), whether the field is required and what an absent one means, then the validator's
 * problems at or inside the field.
 */
import type { ReactElement, ReactNode } from 'react';
import { valueText } from './field-controls.tsx';
import type { FieldProblem } from './field-problems.ts';
import type { FieldSpec } from './node-fields.ts';

/** The description with its backquoted spans as <code>. */
function withCode(text: string): ReactNode[] {
  return text
    .split('`')
    .map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}

/** The help sentence of a field, or null when there is nothing to say. */
export function helpText(spec: FieldSpec): string | null {
  const parts: string[] = [];
  if (spec.description) parts.push(spec.description);
  if (spec.required) parts.push('Required.');
  else if (spec.default !== undefined && spec.kind !== 'object') {
    parts.push(`Default: ${valueText(spec.default)}.`);
  }
  if (spec.min !== undefined && spec.max !== undefined)
    parts.push(`From ${spec.min} to ${spec.max}.`);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The help paragraph. */
export function FieldHelp({ id, text }: { id: string; text: string }): ReactElement {
  return (
    <p className="field__help prop-field__help" id={id}>
      {withCode(text)}
    </p>
  );
}

/** The field's problems, errors first. */
export function FieldProblems({
  id,
  problems,
}: {
  id: string;
  problems: readonly FieldProblem[];
}): ReactElement {
  return (
    <ul className="prop-field__problems" id={id}>
      {problems.map((problem, index) => (
        <li key={index} className={`prop-problem prop-problem--${problem.severity}`}>
          <span className="visually-hidden">{problem.severity}: </span>
          {problem.message}
        </li>
      ))}
    </ul>
  );
}
