/**
 * Who wrote an export: named in every exported document so a file found later says which app and
 * version produced it.
 */
import packageJson from '../../../package.json' with { type: 'json' };

/** The application that exports. */
export interface Exporter {
  name: string;
  version: string;
}

/** This app, at the version in package.json (the same one Electron reports). */
export const APP_EXPORTER: Readonly<Exporter> = Object.freeze({
  name: packageJson.productName,
  version: packageJson.version,
});
