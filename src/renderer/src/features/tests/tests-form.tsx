/**
 * The Tests screen's form: a test file (the samples, saved tests and the workspace's `tests/`),
 * an environment (the phone's picker's list), and Run.
 */
import { useId } from 'react';
import type { FormEvent, ReactElement } from 'react';
import type { Environment, TestFileEntry } from '../../../../shared/contract.ts';
import { environmentOptions } from '../softphone/setup-options.tsx';

/** Props of {@link TestsForm}. */
export interface TestsFormProps {
  files: TestFileEntry[];
  /** Null while `tests.list` has not answered. */
  loading: boolean;
  environments: Environment[];
  /** The open workspace's folder: its `tests/` files are listed apart. */
  workspaceRoot: string | null;
  path: string;
  environmentId: string;
  running: boolean;
  onChange(patch: { path?: string; environmentId?: string }): void;
  onRun(): void;
}

/** The file's name without its folder. */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** The option text of a test file: its name, its flow, its cases. */
function fileLabel(file: TestFileEntry): string {
  const cases = `${file.cases.length} case${file.cases.length === 1 ? '' : 's'}`;
  return `${baseName(file.path)} · ${file.flowName ?? 'no flow'} (${cases})`;
}

/** Picks a test file and an environment; Run runs the file. */
export function TestsForm(props: TestsFormProps): ReactElement {
  const { files, environments, path, environmentId, running } = props;
  const id = useId();
  const picked = files.find((f) => f.path === path);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!running && picked) props.onRun();
  };
  const root = props.workspaceRoot;
  const inWorkspace = (f: TestFileEntry): boolean =>
    root !== null &&
    !f.saved &&
    f.path.startsWith(root) &&
    /^[\\/]/.test(f.path.slice(root.length));
  const groups = [
    { label: 'Workspace tests/', files: files.filter(inWorkspace) },
    { label: 'Saved', files: files.filter((f) => f.saved) },
    { label: 'Samples', files: files.filter((f) => !f.saved && !inWorkspace(f)) },
  ].filter((g) => g.files.length > 0);
  const option = (file: TestFileEntry) => (
    <option
      key={file.path}
      value={file.path}
      title={file.problems.length > 0 ? file.problems.join('\n') : file.path}
      disabled={file.problems.length > 0}
    >
      {fileLabel(file)}
    </option>
  );
  return (
    <form className="tests-form" onSubmit={submit} aria-label="Test run set-up">
      <div className="field">
        <label className="field__label" htmlFor={`${id}-file`}>
          Test file
        </label>
        <select
          id={`${id}-file`}
          value={path}
          disabled={running}
          onChange={(e) => props.onChange({ path: e.target.value })}
        >
          {files.length === 0 && (
            <option value="">{props.loading ? 'Looking for test files…' : 'No test files'}</option>
          )}
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.files.map(option)}
            </optgroup>
          ))}
        </select>
        {picked && (
          <p className="tests-form__path" title={picked.path}>
            {picked.path}
          </p>
        )}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-environment`}>
          Environment
        </label>
        <select
          id={`${id}-environment`}
          value={environmentId}
          disabled={running}
          onChange={(e) => props.onChange({ environmentId: e.target.value })}
        >
          {environmentOptions(environments)}
        </select>
      </div>
      <div className="tests-form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={running || !picked || picked.problems.length > 0}
        >
          {running ? 'Running…' : 'Run'}
        </button>
      </div>
    </form>
  );
}
