/**
 * What each channel of the contract does, in terms of the services. Inputs arrive already
 * validated (dispatch-request.ts); refusals are ServiceErrors with their envelope code.
 */
import type { Channel, ChannelOutput, ValidInput } from '../../shared/contract.ts';
import { sendRequest, SendRequestError } from '../calls/send-request.ts';
import type { ConsoleServices } from '../services/console-services.ts';
import { runnableFlow } from '../services/runnable-flow.ts';
import { ServiceError } from '../services/service-errors.ts';

/** One handler per channel. */
export type ChannelHandlers = {
  [C in Channel]: (input: ValidInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

/** The handlers over `services`. */
export function createChannelHandlers(services: ConsoleServices): ChannelHandlers {
  const grants = services.flowPathGrants;
  /** Opens a flow the page names: one it was shown (desktop app), or any (browser mode). */
  const openGranted = (path: string) => {
    grants.check(path);
    return services.flows.open(path);
  };
  return {
    'app.info': () => services.info,
    'flows.list': async () => {
      const flows = await services.flows.list();
      for (const flow of flows) grants.grant(flow.path);
      return flows;
    },
    'flows.open': async ({ path }) => {
      const document = await openGranted(path);
      // Opened in the console, so shown: a save in an editor reloads the flow view.
      if (!document.readError) services.flowWatcher.watch(document.path);
      return document;
    },
    'environments.list': () => services.environments.list(),
    'call.start': async ({ flowPath, environmentId, source, destination, variables }) => {
      const document = await openGranted(flowPath);
      const flow = runnableFlow(document);
      // After the flow: a broken flow is the first thing to fix, then a missing secret.
      const environment = await services.environments.forCall(environmentId);
      services.settings.update({
        lastCall: { flowPath: document.path, environmentId, source, destination },
      });
      const { callId, sessionId } = services.calls.start({
        flow,
        flowPath: document.path,
        source,
        destination,
        variables: { ...environment.variables, ...variables },
        environment,
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
    'sessions.list': (query) => {
      const page = services.sessions.list(query);
      for (const item of page.items) grants.grant(item.flowPath);
      return page;
    },
    'sessions.get': ({ id }) => {
      const session = services.sessions.get(id);
      grants.grant(session.flowPath);
      return session;
    },
    'sessions.delete': ({ id }) => {
      services.sessions.delete(id);
      return null;
    },
    'sessions.export': ({ id, format }) => services.sessions.export(id, format),
    'sessions.rerun': async ({ id, mode, environmentId }) => {
      const environment =
        environmentId === undefined ? null : await services.environments.forCall(environmentId);
      return services.sessions.rerun(id, mode, environment);
    },
    'sessions.saveAsTest': ({ id, name }) =>
      services.tests.saveSession(services.sessions.get(id), name),
    'tests.list': async () => {
      const files = await services.tests.list();
      for (const file of files) grants.grant(file.flowPath);
      return files;
    },
    'workspace.get': () => services.workspace.state(),
    'workspace.open': ({ path }) => services.workspace.open(path),
    'workspace.close': () => services.workspace.close(),
    'flows.openFile': async ({ path }) => {
      const document = await services.workspace.openFlow(services.flows, path);
      if (document) {
        grants.grant(document.path);
        services.flowWatcher.watch(document.path);
      }
      return document;
    },
    'flows.create': async (input) => {
      const document = await services.workspace.createFlow(services.flows, input);
      grants.grant(document.path);
      return document;
    },
    'environments.get': ({ id }) => services.environments.get(id),
    'environments.save': ({ id, form }) => services.environments.save(id, form),
    'environments.create': ({ name, fileName }) => services.environments.create(name, fileName),
    'environments.pickFile': ({ id, purpose }) => services.environments.pickFile(id, purpose),
    'secrets.set': ({ environmentId, name, value }) =>
      services.environments.setSecret(environmentId, name, value),
    'request.send': async ({ flowPath, nodeId, environmentId, variables }) => {
      const environment = await services.environments.forCall(environmentId);
      const flow = runnableFlow(await openGranted(flowPath));
      try {
        return await sendRequest({ flow, nodeId, environment, variables: variables ?? {} });
      } catch (error) {
        if (error instanceof SendRequestError) throw new ServiceError('not_found', error.message);
        throw error;
      }
    },
    'links.openExternal': async ({ url }) => {
      if (!services.openExternal)
        throw new ServiceError('forbidden', 'links open in this browser, not from the console');
      await services.openExternal(url);
      return null;
    },
  };
}
