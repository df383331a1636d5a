/**
 * The IPC contract, one source of truth for main, preload and renderer: channel names, their
 * inputs (validated in main by contract-schemas.ts) and outputs, the ok/error envelope every
 * answer comes in, and the events main pushes on one subscription. Pure types and constants: no
 * zod at runtime here, so the sandboxed preload stays small. The channel list and the types of
 * each area live in contract/; everything is imported from here, as it always was.
 */
import type { z } from 'zod';
import type { CallEvent } from './call-events.ts';
import type { CHANNEL_INPUTS, SettingsSchema } from './contract-schemas.ts';
import type { Channel } from './contract/channels.ts';
import type { Environment, EnvironmentDetail } from './contract/environment-types.ts';
import type {
  ExportedFile,
  SavedMockEnvironment,
  SavedTestCase,
  SessionPage,
  TestFileEntry,
} from './contract/library-types.ts';
import type { FlowText, PromptFile } from './contract/flow-editing-types.ts';
import type { ExploreReport, TestRunReport } from './contract/coverage-types.ts';
import type { LoadStatus } from './contract/load-types.ts';
import type { FlowDocument, FlowEntry, WorkspaceState } from './contract/workspace-types.ts';
import type { FlowProblem } from './flow/validate-flow.ts';
import type { RecordingFile } from './recording-file.ts';
import type { RerunReport } from './rerun/rerun-types.ts';
import type { SessionDetail } from './session-types.ts';
import type { WebhookExchange } from './webhook-types.ts';

export {
  CHANNELS,
  EVENT_CHANNEL,
  IPC_PREFIX,
  isChannel,
  type Channel,
} from './contract/channels.ts';
export type {
  SecretStatus,
  Environment,
  LimitName,
  EnvironmentForm,
  EnvironmentDetail,
} from './contract/environment-types.ts';
export type {
  SessionPage,
  ExportedFile,
  SavedMockEnvironment,
  SavedTestCase,
  TestCaseEntry,
  TestFileEntry,
} from './contract/library-types.ts';
export type { FlowText, PromptFile } from './contract/flow-editing-types.ts';
export type { LoadPhase, LoadRunInfo, LoadStatus } from './contract/load-types.ts';
export type {
  ExploreReport,
  ExploredCase,
  TestRunCase,
  TestRunReport,
  UnreachedEdge,
} from './contract/coverage-types.ts';
export type {
  FlowGroup,
  FlowEntry,
  FlowDocument,
  WorkspaceState,
} from './contract/workspace-types.ts';

/** User settings (DTMF tones, speech, the last call's picks). */
export type Settings = z.output<typeof SettingsSchema>;

/** What the app is and where it keeps things. */
export interface AppInfo {
  version: string;
  platform: string;
  /** 'electron' or 'browser' (browser mode). */
  shell: 'electron' | 'browser';
  dataDir: string;
  databasePath: string;
  demoCrmUrl: string;
}

/** A request fired on its own from the flow view or `ivr-console send`. */
export interface SentRequest {
  exchange: WebhookExchange;
  /** The `${refs}` the node uses, and the values they were rendered with. */
  references: { name: string; value: string | null }[];
}

/** The state of a call the UI shows. */
export type CallState = 'active' | 'ended';

/** Everything about a call so far (to catch up after a reload). */
export interface CallSnapshot {
  callId: string;
  sessionId: string | null;
  flowPath: string;
  state: CallState;
  events: CallEvent[];
}

/** The speech engine found, if any. */
export interface SpeechStatus {
  engine: string | null;
  voices: { id: string; name: string; locale?: string }[];
}

/** What main resolves each channel's request with, keyed by channel name. */
export interface ChannelOutputs {
  'app.info': AppInfo;
  'flows.list': FlowEntry[];
  'flows.open': FlowDocument;
  'environments.list': Environment[];
  'call.start': { callId: string; sessionId: string | null };
  'call.pressKey': { accepted: boolean };
  'call.hangUp': null;
  'call.setVariable': null;
  'call.snapshot': CallSnapshot;
  'call.recording': RecordingFile;
  'settings.get': Settings;
  'settings.update': Settings;
  'speech.status': SpeechStatus;
  'speech.speak': null;
  'speech.cancel': null;
  'links.openExternal': null;
  'sessions.list': SessionPage;
  'sessions.get': SessionDetail;
  'sessions.delete': null;
  'sessions.export': ExportedFile;
  'sessions.rerun': RerunReport;
  'sessions.saveAsTest': SavedTestCase;
  'sessions.recording': RecordingFile;
  /** "Mock from this call": the environment saved in the workspace's environments/ folder. */
  'sessions.mockFromCall': SavedMockEnvironment;
  'tests.list': TestFileEntry[];
  'workspace.get': WorkspaceState;
  /** Null when the open dialog was cancelled. */
  'workspace.open': WorkspaceState | null;
  'workspace.close': WorkspaceState;
  /** Null when the open dialog was cancelled. */
  'flows.openFile': FlowDocument | null;
  'flows.create': FlowDocument;
  'environments.get': EnvironmentDetail;
  'environments.save': EnvironmentDetail;
  'environments.create': EnvironmentDetail;
  /** The chosen file, relative to the environment file; null when cancelled. */
  'environments.pickFile': string | null;
  'secrets.set': Environment;
  'request.send': SentRequest;
  /** The flow file's text, for the editor. */
  'flows.text': FlowText;
  /** The file as saved, opened again (what `flows.open` answers). */
  'flows.save': FlowDocument;
  /** The problems of an unsaved text, as if it were the file (recordings included). */
  'flows.validate': FlowProblem[];
  /** The recordings a node's `audio` field may pick (the workspace's and the flow's `prompts/`). */
  'prompts.list': PromptFile[];
  /** A recording named relative to the flow's folder, for the editor's play button. */
  'prompts.read': RecordingFile;
  /** The chosen file, relative to the flow's folder; null when cancelled. */
  'prompts.pick': string | null;
  /** The run just started (phase `running`). */
  'load.start': LoadStatus;
  'load.stop': null;
  /** The run in progress or the last one (to catch up when the Load screen opens). */
  'load.status': LoadStatus;
  /** The last run's self-contained HTML report. */
  'load.report': ExportedFile;
  /** A test file run in the console: its cases passed or failed, and its flow's coverage. */
  'tests.run': TestRunReport;
  /** Test cases generated for a flow, with their coverage and the exits not reached. */
  'flows.explore': ExploreReport;
  /** Where the generated test file was saved (never over an existing file). */
  'tests.saveGenerated': { path: string };
}

/** The input of channel `C`, as the renderer sends it. */
export type ChannelInput<C extends Channel> = z.input<(typeof CHANNEL_INPUTS)[C]>;
/** The input of channel `C` after validation. */
export type ValidInput<C extends Channel> = z.output<(typeof CHANNEL_INPUTS)[C]>;
/** The output of channel `C`. */
export type ChannelOutput<C extends Channel> = ChannelOutputs[C];

/** Why a request failed. */
export type ErrorCode =
  'invalid_input' | 'unknown_channel' | 'not_found' | 'forbidden' | 'conflict' | 'failed';

/** Every answer: a value, or an error that crossed the boundary intact. */
export type Envelope<T> =
  { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** Events main pushes to the renderer, on one subscription. */
export type ConsoleEvent =
  | { kind: 'call'; callId: string; event: CallEvent }
  | { kind: 'notice'; level: 'info' | 'warning'; message: string }
  | { kind: 'speech'; callId: string; state: 'speaking' | 'done'; text: string }
  /** A flow file the console opened changed on disk (saved in an editor): open it again. */
  | { kind: 'flow_changed'; path: string }
  /** Flows or environments were added, renamed, removed or changed in the open workspace. */
  | { kind: 'workspace_changed' }
  /** Main opened a flow for the page (the menu, a file dropped on the window): show it. */
  | { kind: 'flow_opened'; path: string }
  /** The desktop app's menu asks the page for something only the page can show. */
  | { kind: 'menu'; action: MenuAction }
  /** The console's load run: about once a second while it runs, and once when it ends. */
  | { kind: 'load'; status: LoadStatus };

/** Menu items the page carries out (the others main does itself). */
export type MenuAction = 'new-flow' | 'open-flow' | 'open-folder' | 'environments';

/** What the preload exposes as `window.ivr` (and the browser-mode client implements). */
export interface IvrApi {
  invoke<C extends Channel>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<Envelope<ChannelOutput<C>>>;
  subscribe(listener: (event: ConsoleEvent) => void): () => void;
}
