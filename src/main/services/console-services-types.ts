/**
 * The console services' interfaces, apart from their composition root (console-services.ts):
 * what the shell passes in and what the IPC handlers call. A root imports others and is imported
 * by none, so whatever needs these types takes them from here.
 */
import type { AppInfo } from '../../shared/contract.ts';
import type { DemoCrm } from '../demo-crm/demo-crm-server.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import type { SessionStore } from '../store/session-store.ts';
import type { CallManager } from './call-manager.ts';
import type { CallStarter } from './call-starter.ts';
import type { EnvironmentLibrary } from './environment-library.ts';
import type { EventHub } from './event-hub.ts';
import type { ExternalLinks } from './external-links.ts';
import type { FlowAccess } from './flow-access.ts';
import type { FlowCatalog } from './flow-catalog.ts';
import type { FlowEditing } from './flow-editing.ts';
import type { FlowExplorer } from './flow-explorer.ts';
import type { FlowPathGrants } from './flow-path-grants.ts';
import type { FlowWatcher } from './flow-watcher.ts';
import type { LibraryAccess } from './library-access.ts';
import type { LoadRunner } from './load-runner.ts';
import type { ReplaySpeech } from './replay-speech.ts';
import type { RequestSender } from './request-sender.ts';
import type { SessionLibrary } from './session-library.ts';
import type { SettingsStore } from './settings-store.ts';
import type { SpeechBackend } from './speech-backend.ts';
import type { TestCaseLibrary } from './test-case-library.ts';
import type { TestRunner } from './test-runner.ts';
import type { OpenDialogs, WorkspaceService } from './workspace-service.ts';

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
    /**
     * A recording for a flow node's `audio`, starting in `defaultPath`. Absent, the editor's
     * Choose… answers that the path is to be typed.
     */
    audioFile?(title: string, defaultPath: string): Promise<string | null>;
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
  /** Listing, opening and creating flows for the page: granted, and watched once shown. */
  readonly flowAccess: FlowAccess;
  /** The flow editor: text, save, live validation, recorded prompts (granted flows only). */
  readonly flowEditing: FlowEditing;
  /** Starts a call from the softphone's picks. */
  readonly callStarter: CallStarter;
  /** Fires one `http` node's request on its own (the flow view's Send request). */
  readonly requestSender: RequestSender;
  /** The session and test-case libraries as the page reaches them (flows granted). */
  readonly library: LibraryAccess;
  /** Opens links in the system browser (desktop app only). */
  readonly links: ExternalLinks;
  /** The Load screen's load run: one at a time, on worker threads. */
  readonly loadRunner: LoadRunner;
  /** The Tests screen's runs: a test file's cases with its flow's coverage. */
  readonly testRunner: TestRunner;
  /** Generate tests on the flow view: explores a flow, saves the test file it generates. */
  readonly flowExplorer: FlowExplorer;
  close(): Promise<void>;
}
