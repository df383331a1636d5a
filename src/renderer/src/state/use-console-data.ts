/**
 * What the console needs before the first call: app facts, flows, environments, settings and the
 * speech engine, loaded once; settings stay editable.
 */
import { useCallback, useEffect, useState } from 'react';
import type {
  AppInfo,
  ChannelInput,
  Environment,
  FlowEntry,
  Settings,
  SpeechStatus,
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
  settings: Settings | null;
  speech: SpeechStatus | null;
  /** Saves a settings change; resolves to the settings in force, rejects with the reason. */
  updateSettings(patch: ChannelInput<'settings.update'>): Promise<Settings>;
  /** Reloads the flow list (a flow file may have been fixed on disk). */
  reloadFlows(): Promise<void>;
}

type Loaded = Omit<ConsoleData, 'updateSettings' | 'reloadFlows'>;

const LOADING: Loaded = {
  status: 'loading',
  error: null,
  info: null,
  flows: [],
  environments: [],
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
      const [info, flows, environments, settings, speech] = await Promise.all([
        call('app.info', {}),
        call('flows.list', {}),
        call('environments.list', {}),
        call('settings.get', {}),
        // A speech engine that cannot list its voices must not keep the console from starting.
        call('speech.status', {}).catch((): SpeechStatus => ({ engine: null, voices: [] })),
      ]);
      return { status: 'ready', error: null, info, flows, environments, settings, speech };
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

  return { ...data, updateSettings, reloadFlows };
}
