/**
 * The composition root of the console's services, shared by the Electron shell and browser mode:
 * the session log, the demo CRM on loopback, settings, the flow catalog, speech and the calls.
 * Plain TypeScript: the shell passes in what only it knows (paths, version, speech, links).
 */
import { join, resolve } from 'node:path';
import type { AppInfo } from '../../shared/contract.ts';
import { startDemoCrm } from '../demo-crm/demo-crm-server.ts';
import { createRealClock } from '../engine/clock.ts';
import { createMockServer } from '../mock/mock-server.ts';
import { charsPerSecondAt, createSilentSpeaker } from '../engine/speaker.ts';
import { createMemorySecretStore } from '../secrets/secret-store.ts';
import { openSessionStore } from '../store/session-store.ts';
import { createCallManager } from './call-manager.ts';
import { createCallStarter } from './call-starter.ts';
import type { ConsoleServices, ConsoleServicesOptions } from './console-services-types.ts';
import { createEnvironmentLibrary } from './environment-library.ts';
import { createEventHub } from './event-hub.ts';
import { createExternalLinks } from './external-links.ts';
import { createFlowAccess } from './flow-access.ts';
import { createFlowCatalog } from './flow-catalog.ts';
import { createFlowEditing } from './flow-editing.ts';
import { createFlowExplorer } from './flow-explorer.ts';
import { createFlowPathGrants } from './flow-path-grants.ts';
import { createFlowWatcher } from './flow-watcher.ts';
import { createLibraryAccess } from './library-access.ts';
import { createLoadRunner } from './load-runner.ts';
import { openRecentFiles } from './recent-files.ts';
import { createReplaySpeech } from './replay-speech.ts';
import { createRequestSender } from './request-sender.ts';
import { createSessionLibrary } from './session-library.ts';
import { openSettingsStore } from './settings-store.ts';
import { createTestCaseLibrary } from './test-case-library.ts';
import { createTestRunner } from './test-runner.ts';
import { createWorkspaceService } from './workspace-service.ts';

// The shell, browser mode and the tests import the interfaces with createConsoleServices; they
// live in console-services-types.ts and speech-backend.ts so the services this root builds need
// not import it.
export type { ConsoleServices, ConsoleServicesOptions } from './console-services-types.ts';
export type { SpeechBackend } from './speech-backend.ts';

/** Starts the services: opens the log, starts the demo CRM on a free loopback port. */
export async function createConsoleServices(
  options: ConsoleServicesOptions,
): Promise<ConsoleServices> {
  const databasePath = options.databasePath ?? join(options.dataDir, 'sessions.db');
  const store = openSessionStore({ path: databasePath });
  const demoCrm = await startDemoCrm({ port: 0 });
  const hub = createEventHub();
  const settings = openSettingsStore(options.dataDir);
  const clock = createRealClock();
  const told = new Set<string>();
  // Each notice is said once per run, not once per prompt.
  const noticeOnce = (key: string, message: string): void => {
    if (told.has(key)) return;
    told.add(key);
    hub.emit({ kind: 'notice', level: 'warning', message });
  };
  if (settings.loadProblem) noticeOnce('settings', `Settings: ${settings.loadProblem}`);
  const speech = options.speech;
  // Calls and replays share one notice: the engine is broken for both.
  const speechFailed = (error: Error): void =>
    noticeOnce(
      'speech-error',
      `Speech failed (${error.message}): prompts are shown as captions only.`,
    );
  const calls = createCallManager({
    store,
    hub,
    clock,
    createSpeaker() {
      // Read per prompt: a rate changed in Settings applies to the next prompt, spoken or not.
      const silent = createSilentSpeaker(clock, () => charsPerSecondAt(settings.get().speech.rate));
      if (!speech) {
        noticeOnce(
          'no-speech',
          'No text-to-speech engine was found (macOS say, Windows SAPI, or spd-say / espeak-ng on Linux): prompts are shown as captions only.',
        );
        return silent;
      }
      const spoken = speech.createSpeaker(() => settings.get().speech, speechFailed, silent);
      // Muted speech still takes a prompt's time, so a call keeps its pace.
      return {
        speak: (text, o) => (settings.get().speech.enabled ? spoken : silent).speak(text, o),
      };
    },
  });
  const recent = openRecentFiles(options.dataDir);
  const workspace = createWorkspaceService({
    hub,
    recent,
    schemaPath: join(options.resourcesDir, 'flow.schema.json'),
    dialogs: options.dialogs ?? null,
  });
  const flows = createFlowCatalog(join(options.resourcesDir, 'flows'), {
    workspaceFlows: () => workspace.flows(),
    recentFlows: () => recent.flows(),
  });
  // Main opens a flow for the page itself (menu, drop): the page may then name it.
  const flowPathGrants = createFlowPathGrants(options.dialogs !== undefined);
  hub.subscribe((event) => {
    if (event.kind === 'flow_opened') flowPathGrants.grant(event.path);
  });
  const secretStore = options.secretStore ?? createMemorySecretStore();
  // Listens only once an environment with a `mock` section places a call.
  const mockServer = createMockServer();
  const environments = createEnvironmentLibrary({
    mockServer,
    root: () => workspace.root(),
    secrets: secretStore,
    demoCrmUrl: demoCrm.url,
    shell: options.shell,
    ...(options.dialogs ? { pickFile: options.dialogs.pemFile } : {}),
  });
  const startAt = options.workspace ?? recent.workspaces()[0];
  if (startAt !== undefined) {
    // The last workspace may be gone (a deleted checkout): start without one, and say so only
    // when it was asked for by name.
    await workspace.open(resolve(startAt), true).catch((error: unknown) => {
      if (options.workspace !== undefined) {
        console.error(`[workspace] ${(error as Error).message}`);
        noticeOnce('workspace', `Workspace: ${(error as Error).message}`);
      }
    });
  }
  const flowWatcher = createFlowWatcher((path) => hub.emit({ kind: 'flow_changed', path }));
  const replaySpeech = createReplaySpeech(speech, () => settings.get().speech, speechFailed, clock);
  const info: AppInfo = {
    version: options.version,
    platform: process.platform,
    shell: options.shell,
    dataDir: options.dataDir,
    databasePath: store.path,
    demoCrmUrl: demoCrm.url,
  };
  const sessions = createSessionLibrary(store, flows, () => workspace.root());
  const tests = createTestCaseLibrary(
    join(options.resourcesDir, 'tests'),
    join(options.dataDir, 'tests'),
    flows,
    () => workspace.root(),
  );
  const flowAccess = createFlowAccess({
    flows,
    workspace,
    grants: flowPathGrants,
    watcher: flowWatcher,
    hub,
  });
  const openExternal = options.openExternal ?? null;
  const loadRunner = createLoadRunner({
    flowAccess,
    environments,
    tests,
    workspaceRoot: () => workspace.root(),
    hub,
    logPath: store.path,
  });
  return {
    info,
    hub,
    settings,
    flows,
    calls,
    store,
    sessions,
    tests,
    flowWatcher,
    replaySpeech,
    demoCrm,
    speech,
    openExternal,
    workspace,
    environments,
    flowPathGrants,
    flowAccess,
    flowEditing: createFlowEditing({
      grants: flowPathGrants,
      flows,
      root: () => workspace.root(),
      ...(options.dialogs?.audioFile ? { pickAudio: options.dialogs.audioFile } : {}),
    }),
    callStarter: createCallStarter({ flowAccess, environments, settings, calls }),
    requestSender: createRequestSender({ environments, flowAccess }),
    library: createLibraryAccess({ sessions, tests, environments, grants: flowPathGrants }),
    links: createExternalLinks(openExternal),
    loadRunner,
    testRunner: createTestRunner({ environments, tests, workspaceRoot: () => workspace.root() }),
    flowExplorer: createFlowExplorer({
      environments,
      workspaceRoot: () => workspace.root(),
      savedTestsDir: join(options.dataDir, 'tests'),
      checkFlow: (path) => flowPathGrants.check(path),
    }),
    async close() {
      flowWatcher.close();
      await loadRunner.close();
      workspace.dispose();
      replaySpeech.cancel();
      await calls.closeAll();
      await demoCrm.close();
      await mockServer.close();
      store.close();
    },
  };
}
