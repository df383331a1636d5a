/**
 * A branch condition, edited in place: `{ var, op, value }` (value hidden for `exists` and
 * `empty`), or an `all` / `any` group of conditions, nested to any depth. Each edit is one `onSet`
 * at the condition's path, so each is one undo step.
 */
import { useId } from 'react';
import type { ReactElement } from 'react';
import { CloseIcon, PlusIcon } from '../../../ui/icons.tsx';
import { conditionValueText, parseConditionValue, UNARY_OPS } from './condition-value.ts';
import { CONDITION_OPS } from './node-fields.ts';
import { commitOnEnter, useDraft } from './use-draft.ts';

type Path = (string | number)[];

/** Props of {@link ConditionEditor}. */
export interface ConditionEditorProps {
  condition: unknown;
  /** The condition's path in the node (`['cases', 0, 'if']`). */
  path: Path;
  onSet(path: Path, value: unknown): void;
  variables: readonly string[];
  /** The label of the kind select: `if` for a case's condition, `condition` inside a group. */
  label: string;
}

type Group = 'all' | 'any';

/** A new, empty condition: the user fills in `var` and `value`. */
export const EMPTY_CONDITION = { var: '', op: 'eq', value: '' };

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Which form a raw condition has. */
function groupOf(condition: Record<string, unknown>): Group | null {
  if (Array.isArray(condition['all'])) return 'all';
  if (Array.isArray(condition['any'])) return 'any';
  return null;
}

/** A one-line text cell that commits on blur and Enter. */
function CommitInput(props: {
  id: string;
  value: string;
  onCommit(text: string): void;
  list?: string;
  placeholder?: string;
}): ReactElement {
  const [text, setText] = useDraft(props.value);
  const commit = (): void => {
    if (text !== props.value) props.onCommit(text);
  };
  return (
    <input
      id={props.id}
      type="text"
      className="prop-input prop-input--mono"
      value={text}
      list={props.list}
      placeholder={props.placeholder}
      spellCheck={false}
      autoComplete="off"
      onChange={(event) => setText(event.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(event) => commitOnEnter(event, commit)}
    />
  );
}

/** `var`, `op` and `value` of one comparison. */
function Comparison({
  condition,
  path,
  onSet,
  variables,
}: Omit<ConditionEditorProps, 'label'> & {
  condition: Record<string, unknown>;
}): ReactElement {
  const id = useId();
  const op = typeof condition['op'] === 'string' ? condition['op'] : '';
  const unary = UNARY_OPS.has(op);
  const setOp = (next: string): void => {
    const changed: Record<string, unknown> = { ...condition, op: next };
    if (UNARY_OPS.has(next)) delete changed['value'];
    else changed['value'] = parseConditionValue(conditionValueText(condition['value']), next);
    onSet(path, changed);
  };
  return (
    <div className="prop-condition__comparison">
      <div className="prop-condition__cell" data-path={[...path, 'var'].join('/')}>
        <label htmlFor={`${id}-var`}>var</label>
        <CommitInput
          id={`${id}-var`}
          value={conditionValueText(condition['var'])}
          list={`${id}-variables`}
          placeholder="variable"
          onCommit={(text) => onSet([...path, 'var'], text)}
        />
        <datalist id={`${id}-variables`}>
          {variables.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </div>
      <div className="prop-condition__cell" data-path={[...path, 'op'].join('/')}>
        <label htmlFor={`${id}-op`}>op</label>
        <select
          id={`${id}-op`}
          className="prop-input"
          value={op}
          onChange={(event) => setOp(event.currentTarget.value)}
        >
          {!CONDITION_OPS.includes(op) && <option value={op}>{op || '(choose)'}</option>}
          {CONDITION_OPS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {!unary && (
        <div className="prop-condition__cell" data-path={[...path, 'value'].join('/')}>
          <label htmlFor={`${id}-value`}>value</label>
          <CommitInput
            id={`${id}-value`}
            value={conditionValueText(condition['value'])}
            onCommit={(text) => onSet([...path, 'value'], parseConditionValue(text, op))}
          />
        </div>
      )}
    </div>
  );
}

/** One condition of any form, with the select that switches between forms. */
export function ConditionEditor({
  condition,
  path,
  onSet,
  variables,
  label,
}: ConditionEditorProps): ReactElement {
  const id = useId();
  const raw = record(condition);
  const group = groupOf(raw);
  const children: unknown[] = group ? (raw[group] as unknown[]) : [];

  const switchTo = (form: string): void => {
    if (form === (group ?? 'comparison')) return;
    if (form === 'all' || form === 'any') {
      onSet(path, { [form]: group ? children : [condition ?? EMPTY_CONDITION] });
      return;
    }
    // Back to one comparison: the group's first, when it is one.
    const first = record(children[0]);
    onSet(path, groupOf(first) === null && 'op' in first ? first : EMPTY_CONDITION);
  };

  return (
    <div
      className={group ? 'prop-condition prop-condition--group' : 'prop-condition'}
      data-path={path.join('/')}
    >
      <div className="prop-condition__kind">
        <label htmlFor={`${id}-kind`}>{label}</label>
        <select
          id={`${id}-kind`}
          className="prop-input"
          value={group ?? 'comparison'}
          onChange={(event) => switchTo(event.currentTarget.value)}
        >
          <option value="comparison">comparison</option>
          <option value="all">all of</option>
          <option value="any">any of</option>
        </select>
      </div>
      {group === null ? (
        <Comparison condition={raw} path={path} onSet={onSet} variables={variables} />
      ) : (
        <>
          <ol className="prop-condition__list">
            {children.map((child, index) => (
              <li
                key={index}
                className="prop-condition__item"
                role="group"
                aria-label={`condition ${index + 1}`}
              >
                <ConditionEditor
                  condition={child}
                  path={[...path, group, index]}
                  onSet={onSet}
                  variables={variables}
                  label="condition"
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove condition ${index + 1}`}
                  title={`Remove condition ${index + 1}`}
                  // A group needs one condition at least (the schema's minItems).
                  disabled={children.length <= 1}
                  onClick={() =>
                    onSet(
                      [...path, group],
                      children.filter((_, at) => at !== index),
                    )
                  }
                >
                  <CloseIcon size={14} />
                </button>
              </li>
            ))}
          </ol>
          <div className="prop-condition__actions">
            <button
              type="button"
              className="button button--small"
              onClick={() => onSet([...path, group], [...children, EMPTY_CONDITION])}
            >
              <PlusIcon size={14} />
              Add condition
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => onSet([...path, group], [...children, { all: [EMPTY_CONDITION] }])}
            >
              <PlusIcon size={14} />
              Add group
            </button>
          </div>
        </>
      )}
    </div>
  );
}
