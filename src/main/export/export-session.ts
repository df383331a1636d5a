/**
 * One entry point for every export surface (the CLI's `sessions export`, the Sessions screen):
 * a session and a format in, the file's text out.
 */
import type { SessionDetail } from '../../shared/session-types.ts';
import type { Exporter } from './exporter.ts';
import { sessionToHar } from './session-har.ts';
import { sessionToJson } from './session-json.ts';
import { sessionToMockEnvironment } from './session-mock.ts';

/**
 * Every format a session can be saved as; the CLI lists them when --format is missing or wrong.
 * `mock` is an environment file whose mock replies give back every reply the call received.
 */
export const EXPORT_FORMATS = ['json', 'har', 'mock'] as const;

/** One of {@link EXPORT_FORMATS}. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** True when `value` names an export format. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return (EXPORT_FORMATS as readonly unknown[]).includes(value);
}

/** The usual file extension of a format (`.json`, `.har`, `.yaml`), for save dialogs and names. */
export function exportExtension(format: ExportFormat): string {
  return format === 'mock' ? '.yaml' : `.${format}`;
}

/** The media type of a format's file. */
export function exportMimeType(format: ExportFormat): string {
  return format === 'mock' ? 'application/yaml' : 'application/json';
}

/** The session exported in `format`, as the text of the file. */
export function exportSession(
  session: SessionDetail,
  format: ExportFormat,
  exporter: Exporter,
): string {
  if (format === 'har') return sessionToHar(session, exporter);
  if (format === 'mock') return sessionToMockEnvironment(session, exporter);
  return sessionToJson(session, exporter);
}
