/**
 * The Environments screen: every environment a call can use, on the left (the built-in ones,
 * read-only, and the open workspace's files), the picked one on the right: shown for a built-in
 * one, edited for a workspace one (environment-editor.tsx). New environments are written into the
 * workspace's `environments/` folder.
 */
import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import type {
  Environment,
  EnvironmentDetail,
  WorkspaceState,
} from '../../../../shared/contract.ts';
import { call } from '../../api/ivr-api.ts';
import { PlusIcon } from '../../ui/icons.tsx';
import { baseName } from '../workspace/base-name.ts';
import { draftOf } from './environment-draft.ts';
import { EnvironmentEditor } from './environment-editor.tsx';
import { KeyValueTable } from './key-value-table.tsx';
import { NewEnvironmentDialog } from './new-environment-dialog.tsx';
import './environments.css';
import './environment-editor.css';
import './key-value-table.css';
import './secrets-editor.css';
import { missingSecretNames } from './environment-status.ts';

/** Props of {@link EnvironmentsScreen}. */
export interface EnvironmentsScreenProps {
  environments: Environment[];
  workspace: WorkspaceState | null;
  typedPaths: boolean;
  /** The environment to show first (the one picked on the phone). */
  initialId: string;
  /** Something changed: read the environment list again. */
  onChanged(): Promise<void>;
  onOpenFolder(): void;
  /** Picks the environment on the phone and goes there. */
  onUse(id: string): void;
}

/** The list's line of facts about an environment. */
function EnvironmentBadges({ environment }: { environment: Environment }): ReactElement {
  const problems = environment.problems.length;
  const missing = missingSecretNames(environment).length;
  return (
    <span className="env-list__badges">
      {problems > 0 && (
        <span className="badge badge--error">
          {problems} problem{problems === 1 ? '' : 's'}
        </span>
      )}
      {problems === 0 && missing > 0 && (
        <span className="badge badge--warning">
          {missing} secret{missing === 1 ? '' : 's'} missing
        </span>
      )}
    </span>
  );
}

/** Lists environments; the picked one is shown or edited, or used on the phone; makes new ones. */
export function EnvironmentsScreen({
  environments,
  workspace,
  typedPaths,
  initialId,
  onChanged,
  onOpenFolder,
  onUse,
}: EnvironmentsScreenProps): ReactElement {
  const [selectedId, setSelectedId] = useState(initialId);
  const [detail, setDetail] = useState<EnvironmentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const selected = environments.find((e) => e.id === selectedId) ?? environments[0] ?? null;
  const shownId = selected?.id ?? null;
  // Stands for the entry's content: a new object with the same content reads nothing again.
  const selectedKey = selected ? JSON.stringify(selected) : '';

  // The picked environment read fresh, and again whenever its entry in the list changes (the
  // file edited on disk, a secret set).
  useEffect(() => {
    if (!shownId) return undefined;
    let alive = true;
    call('environments.get', { id: shownId }).then(
      (loaded) => {
        if (!alive) return;
        setDetail(loaded);
        setError(null);
      },
      (reason: Error) => alive && setError(reason.message),
    );
    return () => {
      alive = false;
    };
  }, [shownId, selectedKey]);

  const builtIn = environments.filter((e) => e.kind !== 'workspace');
  const own = environments.filter((e) => e.kind === 'workspace');
  const shown = detail && selected && detail.environment.id === selected.id ? detail : null;

  const item = (environment: Environment) => {
    const current = environment.id === selected?.id;
    return (
      <li key={environment.id}>
        <button
          type="button"
          className={`env-list__item${current ? ' is-current' : ''}`}
          aria-current={current ? 'true' : undefined}
          onClick={() => setSelectedId(environment.id)}
        >
          <span className="env-list__name">{environment.name}</span>
          <span className="env-list__meta">
            {environment.file ? baseName(environment.file) : 'built in'}
          </span>
          <EnvironmentBadges environment={environment} />
        </button>
      </li>
    );
  };

  const useButton = selected && (
    <button
      type="button"
      className="button"
      disabled={selected.problems.length > 0}
      onClick={() => onUse(selected.id)}
    >
      Use on the phone
    </button>
  );

  return (
    <div className="environments" data-testid="environments-screen">
      <section className="panel environments__list" aria-labelledby="environments-title">
        <h2 className="panel__title" id="environments-title">
          Environments
        </h2>
        <div className="environments__scroll">
          <h3 className="env-list__group">Built in</h3>
          <ul className="env-list">{builtIn.map(item)}</ul>
          <h3 className="env-list__group">
            Workspace{workspace?.name ? ` · ${workspace.name}` : ''}
          </h3>
          {own.length > 0 && <ul className="env-list">{own.map(item)}</ul>}
          {!workspace?.root ? (
            <div className="env-list__note">
              <p className="muted">
                Environments of your own live in a workspace folder, one file each under{' '}
                <code>environments/</code>.
              </p>
              <button type="button" className="button button--small" onClick={onOpenFolder}>
                Open a folder…
              </button>
            </div>
          ) : (
            own.length === 0 && (
              <p className="muted env-list__note">
                No file in <code>environments/</code> yet.
              </p>
            )
          )}
        </div>
        {workspace?.root && (
          <div className="environments__footer">
            <button
              type="button"
              className="button button--small"
              onClick={() => setCreating(true)}
            >
              <PlusIcon size={14} />
              New environment…
            </button>
          </div>
        )}
      </section>

      <section className="panel environments__detail" aria-label="Environment">
        {error ? (
          <p className="note note--error environments__error" role="alert">
            {error}
          </p>
        ) : !selected ? (
          <div className="empty">
            <p className="empty__title">No environment</p>
          </div>
        ) : !shown ? (
          <p className="empty">Opening…</p>
        ) : shown.environment.kind === 'workspace' ? (
          <EnvironmentEditor
            key={shown.environment.id}
            detail={shown}
            typedPaths={typedPaths}
            actions={useButton}
            onSaved={(saved) => {
              setDetail(saved);
              void onChanged();
            }}
            onSecretChange={(environment) => {
              setDetail((current) => (current ? { ...current, environment } : current));
              void onChanged();
            }}
          />
        ) : (
          <div className="env-editor">
            <header className="env-editor__header">
              <div className="env-editor__heading">
                <h2>{shown.environment.name}</h2>
                <span className="muted">Built in · read only</span>
              </div>
              {useButton}
            </header>
            <div className="env-editor__body">
              <p>{shown.environment.description}</p>
              <section className="env-section" aria-label="Variables">
                <h3 className="env-section__title">Variables</h3>
                <KeyValueTable
                  noun="variable"
                  rows={draftOf(shown.form).variables}
                  empty="None: calls use the flow file's own variables."
                />
              </section>
              <p className="muted">
                Environments of your own (your CRM, its secrets, certificates and proxy) live in the
                workspace&rsquo;s <code>environments/</code> folder and are edited here.
              </p>
            </div>
          </div>
        )}
      </section>

      {creating && (
        <NewEnvironmentDialog
          onCreate={async (input) => {
            const created = await call('environments.create', input);
            setCreating(false);
            await onChanged();
            setSelectedId(created.environment.id);
            setDetail(created);
          }}
          onClose={() => setCreating(false)}
        />
      )}
    </div>
  );
}
