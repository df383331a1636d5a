/**
 * What each channel of the contract does, in terms of the services. Inputs arrive already
 * validated (dispatch-request.ts); refusals are ServiceErrors with their envelope code.
 */
import type { Channel, ChannelOutput, ValidInput } from '../../shared/contract.ts';
import type { ConsoleServices } from '../services/console-services.ts';
import { ServiceError } from '../services/service-errors.ts';

/** One handler per channel. */
export type ChannelHandlers = {
  [C in Channel]: (input: ValidInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

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
      const environment = services.environments().find((e) => e.id === environmentId);
      if (!environment) throw new ServiceError('not_found', `no environment "${environmentId}"`);
      const document = await services.flows.open(flowPath);
      if (document.readError)
        throw new ServiceError('not_found', `${flowPath}: ${document.readError}`);
      if (!document.flow) {
        const errors = document.problems.filter((p) => p.severity === 'error');
        const first = errors[0];
        throw new ServiceError(
          'conflict',
          `the flow has ${errors.length} error${errors.length === 1 ? '' : 's'}${first ? `, first: ${first.pointer}: ${first.message}` : ''}`,
        );
      }
      services.settings.update({
        lastCall: { flowPath: document.path, environmentId, source, destination },
      });
      const { callId, sessionId } = services.calls.start({
        flow: document.flow,
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
      let variables = {};
      if (environmentId !== undefined) {
        const environment = services.environments().find((e) => e.id === environmentId);
        if (!environment) throw new ServiceError('not_found', `no environment "${environmentId}"`);
        variables = environment.variables;
      }
      return services.sessions.rerun(id, mode, variables);
    },
    'sessions.saveAsTest': ({ id, name }) =>
      services.tests.saveSession(services.sessions.get(id), name),
    'tests.list': () => services.tests.list(),
    'links.openExternal': async ({ url }) => {
      if (!services.openExternal)
        throw new ServiceError('forbidden', 'links open in this browser, not from the console');
      await services.openExternal(url);
      return null;
    },
  };
}
