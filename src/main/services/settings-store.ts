/**
 * User settings in `settings.json` beside the session database: validated on load (a corrupt or
 * hand-edited file falls back to defaults for what is wrong and says so), written atomically.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../../shared/contract.ts';
import { SettingsSchema } from '../../shared/contract-schemas.ts';
import type { ValidInput } from '../../shared/contract.ts';
import { DEMO_DESTINATION, DEMO_SOURCE } from '../../shared/demo-numbers.ts';
import { writeFileAtomicSync } from '../fs/write-file-atomic.ts';

/** The settings a fresh install starts with. */
export const DEFAULT_SETTINGS: Settings = {
  dtmf: { enabled: true, toneMs: 80, minGapMs: 50, levelDb: -12, highToneBoostDb: 2 },
  speech: { enabled: true, voice: null, rate: 175 },
  lastCall: {
    flowPath: null,
    environmentId: 'demo',
    source: DEMO_SOURCE,
    destination: DEMO_DESTINATION,
  },
};

/** Reads and updates settings. */
export interface SettingsStore {
  get(): Settings;
  update(patch: ValidInput<'settings.update'>): Settings;
  /** Why the file on disk was not used as it was, if it was not. */
  readonly loadProblem: string | null;
}

/** Opens `settings.json` in `dataDir`. */
export function openSettingsStore(dataDir: string): SettingsStore {
  const file = join(dataDir, 'settings.json');
  let loadProblem: string | null = null;
  let current: Settings = structuredClone(DEFAULT_SETTINGS);
  try {
    const parsed = SettingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) current = parsed.data;
    else
      loadProblem = `${file}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}; using defaults`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      loadProblem = `${file} could not be read (${(error as Error).message}); using defaults`;
    }
  }
  const save = (): void =>
    writeFileAtomicSync(file, JSON.stringify(current, null, 2) + '\n', { createFolder: true });
  return {
    get: () => structuredClone(current),
    update(patch) {
      const next: Settings = {
        dtmf: { ...current.dtmf, ...patch.dtmf },
        speech: { ...current.speech, ...patch.speech },
        lastCall: { ...current.lastCall, ...patch.lastCall },
      };
      current = SettingsSchema.parse(next);
      save();
      return structuredClone(current);
    },
    get loadProblem() {
      return loadProblem;
    },
  };
}
