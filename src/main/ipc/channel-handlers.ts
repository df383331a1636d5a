/**
 * What each channel of the contract does: one service call per channel, nothing else (VS Code's
 * ProxyChannel idea: a channel is a view of a service). Anything that takes more than one step
 * (granting, watching, looking up an environment) lives in the service it belongs to. Inputs
 * arrive already validated (dispatch-request.ts); refusals are ServiceErrors with their code.
 */
import type { Channel, ChannelOutput, ValidInput } from '../../shared/contract.ts';
import type { ConsoleServices } from '../services/console-services.ts';
import { readSpeechStatus } from '../services/speech-status.ts';

/**
 * The handler of channel `C`. One whose output is null may return nothing: dispatch-request.ts
 * answers null for it, so the handler can be the bare service call.
 */
type Handler<C extends Channel> =
  ChannelOutput<C> extends null
    ? (input: ValidInput<C>) => Promise<void> | void
    : (input: ValidInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

/** One handler per channel. */
export type ChannelHandlers = { [C in Channel]: Handler<C> };

/** The handlers over `services`. */
export function createChannelHandlers(services: ConsoleServices): ChannelHandlers {
  const { calls, environments, flowAccess, flowEditing, library, sessions, settings, workspace } =
    services;
  return {
    'app.info': () => services.info,
    'flows.list': () => flowAccess.list(),
    'flows.open': ({ path }) => flowAccess.open(path),
    'flows.openFile': ({ path }) => flowAccess.openFile(path),
    'flows.create': (input) => flowAccess.create(input),
    'flows.text': ({ path }) => flowEditing.text(path),
    'flows.save': ({ path, text, base }) => flowEditing.save(path, text, base),
    'flows.validate': ({ path, text }) => flowEditing.validate(path, text),
    'prompts.list': ({ flowPath }) => flowEditing.listPrompts(flowPath),
    'prompts.read': ({ flowPath, audio }) => flowEditing.readPrompt(flowPath, audio),
    'prompts.pick': ({ flowPath }) => flowEditing.pickPrompt(flowPath),
    'environments.list': () => environments.list(),
    'call.start': (input) => services.callStarter.start(input),
    'call.pressKey': ({ callId, key }) => ({ accepted: calls.pressKey(callId, key) }),
    'call.hangUp': ({ callId }) => calls.hangUp(callId),
    'call.setVariable': ({ callId, name, value }) => calls.setVariable(callId, name, value),
    'call.snapshot': ({ callId }) => calls.snapshot(callId),
    'call.recording': ({ callId, audio }) => calls.recording(callId, audio),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
    'speech.status': () => readSpeechStatus(services.speech),
    'speech.speak': ({ text, locale, speed }) =>
      services.replaySpeech.speak(text, { locale, speed }),
    'speech.cancel': () => services.replaySpeech.cancel(),
    'sessions.list': (query) => library.listSessions(query),
    'sessions.get': ({ id }) => library.getSession(id),
    'sessions.delete': ({ id }) => sessions.delete(id),
    'sessions.export': ({ id, format }) => sessions.export(id, format),
    'sessions.recording': ({ id, audio }) => sessions.recording(id, audio),
    'sessions.mockFromCall': ({ id }) => sessions.mockFromCall(id),
    'sessions.rerun': (input) => library.rerunSession(input),
    'sessions.saveAsTest': (input) => library.saveSessionAsTest(input),
    'tests.list': () => library.listTests(),
    'workspace.get': () => workspace.state(),
    'workspace.open': ({ path }) => workspace.open(path),
    'workspace.close': () => workspace.close(),
    'environments.get': ({ id }) => environments.get(id),
    'environments.save': ({ id, form }) => environments.save(id, form),
    'environments.create': ({ name, fileName }) => environments.create(name, fileName),
    'environments.pickFile': ({ id, purpose }) => environments.pickFile(id, purpose),
    'secrets.set': ({ environmentId, name, value }) =>
      environments.setSecret(environmentId, name, value),
    'request.send': (input) => services.requestSender.send(input),
    'links.openExternal': ({ url }) => services.links.open(url),
    'load.start': (input) => services.loadRunner.start(input),
    'load.stop': () => services.loadRunner.stop(),
    'load.status': () => services.loadRunner.status(),
    'load.report': () => services.loadRunner.report(),
    'tests.run': (input) => services.testRunner.run(input),
    'flows.explore': (input) => services.flowExplorer.explore(input),
    'tests.saveGenerated': (input) => services.flowExplorer.save(input),
  };
}
