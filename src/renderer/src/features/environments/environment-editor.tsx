/**
 * One workspace environment, edited: its file's problems first, then name, variables, secrets,
 * headers, TLS, proxy and limits. Save writes the file through `environments.save` (main keeps
 * its comments and key order) and shows the problems the saved file has.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, ReactElement, ReactNode } from 'react';
import type { Environment, EnvironmentDetail } from '../../../../shared/contract.ts';
import { call } from '../../api/ivr-api.ts';
import type { EnvironmentDraft } from './environment-draft.ts';
import { draftOf, draftSignature, formOf, LIMIT_DEFAULTS, LIMITS } from './environment-draft.ts';
import { KeyValueTable } from './key-value-table.tsx';
import { ProblemList } from './problem-list.tsx';
import { SecretsEditor } from './secrets-editor.tsx';

/** Props of {@link EnvironmentEditor}. */
export interface EnvironmentEditorProps {
  detail: EnvironmentDetail;
  /** Where paths are typed (browser mode): no Choose… buttons. */
  typedPaths: boolean;
  /** The environment changed (saved, or a secret value set): as it is now. */
  onSaved(detail: EnvironmentDetail): void;
  onSecretChange(environment: Environment): void;
  /** Buttons for the header (Use on the phone). */
  actions?: ReactNode;
}

type TlsFile = 'ca' | 'cert' | 'key';
const TLS_FILES: readonly { name: TlsFile; label: string; placeholder: string }[] = [
  { name: 'ca', label: 'CA certificates', placeholder: '../certs/ca.pem' },
  { name: 'cert', label: 'Client certificate', placeholder: '../certs/client.pem' },
  { name: 'key', label: 'Client key', placeholder: '../certs/client-key.pem' },
];

function Section({ title, children }: { title: string; children: ReactNode }): ReactElement {
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

/**
 * Unsaved edits by environment id, with the file text they started from: picking another
 * environment or screen unmounts the editor, and what the user typed must not go with it. A draft
 * is taken back only while its file is unchanged; the page keeps them until it is reloaded.
 */
const unsaved = new Map<string, { text: string; draft: EnvironmentDraft }>();

/** The editor; give it a `key` per environment. */
export function EnvironmentEditor({
  detail,
  typedPaths,
  onSaved,
  onSecretChange,
  actions,
}: EnvironmentEditorProps): ReactElement {
  const id = useId();
  const environment = detail.environment;
  const [base, setBase] = useState(detail);
  const [draft, setDraft] = useState<EnvironmentDraft>(() => {
    const kept = unsaved.get(detail.environment.id);
    return kept && kept.text === detail.text ? kept.draft : draftOf(detail.form);
  });
  const [savedSignature, setSavedSignature] = useState(() => draftSignature(draftOf(detail.form)));
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [savedOnce, setSavedOnce] = useState(false);
  const [pickError, setPickError] = useState<string | null>(null);
  const dirty = draftSignature(draft) !== savedSignature;
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (dirty) unsaved.set(environment.id, { text: base.text, draft });
    else unsaved.delete(environment.id);
  }, [dirty, draft, base.text, environment.id]);

  // The file read again (changed on disk, or a secret set): taken in unless the user is editing.
  if (detail !== base) {
    setBase(detail);
    if (!dirty) {
      const next = draftOf(detail.form);
      setDraft(next);
      setSavedSignature(draftSignature(next));
    }
  }

  const set = (patch: Partial<EnvironmentDraft>) =>
    setDraft((current) => ({ ...current, ...patch }));
  const setTls = (patch: Partial<EnvironmentDraft['tls']>) =>
    setDraft((current) => ({ ...current, tls: { ...current.tls, ...patch } }));

  const save = (event: FormEvent): void => {
    event.preventDefault();
    const result = formOf(draft, detail.form);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors([]);
    setSaving(true);
    call('environments.save', { id: environment.id, form: result.form }).then(
      (saved) => {
        setSaving(false);
        setSavedOnce(true);
        const next = draftOf(saved.form);
        setBase(saved);
        setDraft(next);
        setSavedSignature(draftSignature(next));
        onSaved(saved);
        // The saved file's problems are listed at the top: bring them into view.
        if (saved.environment.problems.length > 0) body.current?.scrollTo({ top: 0 });
      },
      (reason: Error) => {
        setSaving(false);
        setErrors([reason.message]);
      },
    );
  };

  const discard = (): void => {
    const next = draftOf(detail.form);
    setDraft(next);
    setSavedSignature(draftSignature(next));
    setErrors([]);
  };

  const choose = (purpose: TlsFile): void => {
    setPickError(null);
    call('environments.pickFile', { id: environment.id, purpose }).then(
      (path) => {
        if (path !== null) setTls({ [purpose]: path });
      },
      (reason: Error) => setPickError(reason.message),
    );
  };

  return (
    <form className="env-editor" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <header className="env-editor__header">
        <div className="env-editor__heading">
          <h2 id={`${id}-title`}>{environment.name}</h2>
          {environment.file && <code className="env-editor__file">{environment.file}</code>}
        </div>
        {actions}
      </header>
      <div className="env-editor__body" ref={body}>
        {environment.problems.length > 0 && (
          <ProblemList
            title={`${environment.problems.length === 1 ? 'A problem' : `${environment.problems.length} problems`} in this file: calls cannot use it until fixed`}
            problems={environment.problems}
          />
        )}

        <div className="field env-editor__name">
          <label className="field__label" htmlFor={`${id}-name`}>
            Name
          </label>
          <input
            id={`${id}-name`}
            type="text"
            value={draft.name}
            maxLength={200}
            onChange={(e) => set({ name: e.target.value })}
            autoComplete="off"
          />
        </div>

        <Section title="Variables">
          <KeyValueTable
            noun="variable"
            rows={draft.variables}
            onChange={(variables) => set({ variables })}
            namePlaceholder="crm_base"
            valuePlaceholder="https://crm.example.com"
            empty="No variables: calls use the flow's own."
          />
        </Section>

        <Section title="Secrets">
          <SecretsEditor
            environmentId={environment.id}
            declared={draft.secrets}
            saved={environment.secrets}
            onDeclaredChange={(secrets) => set({ secrets })}
            onValueChange={onSecretChange}
            unreadable={environment.problems.length > 0}
            storage={
              typedPaths
                ? 'in memory by this console until it stops'
                : "on this computer, encrypted with the system's key store"
            }
          />
        </Section>

        <Section title="Headers">
          <KeyValueTable
            noun="header"
            rows={draft.headers}
            onChange={(headers) => set({ headers })}
            namePlaceholder="Authorization"
            valuePlaceholder="Bearer ${secret.crm_token}"
            empty="No headers: each webhook sends only its node's own."
          />
        </Section>

        <Section title="TLS">
          <p className="field__help">Paths relative to the environment file.</p>
          <div className="env-tls">
            {TLS_FILES.map(({ name, label, placeholder }) => (
              <div className="field env-tls__file" key={name}>
                <label className="field__label" htmlFor={`${id}-tls-${name}`}>
                  {label}
                </label>
                <div className="env-tls__row">
                  {name === 'ca' && draft.tls.ca.includes('\n') ? (
                    <textarea
                      id={`${id}-tls-${name}`}
                      value={draft.tls.ca}
                      rows={draft.tls.ca.split('\n').length}
                      onChange={(e) => setTls({ ca: e.target.value })}
                      spellCheck={false}
                    />
                  ) : (
                    <input
                      id={`${id}-tls-${name}`}
                      type="text"
                      value={draft.tls[name]}
                      placeholder={placeholder}
                      onChange={(e) => setTls({ [name]: e.target.value })}
                      autoComplete="off"
                      spellCheck={false}
                    />
                  )}
                  {!typedPaths && (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => choose(name)}
                    >
                      Choose…<span className="visually-hidden"> {label}</span>
                    </button>
                  )}
                </div>
              </div>
            ))}
          </div>
          {pickError && (
            <p className="note note--error" role="alert">
              {pickError}
            </p>
          )}
          <label className="check">
            <input
              type="checkbox"
              checked={draft.tls.insecure}
              onChange={(e) => setTls({ insecure: e.target.checked })}
            />
            Accept any certificate (insecure)
          </label>
          {draft.tls.insecure && (
            <p className="note note--warning" role="note">
              Certificates are not checked: anyone between the console and the CRM can read and
              change the requests, secrets included. Every exchange says so. For a test server only.
            </p>
          )}
        </Section>

        <Section title="Proxy">
          <div className="field env-editor__proxy">
            <label className="field__label" htmlFor={`${id}-proxy`}>
              Proxy URL
            </label>
            <input
              id={`${id}-proxy`}
              type="text"
              value={draft.proxy}
              placeholder="http://proxy.example.com:3128"
              onChange={(e) => set({ proxy: e.target.value })}
              aria-describedby={`${id}-proxy-help`}
              autoComplete="off"
              spellCheck={false}
            />
            <p className="field__help" id={`${id}-proxy-help`}>
              Empty: the <code>HTTPS_PROXY</code>, <code>HTTP_PROXY</code> and <code>NO_PROXY</code>{' '}
              of the console&rsquo;s environment apply.
            </p>
          </div>
        </Section>

        <Section title="Limits">
          <p className="field__help">Empty: the platform&rsquo;s own limit (shown greyed).</p>
          <div className="env-limits">
            {LIMITS.map(({ name, label }) => (
              <div className="field" key={name}>
                <label className="field__label" htmlFor={`${id}-limit-${name}`}>
                  {label}
                </label>
                <input
                  id={`${id}-limit-${name}`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  step={1}
                  value={draft.limits[name]}
                  placeholder={String(LIMIT_DEFAULTS[name])}
                  onChange={(e) => set({ limits: { ...draft.limits, [name]: e.target.value } })}
                />
              </div>
            ))}
          </div>
        </Section>
      </div>

      <footer className="env-editor__footer">
        {errors.length > 0 ? (
          <ul className="env-editor__errors" role="alert">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        ) : (
          <p className="muted env-editor__state" role="status">
            {saving
              ? 'Saving…'
              : dirty
                ? 'Unsaved changes'
                : savedOnce
                  ? environment.problems.length > 0
                    ? `Saved, with ${environment.problems.length} problem${environment.problems.length === 1 ? '' : 's'} (listed at the top)`
                    : 'Saved'
                  : ''}
          </p>
        )}
        <button type="button" className="button" disabled={!dirty || saving} onClick={discard}>
          Discard changes
        </button>
        <button type="submit" className="button button--primary" disabled={!dirty || saving}>
          Save
        </button>
      </footer>
    </form>
  );
}
