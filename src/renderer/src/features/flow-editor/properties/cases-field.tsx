/**
 * A branch's `cases`: an ordered list (the first case that holds wins), each a condition and the
 * node it leads to; cases are added, removed and moved up. Each edit is one `onSet`.
 */
import { useId } from 'react';
import type { ReactElement } from 'react';
import { CloseIcon, PlusIcon } from '../../../ui/icons.tsx';
import { ConditionEditor, EMPTY_CONDITION } from './condition-editor.tsx';
import { NodeRefSelect } from './field-controls.tsx';
import type { FieldSpec } from './node-fields.ts';
import './cases-field.css';

type Path = (string | number)[];

/** Props of {@link CasesField}. */
export interface CasesFieldProps {
  spec: FieldSpec;
  value: unknown;
  onSet(path: Path, value: unknown): void;
  nodeIds: readonly string[];
  variables: readonly string[];
}

const NEXT: FieldSpec = { name: 'next', kind: 'nodeRef', required: true };

function caseOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** One case: its condition, its `next`, Move up and Remove. */
function CaseItem(props: CasesFieldProps & { index: number; cases: unknown[] }): ReactElement {
  const { index, cases, onSet, nodeIds, variables, spec } = props;
  const id = useId();
  const entry = caseOf(cases[index]);
  const name = `case ${index + 1}`;
  const moveUp = (): void => {
    const next = [...cases];
    [next[index - 1], next[index]] = [next[index], next[index - 1]];
    onSet([spec.name], next);
  };
  return (
    <li className="prop-case" role="group" aria-label={name} data-path={`${spec.name}/${index}`}>
      <div className="prop-case__header">
        <span className="prop-case__title">Case {index + 1}</span>
        <button
          type="button"
          className="button button--small button--quiet"
          disabled={index === 0}
          aria-label={`Move ${name} up`}
          onClick={moveUp}
        >
          Move up
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Remove ${name}`}
          title={`Remove ${name}`}
          onClick={() =>
            onSet(
              [spec.name],
              cases.filter((_, at) => at !== index),
            )
          }
        >
          <CloseIcon size={14} />
        </button>
      </div>
      <ConditionEditor
        condition={entry['if']}
        path={[spec.name, index, 'if']}
        onSet={onSet}
        variables={variables}
        label="if"
      />
      <div className="prop-case__next" data-path={`${spec.name}/${index}/next`}>
        <label htmlFor={`${id}-next`}>next</label>
        <NodeRefSelect
          id={`${id}-next`}
          spec={NEXT}
          value={entry['next']}
          onSet={(value) => onSet([spec.name, index, 'next'], value)}
          invalid={false}
          nodeIds={nodeIds}
        />
      </div>
    </li>
  );
}

/** The list of cases and Add case. */
export function CasesField(props: CasesFieldProps): ReactElement {
  const cases = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  return (
    <div className="prop-cases">
      {cases.length === 0 ? (
        <p className="field__help">No cases yet: every call goes to default.</p>
      ) : (
        <ol className="prop-cases__list">
          {cases.map((_, index) => (
            <CaseItem key={index} {...props} index={index} cases={cases} />
          ))}
        </ol>
      )}
      <button
        type="button"
        className="button button--small"
        onClick={() =>
          props.onSet([props.spec.name], [...cases, { if: EMPTY_CONDITION, next: '' }])
        }
      >
        <PlusIcon size={14} />
        Add case
      </button>
    </div>
  );
}
