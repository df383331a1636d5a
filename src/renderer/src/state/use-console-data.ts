/**
 * What the console needs before the first call: app facts, the open workspace, flows,
 * environments, settings and the speech engine. Loaded once; the flow and environment lists are
 * loaded again when main reports that the workspace changed, and settings stay editable.
 */
import { useCallback, useEffect, useState } from 'react';
import type {
  AppInfo,
  ChannelInput,
  Environment,
  FlowEntry,
  Settings,
  SpeechStatus,
  WorkspaceState,
} from '../../../shared/contract.ts';
import { call, getApi } from '../api/ivr-api.ts';

/** The loaded data, or why it could not load. */
export interface ConsoleData {
  /** `disconnected`: the page has neither the preload nor a browser-mode token. */
  status: 'loading' | 'ready' | 'failed' | 'disconnected';
  error: string | null;
  info: AppInfo | null;
  flows: FlowEntry[];
  environments: Environment[];
  /** The open workspace and the recent lists; null when main could not say. */
  workspace: WorkspaceState | null;
  settings: Settings | null;
  speech: SpeechStatus | null;
  /** Saves a settings change; resolves to the settings in force, rejects with the reason. */
  updateSettings(patch: ChannelInput<'settings.update'>): Promise<Settings>;
  /** Reloads the flow list (a flow file may have been fixed on disk). */
  reloadFlows(): Promise<void>;
  /** Reloads the environments (one was edited, or a secret set). */
  reloadEnvironments(): Promise<void>;
  /** Takes the workspace state a workspace channel answered, and reloads both lists. */
  setWorkspace(workspace: WorkspaceState): Promise<void>;
}

type Loaded = Omit<
  ConsoleData,
  'updateSettings' | 'reloadFlows' | 'reloadEnvironments' | 'setWorkspace'
>;

const LOADING: Loaded = {
  status: 'loading',
  error: null,
  info: null,
  flows: [],
  environments: [],
  workspace: null,
  settings: null,
  speech: null,
};

/** Loads the console's data on mount. */
export function useConsoleData(): ConsoleData {
  const [data, setData] = useState<Loaded>(() =>
    getApi() ? LOADING : { ...LOADING, status: 'disconnected' },
  );

  useEffect(() => {
    let cancelled = false;
    if (!getApi()) return undefined;
    const load = async (): Promise<Loaded> => {
      const [info, flows, environments, workspace, settings, speech] = await Promise.all([
        call('app.info', {}),
        call('flows.list', {}),
        call('environments.list', {}),
        // Without the workspace state the phone still works: only the Open actions need it.
        call('workspace.get', {}).catch(() => null),
        call('settings.get', {}),
        // A speech engine that cannot list its voices must not keep the console from starting.
        call('speech.status', {}).catch((): SpeechStatus => ({ engine: null, voices: [] })),
      ]);
      return {
        status: 'ready',
        error: null,
        info,
        flows,
        environments,
        workspace,
        settings,
        speech,
      };
    };
    load().then(
      (loaded) => {
        if (!cancelled) setData(loaded);
      },
      (error: unknown) => {
        if (!cancelled) setData({ ...LOADING, status: 'failed', error: (error as Error).message });
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const updateSettings = useCallback(async (patch: ChannelInput<'settings.update'>) => {
    const settings = await call('settings.update', patch);
    setData((current) => ({ ...current, settings }));
    return settings;
  }, []);

  const reloadFlows = useCallback(async () => {
    const flows = await call('flows.list', {});
    setData((current) => ({ ...current, flows }));
  }, []);

  const reloadEnvironments = useCallback(async () => {
    const environments = await call('environments.list', {});
    setData((current) => ({ ...current, environments }));
  }, []);

  const setWorkspace = useCallback(
    async (workspace: WorkspaceState) => {
      setData((current) => ({ ...current, workspace }));
      await Promise.all([reloadFlows(), reloadEnvironments()]);
    },
    [reloadFlows, reloadEnvironments],
  );

  // Files added, renamed, edited or removed in the workspace (or another one opened from the
  // desktop app's menu): every list that comes from it is read again.
  useEffect(() => {
    const api = getApi();
    if (!api) return undefined;
    return api.subscribe((event) => {
      if (event.kind !== 'workspace_changed') return;
      call('workspace.get', {}).then(
        (workspace) => setData((current) => ({ ...current, workspace })),
        () => undefined,
      );
      reloadFlows().catch(() => undefined);
      reloadEnvironments().catch(() => undefined);
    });
  }, [reloadFlows, reloadEnvironments]);

  return { ...data, updateSettings, reloadFlows, reloadEnvironments, setWorkspace };
}
