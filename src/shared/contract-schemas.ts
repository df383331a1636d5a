/**
 * The input schema of every IPC channel: main validates each request against these at its edge,
 * before any service sees it. Bounded sizes everywhere: nothing the renderer sends is trusted.
 * (Kept apart from contract.ts so the sandboxed preload does not bundle zod.)
 */
import { z } from 'zod';
import type { Channel } from './contract/channels.ts';
import { loadStartInput } from './contract/load-schemas.ts';
import { SESSION_STATUSES } from './session-statuses.ts';
import { VARIABLE_NAME_PATTERN } from './variables.ts';

const none = z.strictObject({});
const filePath = z.string().min(1).max(4096);
/** A phone number or SIP-style user part, as a tester would type it. */
const number = z
  .string()
  .trim()
  .min(1, 'enter a number')
  .max(32, 'at most 32 characters')
  .regex(/^[+0-9A-Za-z*#._@-]+$/, 'digits, +, letters, * # . _ - @ only');
const callId = z.uuid();
/** A session id, or a unique prefix of it (at least 4 characters), as the CLI accepts. */
const sessionId = z
  .string()
  .min(4, 'at least 4 characters of a session id')
  .max(36)
  .regex(/^[0-9a-f-]+$/i, 'a session id (hex digits and dashes)');
const variableName = z
  .string()
  .max(64)
  .regex(VARIABLE_NAME_PATTERN, 'must match ^[a-z_][a-z0-9_]*$');
const scalar = z.union([z.string().max(4096), z.number().finite(), z.boolean()]);
const environmentId = z.string().min(1).max(120);
/**
 * A flow file's text from the editor. Bounded by the flow file limit (MAX_FLOW_FILE_BYTES, 2 MiB)
 * counted in UTF-16 units here: a text over it in units is over it in UTF-8 bytes too, and the
 * service counts the bytes.
 */
const flowText = z.string().max(2 * 1024 * 1024, 'at most 2 MiB (the flow file limit)');
/** A recording's path as a flow's `audio` field holds it. */
const audioPath = z.string().min(1).max(4096);
// Secret names follow the variable name rule (`${secret.crm_token}`).
const secretName = variableName;
const limitValue = z.number().int().min(1).max(10_000_000);
const environmentForm = z.strictObject({
  name: z.string().trim().min(1, 'enter a name').max(200),
  variables: z.array(z.strictObject({ name: variableName, value: scalar })).max(200),
  secrets: z.array(secretName).max(50),
  headers: z
    .array(
      z.strictObject({
        name: z
          .string()
          .min(1)
          .max(200)
          .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'not a header name'),
        value: z.string().max(8192),
      }),
    )
    .max(100),
  tls: z.strictObject({
    ca: z.string().max(4096),
    cert: z.string().max(4096),
    key: z.string().max(4096),
    insecure: z.boolean(),
  }),
  proxy: z.string().max(2048),
  limits: z.strictObject({
    connectTimeoutMs: limitValue.optional(),
    responseTimeoutMs: limitValue.optional(),
    maxBodyBytes: limitValue.optional(),
    maxKeys: limitValue.optional(),
    maxValueLength: limitValue.optional(),
    maxDepth: limitValue.optional(),
  }),
});

/** Settings the user can change; every field optional in an update. */
export const SettingsSchema = z.strictObject({
  dtmf: z.strictObject({
    enabled: z.boolean(),
    toneMs: z.number().int().min(40).max(200),
    minGapMs: z.number().int().min(50).max(500),
    levelDb: z.number().min(-40).max(0),
    highToneBoostDb: z.number().min(0).max(4),
  }),
  speech: z.strictObject({
    enabled: z.boolean(),
    voice: z
      .string()
      .max(200)
      .regex(/^[\w .()+-]*$/, 'not a voice name')
      .nullable(),
    rate: z.number().int().min(80).max(400),
  }),
  lastCall: z.strictObject({
    flowPath: filePath.nullable(),
    environmentId: z.string().max(120),
    source: z.string().max(32),
    destination: z.string().max(32),
  }),
});

const settingsUpdate = z.strictObject({
  dtmf: SettingsSchema.shape.dtmf.partial().optional(),
  speech: SettingsSchema.shape.speech.partial().optional(),
  lastCall: SettingsSchema.shape.lastCall.partial().optional(),
});

/**
 * Input schema of each channel. `satisfies Record<Channel, …>`: the type check fails for a
 * channel of the list without a schema here, and for a schema of no channel.
 */
export const CHANNEL_INPUTS = {
  'app.info': none,
  'flows.list': none,
  'flows.open': z.strictObject({ path: filePath }),
  'environments.list': none,
  'call.start': z.strictObject({
    flowPath: filePath,
    environmentId,
    source: number,
    destination: number,
    variables: z
      .record(variableName, scalar)
      .refine((v) => Object.keys(v).length <= 100, 'at most 100 variables')
      .optional(),
  }),
  'call.pressKey': z.strictObject({
    callId,
    key: z.string().regex(/^[0-9*#A-D]$/, 'a DTMF key: 0-9, *, #, A-D'),
  }),
  'call.hangUp': z.strictObject({ callId }),
  'call.setVariable': z.strictObject({ callId, name: variableName, value: scalar }),
  'call.snapshot': z.strictObject({ callId }),
  'call.recording': z.strictObject({ callId, audio: audioPath }),
  'settings.get': none,
  'settings.update': settingsUpdate,
  'speech.status': none,
  'speech.speak': z.strictObject({
    text: z.string().min(1).max(4096),
    locale: z
      .string()
      .max(35)
      .regex(/^[A-Za-z0-9-]*$/, 'a BCP 47 locale')
      .optional(),
    /** Replay speed: speech goes faster with it, within the engine's range. */
    speed: z.number().min(0.25).max(4).optional(),
  }),
  'speech.cancel': none,
  'links.openExternal': z.strictObject({ url: z.url({ protocol: /^https?$/ }).max(2048) }),
  'sessions.list': z.strictObject({
    limit: z.number().int().min(1).max(500).optional(),
    offset: z.number().int().min(0).max(100_000_000).optional(),
    search: z.string().max(200).optional(),
    status: z.enum(SESSION_STATUSES).optional(),
    flowId: z.string().min(1).max(200).optional(),
  }),
  'sessions.get': z.strictObject({ id: sessionId }),
  'sessions.delete': z.strictObject({ id: z.uuid() }),
  'sessions.export': z.strictObject({ id: sessionId, format: z.enum(['json', 'har', 'mock']) }),
  'sessions.recording': z.strictObject({ id: sessionId, audio: audioPath }),
  'sessions.mockFromCall': z.strictObject({ id: sessionId }),
  'sessions.rerun': z.strictObject({
    id: sessionId,
    /** `mock`: the recorded replies, no network. `live`: real webhooks. */
    mode: z.enum(['live', 'mock']),
    /** For `live`: the environment whose variables go over the original's (e.g. `demo`). */
    environmentId: environmentId.optional(),
  }),
  'sessions.saveAsTest': z.strictObject({
    id: sessionId,
    name: z.string().trim().max(200).optional(),
  }),
  'tests.list': none,
  'workspace.get': none,
  /** No path: the system's open dialog (desktop app). A path: browser mode, or a recent one. */
  'workspace.open': z.strictObject({ path: filePath.optional() }),
  'workspace.close': none,
  'flows.openFile': z.strictObject({ path: filePath.optional() }),
  'flows.create': z.strictObject({
    name: z.string().trim().min(1, 'enter a name').max(200),
    /** File name in the workspace's `flows/` folder; from the name when absent. */
    fileName: z
      .string()
      .trim()
      .max(120)
      .regex(/^[\w][\w .-]*$/, 'letters, digits, spaces, . _ - only')
      .optional(),
    /** `blank`, or the path of a sample flow to copy. */
    template: z.union([z.literal('blank'), filePath]),
  }),
  'environments.get': z.strictObject({ id: environmentId }),
  'environments.save': z.strictObject({ id: environmentId, form: environmentForm }),
  'environments.create': z.strictObject({
    name: z.string().trim().min(1, 'enter a name').max(200),
    /** The file's base name (its id); from the name when absent. */
    fileName: z
      .string()
      .trim()
      .max(80)
      .regex(/^[A-Za-z0-9][\w.-]*$/, 'letters, digits, . _ - only')
      .optional(),
  }),
  'environments.pickFile': z.strictObject({
    id: environmentId,
    purpose: z.enum(['ca', 'cert', 'key']),
  }),
  'secrets.set': z.strictObject({
    environmentId,
    name: secretName,
    /** Null forgets the value. */
    value: z.string().max(16_384).nullable(),
  }),
  'request.send': z.strictObject({
    flowPath: filePath,
    nodeId: z.string().min(1).max(200),
    environmentId,
    variables: z
      .record(variableName, scalar)
      .refine((v) => Object.keys(v).length <= 100, 'at most 100 variables')
      .optional(),
  }),
  'flows.text': z.strictObject({ path: filePath }),
  'flows.save': z.strictObject({
    path: filePath,
    text: flowText,
    /** The text the editor started from: the save is refused when the file no longer holds it. */
    base: flowText,
  }),
  'flows.validate': z.strictObject({ path: filePath, text: flowText }),
  'prompts.list': z.strictObject({ flowPath: filePath }),
  'prompts.read': z.strictObject({ flowPath: filePath, audio: audioPath }),
  'prompts.pick': z.strictObject({ flowPath: filePath }),
  'load.start': loadStartInput,
  'load.stop': none,
  'load.status': none,
  'load.report': none,
  /** A test file as `tests.list` names it, run with the environment's webhooks (or mocks). */
  'tests.run': z.strictObject({ path: filePath, environmentId }),
  'flows.explore': z.strictObject({
    flowPath: filePath,
    environmentId,
    /** How many cases to keep at most (the CLI's default when absent). */
    maxCases: z.number().int().min(1).max(500).optional(),
  }),
  'tests.saveGenerated': z.strictObject({
    /** Where to save (the report's `suggestedPath`): a free name is picked if it exists. */
    path: filePath,
    text: z
      .string()
      .min(1, 'nothing to save')
      .max(1024 * 1024, 'at most 1 MiB'),
  }),
} as const satisfies Record<Channel, z.ZodType>;
