/**
 * The one-value controls of the properties form: text (and variable names), integers, booleans,
 * enums and node references. Text and numbers commit on blur and on Enter (each commit is one undo
 * step), selects and checkboxes on change; an empty optional field is removed from the node.
 */
import { useState } from 'react';
import type { ReactElement } from 'react';
import type { FieldSpec } from './node-fields.ts';
import { commitOnEnter, useDraft } from './use-draft.ts';

/** What every single-value control gets from the form. */
export interface ControlProps {
  id: string;
  spec: FieldSpec;
  /** The raw value in the node (any JSON, the file may be invalid). */
  value: unknown;
  /** Sets the field; undefined removes it. */
  onSet(value: unknown): void;
  describedBy?: string;
  invalid: boolean;
}

/** A raw value as text for an input: strings as they are, anything else as JSON. */
export function valueText(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A one-line text field (`description`, `dataset`, `variable`, `currency`). */
export function TextControl({
  id,
  spec,
  value,
  onSet,
  describedBy,
  invalid,
}: ControlProps): ReactElement {
  const current = valueText(value);
  const [text, setText] = useDraft(current);
  const mono = spec.kind === 'variableName' || spec.pattern !== undefined;
  const commit = (): void => {
    // Required fields keep "" (the validator says it is missing); optional ones go away.
    if (text !== current) onSet(text === '' && !spec.required ? undefined : text);
  };
  return (
    <input
      id={id}
      type="text"
      className={mono ? 'prop-input prop-input--mono' : 'prop-input'}
      value={text}
      pattern={spec.pattern}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      aria-required={spec.required || undefined}
      spellCheck={!mono}
      autoComplete="off"
      onChange={(event) => setText(event.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(event) => commitOnEnter(event, commit)}
    />
  );
}

/** A whole-number field: a number input; a fraction or text is refused with a message. */
export function IntegerControl({
  id,
  spec,
  value,
  onSet,
  describedBy,
  invalid,
}: ControlProps): ReactElement {
  const current = valueText(value);
  const [text, setText] = useDraft(current);
  const [error, setError] = useState<string | null>(null);
  const commit = (): void => {
    setError(null);
    if (text === current) return;
    if (text.trim() === '') {
      if (!spec.required) onSet(undefined);
      else setError(`${spec.name} is required.`);
      return;
    }
    const number = Number(text);
    if (!Number.isInteger(number)) {
      setError(`${spec.name} must be a whole number, not "${text}".`);
      return;
    }
    onSet(number);
  };
  const errorId = `${id}-error`;
  return (
    <>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        step={1}
        min={spec.min}
        max={spec.max}
        className="prop-input prop-input--number"
        value={text}
        placeholder={spec.default === undefined ? undefined : String(spec.default)}
        aria-describedby={
          [describedBy, error ? errorId : undefined].filter(Boolean).join(' ') || undefined
        }
        aria-invalid={invalid || error !== null || undefined}
        onChange={(event) => setText(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => commitOnEnter(event, commit)}
      />
      {error && (
        <p className="prop-field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** A checkbox; unchecking an optional field whose default is false removes it. */
export function BooleanControl({
  id,
  spec,
  value,
  onSet,
  describedBy,
  invalid,
}: ControlProps): ReactElement {
  const checked = value === undefined ? spec.default === true : value === true;
  return (
    <input
      id={id}
      type="checkbox"
      className="prop-check"
      checked={checked}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      onChange={(event) => {
        const on = event.currentTarget.checked;
        onSet(!on && !spec.required && spec.default === false ? undefined : on);
      }}
    />
  );
}

/**
 * The options of a select: first the empty entry of an optional field (or `(choose)` for a
 * required one not set) and the current value when the list lacks it (marked `missing`), then
 * the known values.
 */
function selectOptions(
  spec: FieldSpec,
  current: string,
  known: readonly string[],
  missing: string,
): ReactElement[] {
  const extra: { value: string; label: string }[] = [];
  if (!spec.required) {
    const fallback = spec.default === undefined ? '(none)' : `(default ${valueText(spec.default)})`;
    extra.push({ value: '', label: fallback });
  } else if (current === '') {
    extra.push({ value: '', label: '(choose)' });
  }
  if (current !== '' && !known.includes(current)) {
    extra.push({ value: current, label: `${current} ${missing}` });
  }
  return [
    ...extra.map((option) => (
      <option key={`extra-${option.value}`} value={option.value}>
        {option.label}
      </option>
    )),
    ...known.map((option) => (
      <option key={option} value={option}>
        {option}
      </option>
    )),
  ];
}

/** A select of the schema's values (`method`, `contentType`, `sayAs`, `terminator`). */
export function EnumControl({
  id,
  spec,
  value,
  onSet,
  describedBy,
  invalid,
}: ControlProps): ReactElement {
  const current = valueText(value);
  const values = spec.enum ?? [];
  return (
    <select
      id={id}
      className="prop-input"
      value={current}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      aria-required={spec.required || undefined}
      onChange={(event) =>
        onSet(event.currentTarget.value === '' ? undefined : event.currentTarget.value)
      }
    >
      {selectOptions(spec, current, values, '(not allowed)')}
    </select>
  );
}

/** Props of {@link NodeRefSelect}. */
export interface NodeRefSelectProps extends ControlProps {
  nodeIds: readonly string[];
  /** Accessible name when no <label> points at `id` (a case's `next`, a menu option's target). */
  ariaLabel?: string;
}

/** A select of the flow's node ids; a reference to a missing node is kept and marked. */
export function NodeRefSelect(props: NodeRefSelectProps): ReactElement {
  const { id, spec, value, onSet, describedBy, invalid, nodeIds } = props;
  const current = valueText(value);
  return (
    <select
      id={id}
      className="prop-input prop-input--mono"
      value={current}
      aria-label={props.ariaLabel}
      aria-describedby={describedBy}
      aria-invalid={invalid || (current !== '' && !nodeIds.includes(current)) || undefined}
      aria-required={spec.required || undefined}
      onChange={(event) => {
        const picked = event.currentTarget.value;
        onSet(picked === '' && !spec.required ? undefined : picked);
      }}
    >
      {selectOptions(spec, current, nodeIds, '(missing)')}
    </select>
  );
}
