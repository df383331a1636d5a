/**
 * Where the session database lives. The desktop app and the CLI must agree on it, so this mirrors
 * Electron's `app.getPath('userData')` without importing electron (the CLI runs under plain Node).
 */
import os from 'node:os';
import path from 'node:path';

/** The app's productName in package.json: Electron names the userData folder after it. */
const APP_DIR_NAME = 'IVR Test Console';

/** The database file name inside the data directory. */
const DATABASE_FILE_NAME = 'sessions.db';

/**
 * The directory holding the app's data: `IVR_CONSOLE_DATA_DIR` when set, else the folder Electron
 * uses as `userData` for an app named "IVR Test Console" on `platform`.
 *
 * @param env - environment to read (defaults to `process.env`)
 * @param platform - platform whose conventions apply (defaults to `process.platform`)
 * @param home - the user's home directory (defaults to `os.homedir()`)
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const override = env.IVR_CONSOLE_DATA_DIR;
  if (override) return override;
  // Join with the target platform's rules, not the host's, so every platform can be tested anywhere.
  if (platform === 'win32') {
    // Electron's appData on Windows is the roaming AppData known folder, which %APPDATA% names.
    const appData = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_DIR_NAME);
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  }
  // Linux and the other POSIX platforms: Chromium takes XDG_CONFIG_HOME as is when non-empty.
  const configHome = env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
  return path.posix.join(configHome, APP_DIR_NAME);
}

/**
 * The session database shared by the desktop app and the CLI: `sessions.db` in
 * {@link defaultDataDir}.
 *
 * @param env - environment to read (defaults to `process.env`)
 * @param platform - platform whose conventions apply (defaults to `process.platform`)
 * @param home - the user's home directory (defaults to `os.homedir()`)
 */
export function defaultDatabasePath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const dir = defaultDataDir(env, platform, home);
  return platform === 'win32'
    ? path.win32.join(dir, DATABASE_FILE_NAME)
    : path.posix.join(dir, DATABASE_FILE_NAME);
}
