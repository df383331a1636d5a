/**
 * The composition root of the console's services, shared by the Electron shell and browser mode:
 * the session log, the demo CRM on loopback, settings, the flow catalog, speech and the calls.
 * Plain TypeScript: the shell passes in what only it knows (paths, version, speech, links).
 */
import { join, resolve } from 'node:path';
import type { AppInfo, SpeechStatus } from '../../shared/contract.ts';
import { createMemorySecretStore } from '../secrets/secret-store.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { createEnvironmentLibrary } from './environment-library.ts';
import { createFlowPathGrants } from './flow-path-grants.ts';
import type { FlowPathGrants } from './flow-path-grants.ts';
import type { EnvironmentLibrary } from './environment-library.ts';
import { openRecentFiles } from './recent-files.ts';
import { createWorkspaceService } from './workspace-service.ts';
import type { OpenDialogs, WorkspaceService } from './workspace-service.ts';
import type { Settings } from '../../shared/contract.ts';
import { startDemoCrm } from '../demo-crm/demo-crm-server.ts';
import type { DemoCrm } from '../demo-crm/demo-crm-server.ts';
import { createRealClock } from '../engine/clock.ts';
import type { Speaker } from '../engine/speaker.ts';
import { charsPerSecondAt, createSilentSpeaker } from '../engine/speaker.ts';
import { openSessionStore } from '../store/session-store.ts';
import type { SessionStore } from '../store/session-store.ts';
import { createCallManager } from './call-manager.ts';
import type { CallManager } from './call-manager.ts';
import { createEventHub } from './event-hub.ts';
import type { EventHub } from './event-hub.ts';
import { createFlowCatalog } from './flow-catalog.ts';
import type { FlowCatalog } from './flow-catalog.ts';
import { createFlowWatcher } from './flow-watcher.ts';
import type { FlowWatcher } from './flow-watcher.ts';
import { createReplaySpeech } from './replay-speech.ts';
import type { ReplaySpeech } from './replay-speech.ts';
import { createSessionLibrary } from './session-library.ts';
import type { SessionLibrary } from './session-library.ts';
import { openSettingsStore } from './settings-store.ts';
import type { SettingsStore } from './settings-store.ts';
import { createTestCaseLibrary } from './test-case-library.ts';
import type { TestCaseLibrary } from './test-case-library.ts';

/** The OS speech engine as the services use it (src/main/tts adapts to this). */
export interface SpeechBackend {
  readonly id: string;
  voices(): Promise<SpeechStatus['voices']>;
  /**
   * A speaker reading the current settings; `onError` when speaking fails, and a failed prompt
   * handed to `fallback` so the call keeps its pace.
   */
  createSpeaker(
    getSettings: () => Settings['speech'],
    onError: (error: Error) => void,
    fallback: Speaker,
  ): Speaker;
}

/** What the shell knows. */
export interface ConsoleServicesOptions {
  dataDir: string;
  /** Folder holding `flows/` (the samples). */
  resourcesDir: string;
  shell: AppInfo['shell'];
  version: string;
  /** Null where no speech engine exists: prompts are then captions only. */
  speech: SpeechBackend | null;
  /** Opens an http(s) URL in the system browser (Electron); absent in browser mode. */
  openExternal?: (url: string) => Promise<void>;
  /** Database file; default `<dataDir>/sessions.db`. */
  databasePath?: string;
  /** The workspace to open at start (`--workspace`); else the last one, if it still exists. */
  workspace?: string;
  /**
   * Where secret values are kept: encrypted by the OS key store in the desktop app; in memory
   * (the default) in browser mode.
   */
  secretStore?: SecretStore;
  /** The system's open dialogs (desktop app); absent where paths are typed (browser mode). */
  dialogs?: OpenDialogs & {
    /** A TLS file for an environment, starting in `defaultPath`. */
    pemFile(title: string, defaultPath: string): Promise<string | null>;
  };
}

/** Everything the IPC handlers call. */
export interface ConsoleServices {
  readonly info: AppInfo;
  readonly hub: EventHub;
  readonly settings: SettingsStore;
  readonly flows: FlowCatalog;
  readonly calls: CallManager;
  readonly store: SessionStore;
  /** The Sessions screen: list, open, delete, export, re-run with diff. */
  readonly sessions: SessionLibrary;
  /** Saved and sample test cases (save a session as a case; autopilot). */
  readonly tests: TestCaseLibrary;
  /** Reports changes to opened flow files as `flow_changed` events. */
  readonly flowWatcher: FlowWatcher;
  /** Speaks the prompts of a session played back. */
  readonly replaySpeech: ReplaySpeech;
  readonly demoCrm: DemoCrm;
  readonly speech: SpeechBackend | null;
  readonly openExternal: ((url: string) => Promise<void>) | null;
  /** The open workspace, recent files, new flows. */
  readonly workspace: WorkspaceService;
  /** Built-in and workspace environments, their secrets, what a call needs from one. */
  readonly environments: EnvironmentLibrary;
  /** The flow files the page may name (desktop app: only those main showed it). */
  readonly flowPathGrants: FlowPathGrants;
  close(): Promise<void>;
}

/** Starts the services: opens the log, starts the demo CRM on a free loopback port. */
export async function createConsoleServices(
  options: ConsoleServicesOptions,
): Promise<ConsoleServices> {
  const databasePath = options.databasePath ?? join(options.dataDir, 'sessions.db');
  const store = openSessionStore({ path: databasePath });
  const demoCrm = await startDemoCrm({ port: 0 });
  const hub = createEventHub();
  const settings = openSettingsStore(options.dataDir);
  const clock = createRealClock();
  const told = new Set<string>();
  // Each notice is said once per run, not once per prompt.
  const noticeOnce = (key: string, message: string): void => {
    if (told.has(key)) return;
    told.add(key);
    hub.emit({ kind: 'notice', level: 'warning', message });
  };
  if (settings.loadProblem) noticeOnce('settings', `Settings: ${settings.loadProblem}`);
  const speech = options.speech;
  // Calls and replays share one notice: the engine is broken for both.
  const speechFailed = (error: Error): void =>
    noticeOnce(
      'speech-error',
      `Speech failed (${error.message}): prompts are shown as captions only.`,
    );
  const calls = createCallManager({
    store,
    hub,
    clock,
    createSpeaker() {
      // Read per prompt: a rate changed in Settings applies to the next prompt, spoken or not.
      const silent = createSilentSpeaker(clock, () => charsPerSecondAt(settings.get().speech.rate));
      if (!speech) {
        noticeOnce(
          'no-speech',
          'No text-to-speech engine was found (macOS say, Windows SAPI, or spd-say / espeak-ng on Linux): prompts are shown as captions only.',
        );
        return silent;
      }
      const spoken = speech.createSpeaker(() => settings.get().speech, speechFailed, silent);
      // Muted speech still takes a prompt's time, so a call keeps its pace.
      return {
        speak: (text, o) => (settings.get().speech.enabled ? spoken : silent).speak(text, o),
      };
    },
  });
  const recent = openRecentFiles(options.dataDir);
  const workspace = createWorkspaceService({
    hub,
    recent,
    schemaPath: join(options.resourcesDir, 'flow.schema.json'),
    dialogs: options.dialogs ?? null,
  });
  const flows = createFlowCatalog(join(options.resourcesDir, 'flows'), {
    workspaceFlows: () => workspace.flows(),
    recentFlows: () => recent.flows(),
  });
  // Main opens a flow for the page itself (menu, drop): the page may then name it.
  const flowPathGrants = createFlowPathGrants(options.dialogs !== undefined);
  hub.subscribe((event) => {
    if (event.kind === 'flow_opened') flowPathGrants.grant(event.path);
  });
  const secretStore = options.secretStore ?? createMemorySecretStore();
  const environments = createEnvironmentLibrary({
    root: () => workspace.root(),
    secrets: secretStore,
    demoCrmUrl: demoCrm.url,
    shell: options.shell,
    ...(options.dialogs ? { pickFile: options.dialogs.pemFile } : {}),
  });
  const startAt = options.workspace ?? recent.workspaces()[0];
  if (startAt !== undefined) {
    // The last workspace may be gone (a deleted checkout): start without one, and say so only
    // when it was asked for by name.
    await workspace.open(resolve(startAt), true).catch((error: unknown) => {
      if (options.workspace !== undefined) {
        console.error(`[workspace] ${(error as Error).message}`);
        noticeOnce('workspace', `Workspace: ${(error as Error).message}`);
      }
    });
  }
  const flowWatcher = createFlowWatcher((path) => hub.emit({ kind: 'flow_changed', path }));
  const replaySpeech = createReplaySpeech(speech, () => settings.get().speech, speechFailed, clock);
  const info: AppInfo = {
    version: options.version,
    platform: process.platform,
    shell: options.shell,
    dataDir: options.dataDir,
    databasePath: store.path,
    demoCrmUrl: demoCrm.url,
  };
  return {
    info,
    hub,
    settings,
    flows,
    calls,
    store,
    sessions: createSessionLibrary(store, flows),
    tests: createTestCaseLibrary(
      join(options.resourcesDir, 'tests'),
      join(options.dataDir, 'tests'),
      flows,
    ),
    flowWatcher,
    replaySpeech,
    demoCrm,
    speech,
    openExternal: options.openExternal ?? null,
    workspace,
    environments,
    flowPathGrants,
    async close() {
      flowWatcher.close();
      workspace.dispose();
      replaySpeech.cancel();
      await calls.closeAll();
      await demoCrm.close();
      store.close();
    },
  };
}
