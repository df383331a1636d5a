/**
 * One logged session: what happened (caller, flow, outcome, path, final variables) and what can
 * be done with it: replay on the phone, re-run with diff (recorded replies or live), export as
 * JSON or HAR, save as a test case, delete.
 */
import { useState } from 'react';
import type { ReactElement } from 'react';
import type { SavedMockEnvironment, SavedTestCase } from '../../../../shared/contract.ts';
import type { RerunReport } from '../../../../shared/rerun/rerun-types.ts';
import type { SessionDetail as Session } from '../../../../shared/session-types.ts';
import { call } from '../../api/ivr-api.ts';
import { copyText } from '../../lib/copy-text.ts';
import { downloadFile } from '../../lib/download-file.ts';
import { formatDuration, formatStart } from '../../lib/format-time.ts';
import { RerunDiff } from '../rerun-diff/rerun-diff.tsx';
import { describeOutcome } from './session-outcome.ts';

/** How a re-run answers webhooks. */
type RerunChoice = 'mock' | 'live-demo' | 'live-recorded';

const RERUN_LABELS: Record<RerunChoice, string> = {
  mock: 'Recorded replies (no network)',
  'live-demo': 'Live, built-in demo CRM',
  'live-recorded': 'Live, the CRM the call used',
};

/** Props of {@link SessionDetail}. */
export interface SessionDetailProps {
  session: Session;
  onReplay(session: Session): void;
  onDelete(session: Session): void;
  onOpenSession(id: string): void;
}

/** Shows one logged call and lets the user replay, re-run, export, save as a test or delete it. */
export function SessionDetail({
  session,
  onReplay,
  onDelete,
  onOpenSession,
}: SessionDetailProps): ReactElement {
  const [choice, setChoice] = useState<RerunChoice>('mock');
  const [rerun, setRerun] = useState<
    | { state: 'running' }
    | { state: 'done'; report: RerunReport }
    | { state: 'failed'; message: string }
    | null
  >(null);
  const [saved, setSaved] = useState<SavedTestCase | null>(null);
  const [mocked, setMocked] = useState<SavedMockEnvironment | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const path = session.events.flatMap((e) => (e.type === 'node_entered' ? [e.node] : []));
  const finished = session.status !== 'running';

  const startRerun = (): void => {
    setRerun({ state: 'running' });
    call('sessions.rerun', {
      id: session.id,
      mode: choice === 'mock' ? 'mock' : 'live',
      ...(choice === 'live-demo' ? { environmentId: 'demo' } : {}),
    }).then(
      (report) => setRerun({ state: 'done', report }),
      (error: Error) => setRerun({ state: 'failed', message: error.message }),
    );
  };

  const exportAs = (format: 'json' | 'har'): void => {
    call('sessions.export', { id: session.id, format }).then(
      (file) => {
        downloadFile(file.fileName, file.content, file.mimeType);
        setMessage(`Exported ${file.fileName}`);
      },
      (error: Error) => setMessage(`Export failed: ${error.message}`),
    );
  };

  const mockFromCall = (): void => {
    call('sessions.mockFromCall', { id: session.id }).then(
      (result) => {
        setMocked(result);
        setMessage(null);
      },
      (error: Error) => setMessage(`Could not make a mock: ${error.message}`),
    );
  };

  const saveAsTest = (): void => {
    call('sessions.saveAsTest', { id: session.id }).then(
      (result) => {
        setSaved(result);
        setMessage(null);
      },
      (error: Error) => setMessage(`Could not save the test case: ${error.message}`),
    );
  };

  return (
    <div className="session-detail" data-testid="session-detail">
      <header className="session-detail__header">
        <h2 className="session-detail__title">{session.flowName}</h2>
        <p className="session-detail__sub">
          <span className={`outcome outcome--${session.status}`}>{describeOutcome(session)}</span> ·{' '}
          {formatStart(session.startedAt)} · {formatDuration(session.durationMs)}
        </p>
      </header>
      <dl className="session-detail__facts">
        <div>
          <dt>Caller</dt>
          <dd>{session.source}</dd>
        </div>
        <div>
          <dt>Called</dt>
          <dd>{session.destination}</dd>
        </div>
        <div>
          <dt>Events</dt>
          <dd>{session.eventCount}</dd>
        </div>
        <div>
          <dt>Webhooks</dt>
          <dd>{session.webhookCount}</dd>
        </div>
        <div className="session-detail__wide">
          <dt>Session</dt>
          <dd>
            <code>{session.id}</code>
          </dd>
        </div>
        <div className="session-detail__wide">
          <dt>Path</dt>
          <dd className="session-detail__path">{path.join(' → ') || '—'}</dd>
        </div>
      </dl>

      <div className="session-detail__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => onReplay(session)}
          data-testid="session-replay"
        >
          ▶ Replay on the phone
        </button>
        <button type="button" className="button" onClick={() => exportAs('json')}>
          Export JSON
        </button>
        <button type="button" className="button" onClick={() => exportAs('har')}>
          Export HAR
        </button>
        <button
          type="button"
          className="button"
          onClick={saveAsTest}
          disabled={!finished || session.flowPath === null}
          data-testid="session-save-test"
        >
          Save as test case
        </button>
        <button
          type="button"
          className="button"
          onClick={mockFromCall}
          disabled={!finished || session.webhookCount === 0}
          title="An environment whose mock replies give back every reply this call received"
          data-testid="session-mock"
        >
          Mock from this call
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => onDelete(session)}
          data-testid="session-delete"
        >
          Delete
        </button>
      </div>
      {message && (
        <p className="session-detail__message" role="status">
          {message}
        </p>
      )}
      {saved && (
        <div className="session-detail__saved" role="status" data-testid="saved-test">
          <p>
            Saved as “{saved.caseName}” ({saved.caseCount} case{saved.caseCount === 1 ? '' : 's'} in
            the file). Run it with:
          </p>
          <code className="session-detail__command">ivr-console test {saved.path} --demo-crm</code>
          <button
            type="button"
            className="button button--small"
            onClick={() => void copyText(`ivr-console test ${saved.path} --demo-crm`)}
          >
            Copy command
          </button>
        </div>
      )}

      {mocked && (
        <div className="session-detail__saved" role="status" data-testid="saved-mock">
          <p>
            Saved environment <strong>{mocked.environmentId}</strong>: pick it in the Environment
            picker, and every webhook of the flow gets the reply this call received.
          </p>
          <code className="session-detail__command">{mocked.path}</code>
        </div>
      )}

      <section className="session-detail__rerun" aria-labelledby="rerun-title">
        <h3 id="rerun-title">Re-run with diff</h3>
        <p className="muted">
          Feeds this call&apos;s keys through the flow file as it is now and compares path, spoken
          text, variables and webhooks.
        </p>
        <div className="session-detail__rerun-form">
          <label>
            Webhooks
            <select
              value={choice}
              onChange={(event) => setChoice(event.target.value as RerunChoice)}
              data-testid="rerun-mode"
            >
              {(Object.keys(RERUN_LABELS) as RerunChoice[]).map((key) => (
                <option key={key} value={key}>
                  {RERUN_LABELS[key]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            onClick={startRerun}
            disabled={!finished || session.flowPath === null || rerun?.state === 'running'}
            data-testid="session-rerun"
          >
            {rerun?.state === 'running' ? 'Re-running…' : 'Re-run'}
          </button>
        </div>
        {session.flowPath === null && (
          <p className="muted">This session has no flow file, so it cannot be re-run.</p>
        )}
        {rerun?.state === 'failed' && (
          <p className="session-detail__error" role="alert">
            {rerun.message}
          </p>
        )}
        {rerun?.state === 'done' && (
          <RerunDiff report={rerun.report} onOpenSession={onOpenSession} />
        )}
      </section>
    </div>
  );
}
