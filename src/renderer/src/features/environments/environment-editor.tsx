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
import { draftOf, draftSignature, formOf } from './environment-draft.ts';
import { EnvSection } from './env-section.tsx';
import { KeyValueTable } from './key-value-table.tsx';
import { LimitsSection } from './limits-section.tsx';
import { ProblemList } from './problem-list.tsx';
import { ProxySection } from './proxy-section.tsx';
import { SecretsEditor } from './secrets-editor.tsx';
import { TlsSection } from './tls-section.tsx';

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

        <EnvSection title="Variables">
          <KeyValueTable
            noun="variable"
            rows={draft.variables}
            onChange={(variables) => set({ variables })}
            namePlaceholder="crm_base"
            valuePlaceholder="https://crm.example.com"
            empty="No variables: calls use the flow's own."
          />
        </EnvSection>

        <EnvSection title="Secrets">
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
        </EnvSection>

        <EnvSection title="Headers">
          <KeyValueTable
            noun="header"
            rows={draft.headers}
            onChange={(headers) => set({ headers })}
            namePlaceholder="Authorization"
            valuePlaceholder="Bearer ${secret.crm_token}"
            empty="No headers: each webhook sends only its node's own."
          />
        </EnvSection>

        <TlsSection
          id={id}
          environmentId={environment.id}
          tls={draft.tls}
          typedPaths={typedPaths}
          onChange={setTls}
        />

        <ProxySection id={id} proxy={draft.proxy} onChange={(proxy) => set({ proxy })} />

        <LimitsSection id={id} limits={draft.limits} onChange={(limits) => set({ limits })} />
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
