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
import type { RerunReport } from './replay/replay-types.ts';
import type { SessionDetail, SessionSummary } from './session-types.ts';
import type { VarMap } from './variables.ts';

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

/** One flow file the console knows. */
export interface FlowEntry {
  path: string;
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

/** A set of variables a call starts with (where the CRM is). */
export interface Environment {
  id: string;
  name: string;
  description: string;
  variables: VarMap;
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
  | { kind: 'flow_changed'; path: string };

/** What the preload exposes as `window.ivr` (and the browser-mode client implements). */
export interface IvrApi {
  invoke<C extends Channel>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<Envelope<ChannelOutput<C>>>;
  subscribe(listener: (event: ConsoleEvent) => void): () => void;
}
