/**
 * How the app's version reaches the sandboxed preload. A sandboxed preload cannot read
 * package.json or call `app.getVersion()`, so main appends `--ivr-app-version=<v>` to the renderer's
 * argv (`webPreferences.additionalArguments`) and the preload reads it back from `process.argv`.
 * Pure: no electron import, so main, preload and tests share it.
 */

/** The argv prefix main uses and the preload looks for. */
export const APP_VERSION_ARGUMENT_PREFIX = '--ivr-app-version=';

/** What the preload reports when main passed no version (e.g. a window opened by other code). */
export const UNKNOWN_VERSION = 'unknown';

/**
 * The argument main appends to the renderer's command line.
 *
 * @param version - the app's version, from `app.getVersion()`
 */
export function appVersionArgument(version: string): string {
  return `${APP_VERSION_ARGUMENT_PREFIX}${version}`;
}

/**
 * The app's version as main passed it, or {@link UNKNOWN_VERSION} when absent or empty.
 *
 * @param argv - the renderer process's `process.argv`
 */
export function readAppVersion(argv: readonly string[]): string {
  const argument = argv.find((arg) => arg.startsWith(APP_VERSION_ARGUMENT_PREFIX));
  const version = argument?.slice(APP_VERSION_ARGUMENT_PREFIX.length) ?? '';
  return version === '' ? UNKNOWN_VERSION : version;
}
