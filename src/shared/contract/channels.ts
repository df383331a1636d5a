/**
 * The contract's channel names and the Electron channel prefixes. Apart from contract.ts so the
 * input schemas (contract-schemas.ts) are checked complete against the list without importing
 * the contract, which imports them.
 */

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
  'call.recording',
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
  'sessions.recording',
  'sessions.mockFromCall',
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
  'flows.text',
  'flows.save',
  'flows.validate',
  'prompts.list',
  'prompts.read',
  'prompts.pick',
  'load.start',
  'load.stop',
  'load.status',
  'load.report',
  'tests.run',
  'flows.explore',
  'tests.saveGenerated',
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
