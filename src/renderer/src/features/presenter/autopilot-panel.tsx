/**
 * Presenter mode's autopilot picker: play a logged session (a replay) or a test case (a live call
 * whose keys are pressed for you) hands-free, at a chosen pace.
 */
import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import type { TestCaseEntry, TestFileEntry } from '../../../../shared/contract.ts';
import type { SessionDetail, SessionSummary } from '../../../../shared/session-types.ts';
import { call } from '../../api/ivr-api.ts';
import { formatStart } from '../../lib/format-time.ts';

/** Paces: replay speed for a session, time between keys for a test case. */
const PACES = {
  slow: { label: 'Slow', speed: 0.5, keyMs: 1000 },
  normal: { label: 'Normal', speed: 1, keyMs: 600 },
  fast: { label: 'Fast', speed: 2, keyMs: 250 },
} as const;
type Pace = keyof typeof PACES;

/** Props of {@link AutopilotPanel}. */
export interface AutopilotPanelProps {
  busy: boolean;
  onPlaySession(session: SessionDetail, speed: number): void;
  onPlayCase(testCase: TestCaseEntry, flowPath: string, keyMs: number): void;
  onStop(): void;
}

interface CaseOption {
  id: string;
  label: string;
  testCase: TestCaseEntry;
  flowPath: string;
}

function caseOptions(files: TestFileEntry[]): CaseOption[] {
  return files.flatMap((file) =>
    file.flowPath === null
      ? []
      : file.cases.map((testCase, index) => ({
          id: `${file.path}#${index}`,
          label: `${file.flowName ?? file.path.split(/[\\/]/).pop()} › ${testCase.name}`,
          testCase,
          flowPath: file.flowPath as string,
        })),
  );
}

/** Lets the presenter pick a test case or a logged session and a pace, then play or stop it. */
export function AutopilotPanel({
  busy,
  onPlaySession,
  onPlayCase,
  onStop,
}: AutopilotPanelProps): ReactElement {
  const [kind, setKind] = useState<'test' | 'session'>('test');
  const [sessions, setSessions] = useState<SessionSummary[]>([]);
  const [cases, setCases] = useState<CaseOption[]>([]);
  const [picked, setPicked] = useState('');
  const [pace, setPace] = useState<Pace>('normal');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('sessions.list', { limit: 30 }).then(
      (page) => setSessions(page.items.filter((s) => s.status !== 'running')),
      (failure: Error) => setError(failure.message),
    );
    call('tests.list', {}).then(
      (files) => setCases(caseOptions(files)),
      (failure: Error) => setError(failure.message),
    );
  }, []);

  const options =
    kind === 'test'
      ? cases.map((c) => ({ id: c.id, label: c.label }))
      : sessions.map((s) => ({
          id: s.id,
          label: `${formatStart(s.startedAt)} · ${s.flowName} · ${s.source}`,
        }));
  const value = options.some((o) => o.id === picked) ? picked : (options[0]?.id ?? '');

  const play = (): void => {
    setError(null);
    if (kind === 'test') {
      const option = cases.find((c) => c.id === value);
      if (option) onPlayCase(option.testCase, option.flowPath, PACES[pace].keyMs);
      return;
    }
    call('sessions.get', { id: value }).then(
      (session) => onPlaySession(session, PACES[pace].speed),
      (failure: Error) => setError(failure.message),
    );
  };

  return (
    <div className="autopilot" role="group" aria-label="Autopilot" data-testid="autopilot">
      <span className="autopilot__label">Autopilot</span>
      <select
        value={kind}
        onChange={(event) => setKind(event.target.value as 'test' | 'session')}
        aria-label="Play"
      >
        <option value="test">A test case</option>
        <option value="session">A logged session</option>
      </select>
      <select
        className="autopilot__pick"
        value={value}
        onChange={(event) => setPicked(event.target.value)}
        aria-label={kind === 'test' ? 'Test case' : 'Session'}
        data-testid="autopilot-pick"
      >
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
      <select
        value={pace}
        onChange={(event) => setPace(event.target.value as Pace)}
        aria-label="Pace"
      >
        {(Object.keys(PACES) as Pace[]).map((key) => (
          <option key={key} value={key}>
            {PACES[key].label}
          </option>
        ))}
      </select>
      {busy ? (
        <button type="button" className="button" onClick={onStop}>
          ■ Stop
        </button>
      ) : (
        <button
          type="button"
          className="button button--primary"
          onClick={play}
          disabled={value === ''}
          data-testid="autopilot-start"
        >
          ▶ Start
        </button>
      )}
      {error && (
        <span className="autopilot__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
