/**
 * What each channel of the contract does, in terms of the services. Inputs arrive already
 * validated (dispatch-request.ts); refusals are ServiceErrors with their envelope code.
 */
import type { Channel, ChannelOutput, Environment, ValidInput } from '../../shared/contract.ts';
import type { ConsoleServices } from '../services/console-services.ts';
import { runnableFlow } from '../services/runnable-flow.ts';
import { ServiceError } from '../services/service-errors.ts';

/** One handler per channel. */
export type ChannelHandlers = {
  [C in Channel]: (input: ValidInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

/** The environment `id`, or a `not_found` refusal naming it. */
function findEnvironment(services: ConsoleServices, id: string): Environment {
  const environment = services.environments().find((e) => e.id === id);
  if (!environment) throw new ServiceError('not_found', `no environment "${id}"`);
  return environment;
}

function notYet(): never {
  throw new ServiceError('failed', 'not implemented yet');
}

/** The handlers over `services`. */
export function createChannelHandlers(services: ConsoleServices): ChannelHandlers {
  return {
    'app.info': () => services.info,
    'flows.list': () => services.flows.list(),
    'flows.open': async ({ path }) => {
      const document = await services.flows.open(path);
      // Opened in the console, so shown: a save in an editor reloads the flow view.
      if (!document.readError) services.flowWatcher.watch(document.path);
      return document;
    },
    'environments.list': () => services.environments(),
    'call.start': async ({ flowPath, environmentId, source, destination, variables }) => {
      const environment = findEnvironment(services, environmentId);
      const document = await services.flows.open(flowPath);
      const flow = runnableFlow(document);
      services.settings.update({
        lastCall: { flowPath: document.path, environmentId, source, destination },
      });
      const { callId, sessionId } = services.calls.start({
        flow,
        flowPath: document.path,
        source,
        destination,
        variables: { ...environment.variables, ...variables },
      });
      return { callId, sessionId };
    },
    'call.pressKey': ({ callId, key }) => ({ accepted: services.calls.pressKey(callId, key) }),
    'call.hangUp': ({ callId }) => {
      services.calls.hangUp(callId);
      return null;
    },
    'call.setVariable': ({ callId, name, value }) => {
      services.calls.setVariable(callId, name, value);
      return null;
    },
    'call.snapshot': ({ callId }) => services.calls.snapshot(callId),
    'settings.get': () => services.settings.get(),
    'settings.update': (patch) => services.settings.update(patch),
    'speech.status': async () => ({
      engine: services.speech?.id ?? null,
      voices: services.speech ? await services.speech.voices() : [],
    }),
    'speech.speak': async ({ text, locale, speed }) => {
      await services.replaySpeech.speak(text, {
        ...(locale ? { locale } : {}),
        ...(speed ? { speed } : {}),
      });
      return null;
    },
    'speech.cancel': () => {
      services.replaySpeech.cancel();
      return null;
    },
    'sessions.list': (query) => services.sessions.list(query),
    'sessions.get': ({ id }) => services.sessions.get(id),
    'sessions.delete': ({ id }) => {
      services.sessions.delete(id);
      return null;
    },
    'sessions.export': ({ id, format }) => services.sessions.export(id, format),
    'sessions.rerun': ({ id, mode, environmentId }) => {
      const variables =
        environmentId === undefined ? {} : findEnvironment(services, environmentId).variables;
      return services.sessions.rerun(id, mode, variables);
    },
    'sessions.saveAsTest': ({ id, name }) =>
      services.tests.saveSession(services.sessions.get(id), name),
    'tests.list': () => services.tests.list(),
    // TEMPORARY (being implemented in this change): the workspace channels.
    'workspace.get': () => notYet(),
    'workspace.open': () => notYet(),
    'workspace.close': () => notYet(),
    'flows.openFile': () => notYet(),
    'flows.create': () => notYet(),
    'environments.get': () => notYet(),
    'environments.save': () => notYet(),
    'environments.create': () => notYet(),
    'environments.pickFile': () => notYet(),
    'secrets.set': () => notYet(),
    'request.send': () => notYet(),
    'links.openExternal': async ({ url }) => {
      if (!services.openExternal)
        throw new ServiceError('forbidden', 'links open in this browser, not from the console');
      await services.openExternal(url);
      return null;
    },
  };
}
