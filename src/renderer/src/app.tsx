/**
 * The console: header with the screen switcher and the file actions, then the phone screen (the
 * softphone, or a session replaying on it, beside variables / webhooks / timeline / flow), the
 * Sessions, Tests, Environments or Load screen; presenter mode shows the phone large beside the
 * flow for demos. Settings, Open flow/folder (where paths are typed) and New flow in dialogs.
 * Data comes in through the contract only (api/).
 */
import { Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import type { MenuAction } from '../../shared/contract.ts';
import type { SessionDetail } from '../../shared/session-types.ts';
import { call, getApi } from './api/ivr-api.ts';
import { ReplayPhone } from './features/replay/replay-phone.tsx';
import { configureKeyTones } from './features/softphone/key-tones.ts';
import { Softphone } from './features/softphone/softphone.tsx';
import { useCallSetup } from './features/softphone/use-call-setup.ts';
import { useKeyToneWarmUp } from './features/softphone/use-key-tone-warm-up.ts';
import { useRecordedPrompts } from './features/softphone/use-recorded-prompts.ts';
import { useAutopilot } from './features/presenter/use-autopilot.ts';
import { FileActions } from './features/workspace/file-actions.tsx';
import { FileDialogs } from './features/workspace/file-dialogs.tsx';
import type { FileDialog } from './features/workspace/file-dialogs.tsx';
import type { NewFlowInput } from './features/workspace/new-flow-dialog.tsx';
import { useFileDrop } from './features/workspace/use-file-drop.ts';
import { AppHeader } from './layout/app-header.tsx';
import { ConsoleMessage } from './layout/console-message.tsx';
import { NoticeBar } from './layout/notice-bar.tsx';
import { ScreenNav } from './layout/screen-nav.tsx';
import type { Screen } from './layout/screen-nav.tsx';
import { Workspace } from './layout/workspace.tsx';
import { useFlowEditorMode } from './features/flow-editor/use-flow-editor-mode.ts';
import * as Lazy from './lazy-screens.ts';
import { ScreenLoading } from './ui/screen-loading.tsx';
import { useCallSession } from './state/use-call-session.ts';
import { useConsoleData } from './state/use-console-data.ts';
import { useNotices } from './state/use-notices.ts';
import { useFlowDocument } from './state/use-flow-document.ts';
import { useReplay } from './state/use-replay.ts';

/** Root component: owns the call, replay, autopilot and dialogs, and switches between screens. */
export function App(): ReactElement {
  const data = useConsoleData();
  const session = useCallSession();
  const replay = useReplay();
  const autopilot = useAutopilot(session);
  const { notices, dismiss, push } = useNotices();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [dialog, setDialog] = useState<FileDialog | null>(null);
  const [screen, setScreen] = useState<Screen>('phone');
  const [presenter, setPresenter] = useState(false);
  const setup = useCallSetup({
    lastCall: data.settings?.lastCall ?? null,
    flows: data.flows,
    environments: data.environments,
  });
  const dtmf = data.settings?.dtmf;
  useKeyToneWarmUp();
  useRecordedPrompts(session.view.callId, session.view.caption);
  // The flow the phone shows (a replay's own file, else the one picked), opened once for the
  // flow view and presenter mode, and kept current when it is saved on disk.
  const replaying = replay.session !== null && replay.view !== null;
  const flowPath = replaying ? (replay.session?.flowPath ?? null) : setup.values?.flowPath || null;
  const flow = useFlowDocument(flowPath);
  // The flow editor replaces the call details beside the phone.
  const editor = useFlowEditorMode(flowPath, session, replaying || presenter);
  // Where paths are typed (browser mode) the page asks for them; the desktop app asks the system.
  const typedPaths = data.workspace?.typedPaths ?? data.info?.shell !== 'electron';

  useEffect(() => {
    if (dtmf) configureKeyTones(dtmf);
  }, [dtmf]);

  const warn = useCallback((message: string) => push('warning', message), [push]);
  useFileDrop(data.status === 'ready' && typedPaths, warn);

  const replayOnPhone = (picked: SessionDetail): void => {
    replay.load(picked);
    setScreen('phone');
  };

  /** Shows a flow just opened or created on the phone. */
  const showFlow = async (path: string): Promise<void> => {
    replay.close();
    await data.reloadFlows().catch(() => undefined);
    setup.pickFlow(path);
    setScreen('phone');
  };
  const failed = (error: unknown): void => warn((error as Error).message);

  const openFlowPath = async (path?: string): Promise<void> => {
    const document = await call('flows.openFile', path === undefined ? {} : { path });
    setDialog(null);
    if (document) await showFlow(document.path);
  };
  const openFolderPath = async (path?: string): Promise<void> => {
    const workspace = await call('workspace.open', path === undefined ? {} : { path });
    setDialog(null);
    if (workspace) await data.setWorkspace(workspace);
  };
  const openFlow = (): void => {
    if (typedPaths) setDialog('open-flow');
    else openFlowPath().catch(failed);
  };
  const openFolder = (): void => {
    if (typedPaths) setDialog('open-folder');
    else openFolderPath().catch(failed);
  };
  const closeFolder = (): void => {
    call('workspace.close', {}).then(data.setWorkspace).catch(failed);
  };
  const createFlow = async (input: NewFlowInput): Promise<void> => {
    const document = await call('flows.create', input);
    setDialog(null);
    await showFlow(document.path);
  };

  // The desktop app's menu, and flows main opened for the page (menu, a file dropped on the
  // window): read through a ref so the one subscription always calls today's handlers.
  const onMenu = (action: MenuAction): void => {
    setSettingsOpen(false);
    if (action === 'environments') setScreen('environments');
    else if (action === 'new-flow') setDialog('new-flow');
    else if (action === 'open-flow') openFlow();
    else openFolder();
  };
  const handlers = useRef({ onMenu, showFlow });
  useLayoutEffect(() => {
    handlers.current = { onMenu, showFlow };
  });
  useEffect(() => {
    const api = getApi();
    if (!api) return undefined;
    return api.subscribe((event) => {
      if (event.kind === 'menu') handlers.current.onMenu(event.action);
      else if (event.kind === 'flow_opened') void handlers.current.showFlow(event.path);
    });
  }, []);

  if (data.status !== 'ready' || !data.settings || !setup.values) {
    return <ConsoleMessage status={data.status} error={data.error} />;
  }

  const settings = data.settings;
  const setupValues = setup.values;
  const environment = data.environments.find((e) => e.id === setupValues.environmentId) ?? null;
  const view = replaying && replay.view ? replay.view : session.view;
  const inCall = session.view.phase === 'active' || session.view.phase === 'connecting';
  const timelineReplay =
    replaying && replay.session
      ? { events: replay.session.events, position: replay.position, onJump: replay.jumpTo }
      : null;
  const showEnvironments = (): void => setScreen('environments');

  const phone = (digits?: string) =>
    replaying ? (
      <ReplayPhone
        replay={replay}
        onClose={replay.close}
        {...(digits === undefined ? {} : { digits })}
      />
    ) : (
      <Softphone
        session={editor.session}
        flows={data.flows}
        environments={data.environments}
        setup={setupValues}
        onSetupChange={setup.set}
        keyboardActive={!settingsOpen && dialog === null}
        onOpenEnvironments={presenter ? undefined : showEnvironments}
        litKeyOverride={autopilot.litKey}
        {...(digits === undefined ? {} : { displayDigits: digits })}
      />
    );

  if (presenter) {
    return (
      <Suspense fallback={<ScreenLoading label="presenter mode" />}>
        <Lazy.PresenterScreen
          view={view}
          flowPath={flowPath}
          flow={flow}
          phone={phone}
          autopilotBusy={autopilot.running !== null || replay.playing}
          onPlaySession={(picked, speed) => replay.load(picked, { autoplay: true, speed })}
          onPlayCase={(testCase, path, keyMs) => {
            replay.close();
            // The phone (and so the flow view) shows the case's flow, whatever it had picked.
            setup.pickFlow(path);
            autopilot.start(testCase, path, keyMs);
          }}
          onStop={() => {
            autopilot.stop();
            replay.pause();
            if (session.view.phase === 'active') session.hangUp();
          }}
          onExit={() => setPresenter(false)}
        />
      </Suspense>
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
        actions={
          <FileActions
            workspace={data.workspace}
            onOpenFlow={openFlow}
            onOpenFolder={openFolder}
            onNewFlow={() => setDialog('new-flow')}
            onOpenRecentFolder={(path) => openFolderPath(path).catch(failed)}
            onCloseFolder={closeFolder}
          />
        }
      />
      {screen !== 'phone' ? (
        // One boundary for the screens loaded on demand: each is named by its screen while it loads.
        <Suspense fallback={<ScreenLoading label={screen} />}>
          {screen === 'sessions' ? (
            <Lazy.SessionsScreen onReplay={replayOnPhone} />
          ) : screen === 'tests' ? (
            <Lazy.TestsScreen data={data} picks={setupValues} />
          ) : screen === 'load' ? (
            <Lazy.LoadScreen data={data} picks={setupValues} />
          ) : (
            <Lazy.EnvironmentsScreen
              environments={data.environments}
              workspace={data.workspace}
              typedPaths={typedPaths}
              initialId={setupValues.environmentId}
              onChanged={data.reloadEnvironments}
              onOpenFolder={openFolder}
              onUse={(id) => {
                setup.pickEnvironment(id);
                setScreen('phone');
              }}
            />
          )}
        </Suspense>
      ) : (
        <main className={`workspace${editor.open ? ' workspace--editing' : ''}`}>
          {phone()}
          {editor.open ? (
            <Suspense fallback={<ScreenLoading label="the flow editor" />}>
              <Lazy.FlowEditor
                store={editor.open}
                environmentVariables={Object.keys(environment?.variables ?? {})}
                onClose={editor.close}
              />
            </Suspense>
          ) : (
            <Workspace
              view={view}
              setVariable={replaying ? null : session.setVariable}
              flowPath={flowPath}
              flow={flow}
              replay={timelineReplay}
              request={{
                environment,
                // The flow view follows a call or a replay; a request is sent between calls.
                enabled: !replaying && !inCall,
                onOpenEnvironments: showEnvironments,
              }}
              onEditFlow={!replaying && !inCall ? editor.edit : undefined}
              unsavedEdits={editor.unsaved}
              initialTab={editor.backToFlow ? 'flow' : undefined}
            />
          )}
        </main>
      )}
      {settingsOpen && (
        <Suspense fallback={<ScreenLoading label="settings" />}>
          <Lazy.SettingsDialog
            settings={settings}
            speech={data.speech}
            save={data.updateSettings}
            onClose={() => setSettingsOpen(false)}
          />
        </Suspense>
      )}
      <FileDialogs
        dialog={dialog}
        workspace={data.workspace}
        flows={data.flows}
        onOpenFlowPath={openFlowPath}
        onOpenFolderPath={openFolderPath}
        onCreateFlow={createFlow}
        onOpenFolder={openFolder}
        onClose={() => setDialog(null)}
      />
    </div>
  );
}
