/**
 * The IPC contract, one source of truth for main, preload and renderer: channel names, their
 * inputs (validated in main by contract-schemas.ts) and outputs, the ok/error envelope every
 * answer comes in, and the events main pushes on one subscription. Pure types and constants: no
 * zod at runtime here, so the sandboxed preload stays small.
 */
import type { z } from 'zod';
import type { CallEvent } from './call-events.ts';
import type { CHANNEL_INPUTS, SettingsSchema } from './contract-schemas.ts';
import type { FlowProblem } from './flow/validate-flow.ts';
import type { Flow } from './flow/flow-schema.ts';
import type { RerunReport } from './rerun/rerun-types.ts';
import type { SessionDetail, SessionSummary } from './session-types.ts';
import type { VarMap } from './variables.ts';
import type { WebhookExchange, WebhookLimits } from './webhook-types.ts';

/** Every channel, in one list: the preload and the web transport accept nothing else. */
export const CHANNELS = [
  'app.info',
  'flows.list',
  'flows.open',
  'environments.list',
  'call.start',
  'call.pressKey',
  'call.hangUp',
  'call.setVariable',
  'call.snapshot',
  'settings.get',
  'settings.update',
  'speech.status',
  'speech.speak',
  'speech.cancel',
  'links.openExternal',
  'sessions.list',
  'sessions.get',
  'sessions.delete',
  'sessions.export',
  'sessions.rerun',
  'sessions.saveAsTest',
  'tests.list',
  'workspace.get',
  'workspace.open',
  'workspace.close',
  'flows.openFile',
  'flows.create',
  'environments.get',
  'environments.save',
  'environments.create',
  'environments.pickFile',
  'secrets.set',
  'request.send',
] as const;

/** A channel name. */
export type Channel = (typeof CHANNELS)[number];

/** Prefix of the Electron IPC channel names (`ivr:call.start`). */
export const IPC_PREFIX = 'ivr:';
/** The one channel main -> renderer events travel on. */
export const EVENT_CHANNEL = 'ivr:event';

/** True when `name` is a channel of the contract. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}

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

/** Where a flow in the picker comes from. */
export type FlowGroup = 'workspace' | 'recent' | 'sample';

/** One flow file the console knows. */
export interface FlowEntry {
  path: string;
  /** The picker's group: the open workspace, flows opened before, or the samples. */
  group: FlowGroup;
  /** The path relative to the workspace (workspace flows), else the file name. */
  label: string;
  id: string | null;
  name: string;
  description: string | null;
  sample: boolean;
  valid: boolean;
  errors: number;
  warnings: number;
}

/** A flow file opened: the flow when valid, and every problem. */
export interface FlowDocument {
  path: string;
  flow: Flow | null;
  problems: FlowProblem[];
  readError: string | null;
}

/** A secret an environment declares, and whether this console has a value for it. */
export interface SecretStatus {
  name: string;
  set: boolean;
}

/**
 * An environment a call can use (WORKSPACE.md): a built-in one (the demo CRM, the flow file's own
 * values) or one from the open workspace's `environments/` folder.
 */
export interface Environment {
  /** `demo` and `flow` for the built-in ones; `workspace:<file base name>` for the workspace's. */
  id: string;
  /** Shown in the Environment picker. */
  name: string;
  description: string;
  variables: VarMap;
  kind: 'builtin' | 'workspace';
  /** The environment file (workspace environments). */
  file: string | null;
  secrets: SecretStatus[];
  /** Every problem of the file, `file:line: field: message`; a call needs none. */
  problems: string[];
  /** Limits this environment overrides (shown as such). */
  limits: Partial<Record<LimitName, number>>;
}

/** The limits an environment may override (WEBHOOK.md). */
export type LimitName = keyof WebhookLimits;

/**
 * An environment file as the Environments screen edits it. Saving writes only what changed back
 * into the file, keeping its comments and key order.
 */
export interface EnvironmentForm {
  name: string;
  /** Variables in file order; values as the YAML scalar they are (nested values as JSON text). */
  variables: { name: string; value: string | number | boolean }[];
  /** Declared secret names. */
  secrets: string[];
  headers: { name: string; value: string }[];
  /** Paths as written in the file (relative to it), '' for none. */
  tls: { ca: string; cert: string; key: string; insecure: boolean };
  /** '' for none (then HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply). */
  proxy: string;
  limits: Partial<Record<LimitName, number>>;
}

/** An environment opened for editing: the form, its file, and its problems. */
export interface EnvironmentDetail {
  environment: Environment;
  form: EnvironmentForm;
  /** The file's text as on disk (shown when the form cannot represent it). */
  text: string;
}

/** The open workspace and what the console remembers. */
export interface WorkspaceState {
  /** Absolute path of the open workspace folder, or null. */
  root: string | null;
  /** Its folder name. */
  name: string | null;
  /** Most recent first. */
  recentWorkspaces: string[];
  recentFlows: string[];
  /**
   * True where paths are typed (browser mode); false in the desktop app, which asks the system's
   * open dialog instead and accepts no path it did not choose.
   */
  typedPaths: boolean;
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

/** One page of the session list, and how many sessions match in all. */
export interface SessionPage {
  total: number;
  items: SessionSummary[];
}

/** An export, ready to save under its suggested file name. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/** Where "save as test case" put the case. */
export interface SavedTestCase {
  /** The test file (absolute): `ivr-console test <path>` runs it. */
  path: string;
  caseName: string;
  /** Cases now in that file. */
  caseCount: number;
}

/** One case of a test file, as autopilot plays it. */
export interface TestCaseEntry {
  name: string;
  source: string | null;
  destination: string | null;
  variables: VarMap;
  /** The script as written (`12345#1111 1`). */
  dtmf: string;
  /** One key or `~` (silence) per step. */
  steps: string[];
}

/** A test file the console found (samples and saved cases). */
export interface TestFileEntry {
  path: string;
  /** True for files of saved sessions (the data folder), false for the samples. */
  saved: boolean;
  flowPath: string | null;
  flowName: string | null;
  cases: TestCaseEntry[];
  /** Why the file cannot run (empty when it can). */
  problems: string[];
}

/** The output of each channel. */
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
  | { kind: 'menu'; action: MenuAction };

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
