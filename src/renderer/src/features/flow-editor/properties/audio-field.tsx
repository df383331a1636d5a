/**
 * The `audio` field: the recording's path (relative to the flow file) typed, or chosen from the
 * workspace's recordings in a small list ("Other file…" opens the system's picker where there is
 * one), and played with "Play recording".
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactElement } from 'react';
import { PlayIcon } from '../../../ui/icons.tsx';
import { commitOnEnter, useDraft } from './use-draft.ts';

/** Where the form gets recordings from (the editor shell provides it). */
export interface PromptSource {
  /** The recordings the flow can use (paths relative to the flow file). */
  list(): Promise<string[]>;
  play(audio: string): void;
  /** Any file, through the system's picker; null when the user cancels. */
  pick?(): Promise<string | null>;
}

/** Props of {@link AudioField}. */
export interface AudioFieldProps {
  id: string;
  value: unknown;
  /** Sets `audio`; undefined removes it. */
  onSet(value: string | undefined): void;
  describedBy?: string;
  invalid: boolean;
  prompts?: PromptSource;
}

const OTHER = '\u0000other';

type Listing =
  { state: 'loading' } | { state: 'ready'; files: string[] } | { state: 'failed'; message: string };

/** The field with its Choose and Play buttons. */
export function AudioField({
  id,
  value,
  onSet,
  describedBy,
  invalid,
  prompts,
}: AudioFieldProps): ReactElement {
  const current =
    typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  const [text, setText] = useDraft(current);
  const [listing, setListing] = useState<Listing | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const list = useRef<HTMLUListElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const entries =
    listing?.state === 'ready' ? [...listing.files, ...(prompts?.pick ? [OTHER] : [])] : [];
  const open = listing !== null;

  useEffect(() => {
    if (listing?.state === 'ready') list.current?.focus();
  }, [listing]);

  const commit = (next: string): void => {
    if (next !== current) onSet(next === '' ? undefined : next);
  };

  const choose = (): void => {
    if (!prompts) return;
    setActive(0);
    setListing({ state: 'loading' });
    prompts.list().then(
      (files) => setListing({ state: 'ready', files }),
      (reason: unknown) =>
        setListing({
          state: 'failed',
          message: reason instanceof Error ? reason.message : String(reason),
        }),
    );
  };

  const close = (): void => {
    setListing(null);
    button.current?.focus();
  };

  const take = (entry: string | undefined): void => {
    if (entry === undefined) return;
    close();
    if (entry !== OTHER) {
      setText(entry);
      commit(entry);
      return;
    }
    prompts?.pick?.().then(
      (picked) => {
        if (picked === null) return;
        setText(picked);
        commit(picked);
      },
      (reason: unknown) =>
        setListing({
          state: 'failed',
          message: reason instanceof Error ? reason.message : String(reason),
        }),
    );
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + entries.length) % Math.max(entries.length, 1));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      take(entries[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  return (
    <div className="prop-audio">
      <div className="prop-audio__row">
        <input
          id={id}
          type="text"
          className="prop-input prop-input--mono"
          value={text}
          placeholder="prompts/welcome.wav"
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => setText(event.currentTarget.value)}
          onBlur={() => commit(text)}
          onKeyDown={(event) => commitOnEnter(event, () => commit(text))}
        />
        {prompts && (
          <button
            ref={button}
            type="button"
            className="button button--small"
            aria-haspopup="listbox"
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            onClick={() => (open ? close() : choose())}
          >
            Choose recording
          </button>
        )}
        {prompts && (
          <button
            type="button"
            className="icon-button"
            aria-label="Play recording"
            title="Play recording"
            disabled={current === ''}
            onClick={() => prompts.play(current)}
          >
            <PlayIcon size={14} />
          </button>
        )}
      </div>
      {listing?.state === 'loading' && <p className="field__help">Looking for recordings…</p>}
      {listing?.state === 'failed' && (
        <p className="prop-field__error" role="alert">
          {listing.message}
        </p>
      )}
      {listing?.state === 'ready' && (
        <div className="prop-popover">
          {entries.length === 0 ? (
            <p className="field__help">No recordings in the workspace&rsquo;s prompts/ folder.</p>
          ) : (
            <ul
              ref={list}
              id={listId}
              role="listbox"
              tabIndex={0}
              aria-label="Recordings"
              aria-activedescendant={`${listId}-${active}`}
              className="prop-listbox prop-listbox--static"
              onKeyDown={onListKey}
              onBlur={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget)) setListing(null);
              }}
            >
              {entries.map((entry, index) => (
                <li
                  key={entry}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={
                    index === active ? 'prop-listbox__option is-active' : 'prop-listbox__option'
                  }
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => take(entry)}
                >
                  {entry === OTHER ? 'Other file…' : entry}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
