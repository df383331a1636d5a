/**
 * The composition root of the console's services, shared by the Electron shell and browser mode:
 * the session log, the demo CRM on loopback, settings, the flow catalog, speech and the calls.
 * Plain TypeScript: the shell passes in what only it knows (paths, version, speech, links).
 */
import { join } from 'node:path';
import type { AppInfo, Environment, SpeechStatus } from '../../shared/contract.ts';
import type { Settings } from '../../shared/contract.ts';
import { startDemoCrm } from '../demo-crm/demo-crm-server.ts';
import type { DemoCrm } from '../demo-crm/demo-crm-server.ts';
import { createRealClock } from '../engine/clock.ts';
import type { Speaker } from '../engine/speaker.ts';
import { createSilentSpeaker } from '../engine/speaker.ts';
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
  environments(): Environment[];
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
      const silent = createSilentSpeaker(clock);
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
  const flows = createFlowCatalog(join(options.resourcesDir, 'flows'));
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
    environments: (): Environment[] => [
      {
        id: 'demo',
        name: 'Built-in demo CRM',
        description: `The demo CRM this app runs on ${demoCrm.url}`,
        variables: { crm_base: demoCrm.url },
        kind: 'builtin',
        file: null,
        secrets: [],
        problems: [],
        limits: {},
      },
      {
        id: 'flow',
        name: 'Flow file defaults',
        description: "The flow's own variables (its crm_base, e.g. your local or staging CRM)",
        variables: {},
        kind: 'builtin',
        file: null,
        secrets: [],
        problems: [],
        limits: {},
      },
    ],
    async close() {
      flowWatcher.close();
      replaySpeech.cancel();
      await calls.closeAll();
      await demoCrm.close();
      store.close();
    },
  };
}
