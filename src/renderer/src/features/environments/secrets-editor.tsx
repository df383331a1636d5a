/**
 * An environment's secrets: the names it declares (saved with the file) and, for each, the value
 * this console holds (never written into the workspace): typed masked, revealed on demand, saved
 * or forgotten at once through `secrets.set`.
 */
import { useId, useState } from 'react';
import type { ReactElement } from 'react';
import type { Environment, SecretStatus } from '../../../../shared/contract.ts';
import { call } from '../../api/ivr-api.ts';
import { CloseIcon, EyeIcon, PlusIcon } from '../../ui/icons.tsx';
import { SECRET_NAME_PATTERN } from './environment-draft.ts';

/** Props of {@link SecretsEditor}. */
export interface SecretsEditorProps {
  environmentId: string;
  /** The names as edited (saved with the environment). */
  declared: readonly string[];
  /** The names the file declares now, and whether each has a value. */
  saved: readonly SecretStatus[];
  onDeclaredChange(names: string[]): void;
  /** A value was saved or forgotten: the environment as it is now. */
  onValueChange(environment: Environment): void;
  /** Where values are kept, in words (this computer's key store, or memory in browser mode). */
  storage: string;
  /** True when the file has problems: main cannot tell which secrets it declares until fixed. */
  unreadable: boolean;
}

interface SecretRowProps {
  environmentId: string;
  name: string;
  status: SecretStatus | null;
  /** Why no value can be stored now (not saved yet, the file has problems), or null. */
  blocked: string | null;
  /** The status badge's word when `status` is null. */
  unknown: string;
  onRemove(): void;
  onValueChange(environment: Environment): void;
}

function SecretRow({
  environmentId,
  name,
  status,
  blocked,
  unknown,
  onRemove,
  onValueChange,
}: SecretRowProps): ReactElement {
  const id = useId();
  const [value, setValue] = useState('');
  const [revealed, setRevealed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const locked = blocked !== null;

  const store = (next: string | null): void => {
    setBusy(true);
    setError(null);
    call('secrets.set', { environmentId, name, value: next }).then(
      (environment) => {
        setBusy(false);
        setValue('');
        setRevealed(false);
        onValueChange(environment);
      },
      (reason: Error) => {
        setBusy(false);
        setError(reason.message);
      },
    );
  };

  return (
    <li className="secret" data-secret={name}>
      <label className="secret__name" htmlFor={`${id}-value`}>
        {name}
      </label>
      <span
        className={`badge ${status?.set ? 'badge--ok' : 'badge--warning'} secret__status`}
        data-testid="secret-status"
      >
        {status === null ? unknown : status.set ? 'set' : 'not set'}
      </span>
      <div className="secret__entry">
        <input
          id={`${id}-value`}
          type={revealed ? 'text' : 'password'}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            // Enter in the value saves the value, not the whole environment.
            if (e.key !== 'Enter') return;
            e.preventDefault();
            if (value && !locked) store(value);
          }}
          placeholder={blocked ?? (status?.set ? 'Type a new value' : 'Value')}
          disabled={locked || busy}
          autoComplete="new-password"
          spellCheck={false}
        />
        <button
          type="button"
          className="button button--small"
          aria-pressed={revealed}
          disabled={locked}
          onClick={() => setRevealed(!revealed)}
        >
          <EyeIcon size={14} />
          {revealed ? 'Hide' : 'Reveal'}
          <span className="visually-hidden"> {name}</span>
        </button>
        <button
          type="button"
          className="button button--small button--primary"
          disabled={locked || busy || value === ''}
          onClick={() => store(value)}
        >
          Save value<span className="visually-hidden"> of {name}</span>
        </button>
        {status?.set && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => store(null)}
          >
            Forget<span className="visually-hidden"> the value of {name}</span>
          </button>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label={`Remove secret ${name}`}
          title="Remove from the environment (on Save)"
          onClick={onRemove}
        >
          <CloseIcon size={14} />
        </button>
      </div>
      {error && (
        <p className="note note--error secret__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** Declares an environment's secrets and sets their values, kept by the console, not the file. */
export function SecretsEditor({
  environmentId,
  declared,
  saved,
  onDeclaredChange,
  onValueChange,
  storage,
  unreadable,
}: SecretsEditorProps): ReactElement {
  const id = useId();
  const [adding, setAdding] = useState('');
  const [addError, setAddError] = useState<string | null>(null);

  const add = (): void => {
    const name = adding.trim();
    if (!SECRET_NAME_PATTERN.test(name)) {
      setAddError('A secret name: a-z, 0-9 and _, not starting with a digit.');
      return;
    }
    if (declared.includes(name)) {
      setAddError(`${name} is declared already.`);
      return;
    }
    setAddError(null);
    setAdding('');
    onDeclaredChange([...declared, name]);
  };

  return (
    <div className="secrets">
      <p className="field__help">
        Values are kept {storage}, never in the workspace. Reference one as{' '}
        <code>{'${secret.name}'}</code> in a header, a URL or a body.
      </p>
      {declared.length === 0 ? (
        <p className="muted">No secret declared.</p>
      ) : (
        <ul className="secrets__list">
          {declared.map((name) => (
            <SecretRow
              key={name}
              environmentId={environmentId}
              name={name}
              status={saved.find((s) => s.name === name) ?? null}
              blocked={
                unreadable
                  ? 'Fix the problems first'
                  : saved.some((s) => s.name === name)
                    ? null
                    : 'Save the environment first'
              }
              unknown={unreadable ? 'unknown' : 'not saved'}
              onRemove={() => onDeclaredChange(declared.filter((n) => n !== name))}
              onValueChange={onValueChange}
            />
          ))}
        </ul>
      )}
      <div className="secrets__add">
        <label className="visually-hidden" htmlFor={`${id}-add`}>
          New secret name
        </label>
        <input
          id={`${id}-add`}
          type="text"
          value={adding}
          placeholder="new_secret_name"
          onChange={(e) => setAdding(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            add();
          }}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="button" className="button button--small" onClick={add}>
          <PlusIcon size={14} />
          Add secret
        </button>
      </div>
      {addError && (
        <p className="note note--error" role="alert">
          {addError}
        </p>
      )}
    </div>
  );
}
