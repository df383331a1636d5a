/**
 * The console: header with the screen switcher, then either the phone screen (the softphone, or
 * a session replaying on it, beside variables / webhooks / timeline / flow) or the Sessions
 * screen; presenter mode shows the phone large beside the flow for demos. Settings in a dialog.
 * Data comes in through the contract only (api/).
 */
import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import type { SessionDetail } from '../../shared/session-types.ts';
import { PresenterScreen } from './features/presenter/presenter-screen.tsx';
import { ReplayPhone } from './features/replay/replay-phone.tsx';
import { SessionsScreen } from './features/sessions/sessions-screen.tsx';
import { configureKeyTones } from './features/softphone/key-tones.ts';
import { Softphone } from './features/softphone/softphone.tsx';
import { useKeyToneWarmUp } from './features/softphone/use-key-tone-warm-up.ts';
import { SettingsDialog } from './features/settings/settings-dialog.tsx';
import { useAutopilot } from './features/presenter/use-autopilot.ts';
import { AppHeader } from './layout/app-header.tsx';
import { NoticeBar } from './layout/notice-bar.tsx';
import { ScreenNav } from './layout/screen-nav.tsx';
import type { Screen } from './layout/screen-nav.tsx';
import { Workspace } from './layout/workspace.tsx';
import { useCallSession } from './state/use-call-session.ts';
import { useConsoleData } from './state/use-console-data.ts';
import { useNotices } from './state/use-notices.ts';
import { useFlowDocument } from './state/use-flow-document.ts';
import { useReplay } from './state/use-replay.ts';

/** The console. */
export function App(): ReactElement {
  const data = useConsoleData();
  const session = useCallSession();
  const replay = useReplay();
  const autopilot = useAutopilot(session);
  const { notices, dismiss } = useNotices();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [screen, setScreen] = useState<Screen>('phone');
  const [presenter, setPresenter] = useState(false);
  const [pickedFlow, setPickedFlow] = useState<string | null>(null);
  /** The flow autopilot last played: the phone switches to it. */
  const [requestedFlow, setRequestedFlow] = useState<string | null>(null);
  const dtmf = data.settings?.dtmf;
  useKeyToneWarmUp();
  // The flow the phone shows (a replay's own file, else the one picked), opened once for the
  // flow view and presenter mode, and kept current when it is saved on disk.
  const replaying = replay.session !== null && replay.view !== null;
  const flowPath = replaying ? (replay.session?.flowPath ?? null) : pickedFlow;
  const flow = useFlowDocument(flowPath);

  useEffect(() => {
    if (dtmf) configureKeyTones(dtmf);
  }, [dtmf]);

  const replayOnPhone = (picked: SessionDetail): void => {
    replay.load(picked);
    setScreen('phone');
  };

  if (data.status !== 'ready' || !data.settings) {
    return (
      <div className="app app--message">
        <AppHeader info={null} onOpenSettings={null} />
        <main className="message-card" aria-busy={data.status === 'loading'}>
          {data.status === 'disconnected' ? (
            <>
              <h2>Not connected to the console</h2>
              <p>
                Open the address that <code>npm run web</code> printed: it carries the token this
                page needs. Or start the desktop app with <code>npm run dev</code>.
              </p>
            </>
          ) : data.status === 'failed' ? (
            <>
              <h2>The console could not start</h2>
              <p role="alert">{data.error}</p>
            </>
          ) : (
            <p>Loading the console…</p>
          )}
        </main>
      </div>
    );
  }

  const settings = data.settings;
  const view = replaying && replay.view ? replay.view : session.view;
  const timelineReplay =
    replaying && replay.session
      ? { events: replay.session.events, position: replay.position, onJump: replay.jumpTo }
      : null;
  const phone = (digits?: string) =>
    replaying ? (
      <ReplayPhone
        replay={replay}
        onClose={replay.close}
        {...(digits === undefined ? {} : { digits })}
      />
    ) : (
      <Softphone
        session={session}
        flows={data.flows}
        environments={data.environments}
        lastCall={settings.lastCall}
        keyboardActive={!settingsOpen}
        onFlowPathChange={setPickedFlow}
        requestedFlowPath={requestedFlow}
        litKeyOverride={autopilot.litKey}
        {...(digits === undefined ? {} : { displayDigits: digits })}
      />
    );

  if (presenter) {
    return (
      <PresenterScreen
        view={view}
        flowPath={flowPath}
        flow={flow}
        phone={phone}
        autopilotBusy={autopilot.running !== null || replay.playing}
        onPlaySession={(picked, speed) => replay.load(picked, { autoplay: true, speed })}
        onPlayCase={(testCase, path, keyMs) => {
          replay.close();
          // The phone (and so the flow view) shows the case's flow, whatever it had picked.
          setRequestedFlow(path);
          setPickedFlow(path);
          autopilot.start(testCase, path, keyMs);
        }}
        onStop={() => {
          autopilot.stop();
          replay.pause();
          if (session.view.phase === 'active') session.hangUp();
        }}
        onExit={() => setPresenter(false)}
      />
    );
  }

  return (
    <div className="app">
      <AppHeader
        info={data.info}
        onOpenSettings={() => setSettingsOpen(true)}
        notices={<NoticeBar notices={notices} onDismiss={dismiss} />}
        nav={
          <ScreenNav screen={screen} onScreen={setScreen} onPresent={() => setPresenter(true)} />
        }
      />
      {screen === 'sessions' ? (
        <SessionsScreen onReplay={replayOnPhone} />
      ) : (
        <main className="workspace">
          {phone()}
          <Workspace
            view={view}
            setVariable={replaying ? null : session.setVariable}
            flowPath={flowPath}
            flow={flow}
            replay={timelineReplay}
          />
        </main>
      )}
      {settingsOpen && (
        <SettingsDialog
          settings={settings}
          speech={data.speech}
          save={data.updateSettings}
          onClose={() => setSettingsOpen(false)}
        />
      )}
    </div>
  );
}
