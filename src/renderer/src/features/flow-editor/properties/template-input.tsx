/**
 * A template field (`say`, `url`, `body`, a header's value…): typing `${` opens a list of the
 * variables known at this node, filtered by what follows (the ARIA combobox pattern: Up/Down to
 * move, Enter or Tab to insert `name}`, Escape to close); references no known variable defines are
 * listed under the field as they are typed, and mark it invalid. Commits on blur and on Enter
 * (Shift+Enter is a new line in the text areas of `say` and `body`).
 */
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, ReactElement } from 'react';
import type { Completion } from './template-completion.ts';
import {
  acceptCompletion,
  completionAt,
  filterVariables,
  referenceMessages,
} from './template-completion.ts';
import { commitOnEnter, useDraft } from './use-draft.ts';

/** At most this many suggestions: the list is for picking, not for browsing. */
const MAX_OPTIONS = 50;

/** Props of {@link TemplateInput}. */
export interface TemplateInputProps {
  id: string;
  /** The value in the node (the field's draft follows it when it changes from outside). */
  value: string;
  /** Variable paths known at this node. */
  variables: readonly string[];
  onCommit(value: string): void;
  /** A text area (`say`, `body`) rather than a one-line input. */
  multiline?: boolean;
  /** Ids of the help and problems under the field. */
  describedBy?: string;
  /** The field has problems of its own (from validation). */
  invalid?: boolean;
  /** Accessible name, when no <label> points at `id` (map values). */
  ariaLabel?: string;
  placeholder?: string;
}

type Field = HTMLInputElement | HTMLTextAreaElement;

/** The field, its completion list and its unknown references. */
export function TemplateInput(props: TemplateInputProps): ReactElement {
  const { id, value, variables, onCommit, multiline = false } = props;
  const listId = useId();
  const messagesId = useId();
  const [text, setText] = useDraft(value);
  const [completion, setCompletion] = useState<Completion | null>(null);
  const [active, setActive] = useState(0);
  const [caretAfter, setCaretAfter] = useState<{ at: number } | null>(null);
  const field = useRef<Field>(null);

  // After an accepted suggestion the controlled value moved the caret to the end: put it back.
  useLayoutEffect(() => {
    if (caretAfter) field.current?.setSelectionRange(caretAfter.at, caretAfter.at);
  }, [caretAfter]);

  const options = completion
    ? filterVariables(variables, completion.query).slice(0, MAX_OPTIONS)
    : [];
  const open = completion !== null && options.length > 0;
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
  const messages = referenceMessages(text, variables);
  const describedBy = [props.describedBy, messages.length > 0 ? messagesId : undefined]
    .filter(Boolean)
    .join(' ');

  const track = (target: Field): void => {
    const caret = target.selectionStart ?? target.value.length;
    const next =
      target.selectionStart === target.selectionEnd ? completionAt(target.value, caret) : null;
    if (next?.start !== completion?.start || next?.query !== completion?.query) setActive(0);
    setCompletion(next);
  };

  const accept = (name: string): void => {
    if (!completion) return;
    const done = acceptCompletion(text, completion, name);
    setText(done.text);
    setCompletion(null);
    setCaretAfter({ at: done.caret });
  };

  const commit = (): void => {
    setCompletion(null);
    if (text !== value) onCommit(text);
  };

  const onKeyDown = (event: KeyboardEvent<Field>): void => {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((activeIndex + step + options.length) % options.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        accept(options[activeIndex] ?? '');
        return;
      }
      if (event.key === 'Escape') {
        // Closes the list only: the panel must not take this Escape too.
        event.preventDefault();
        event.stopPropagation();
        setCompletion(null);
        return;
      }
    }
    commitOnEnter(event, commit);
  };

  const shared = {
    id,
    ref: (element: Field | null) => {
      field.current = element;
    },
    value: text,
    role: 'combobox',
    'aria-autocomplete': 'list' as const,
    'aria-expanded': open,
    'aria-controls': listId,
    'aria-activedescendant': open ? `${listId}-${activeIndex}` : undefined,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': props.invalid || messages.length > 0 ? true : undefined,
    'aria-label': props.ariaLabel,
    placeholder: props.placeholder,
    className: 'prop-input prop-input--mono',
    spellCheck: false,
    autoComplete: 'off',
    onChange: (event: { currentTarget: Field }) => {
      setText(event.currentTarget.value);
      track(event.currentTarget);
    },
    onSelect: (event: { currentTarget: Field }) => track(event.currentTarget),
    onKeyDown,
    onBlur: commit,
  };

  return (
    <div className="prop-template">
      <div className="prop-template__box">
        {multiline ? (
          <textarea {...shared} rows={Math.min(8, Math.max(2, text.split('\n').length))} />
        ) : (
          <input {...shared} type="text" />
        )}
        <ul
          id={listId}
          role="listbox"
          className="prop-listbox"
          hidden={!open}
          aria-label="Variables"
        >
          {open &&
            options.map((name, index) => (
              <li
                key={name}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                className={
                  index === activeIndex ? 'prop-listbox__option is-active' : 'prop-listbox__option'
                }
                // Keeps the focus in the field: a click must not blur (and commit) it first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => accept(name)}
              >
                {name}
              </li>
            ))}
        </ul>
      </div>
      {messages.length > 0 && (
        <ul className="prop-field__problems prop-field__problems--warning" id={messagesId}>
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
