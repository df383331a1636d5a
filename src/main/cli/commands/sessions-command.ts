/**
 * `sessions list`, `sessions show <id>` and `sessions export <id>`: the session log from the
 * terminal, read-only (they never create, migrate or change the file).
 */
import { resolve } from 'node:path';
import type { SessionSummary } from '../../../shared/session-types.ts';
import { EXPORT_FORMATS, exportSession, isExportFormat } from '../../export/export-session.ts';
import { APP_EXPORTER } from '../../export/exporter.ts';
import { writeFileAtomic } from '../../fs/write-file-atomic.ts';
import type { SessionStore } from '../../store/session-store.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT, parseOptions, println, UsageError } from '../cli-io.ts';
import { formatEvent } from '../format-event.ts';
import { lookUpSession, openSessionLog, sessionDbPath } from '../session-log-option.ts';

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  limit: { type: 'string' },
  flow: { type: 'string' },
} as const;

const EXPORT_OPTIONS = {
  db: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
} as const;

function duration(ms: number | null): string {
  return ms === null ? '-' : `${(ms / 1000).toFixed(1)}s`;
}

function summaryLine(s: SessionSummary): string {
  const started = new Date(s.startedAt).toISOString().replace('T', ' ').slice(0, 19);
  return [
    s.id.slice(0, 8),
    started,
    s.flowId.padEnd(18),
    s.source.padEnd(14),
    s.status.padEnd(11),
    duration(s.durationMs).padStart(7),
  ].join('  ');
}

/**
 * `sessions export <id> --format json|har|mock [--output FILE]`: the document on stdout, or written
 * atomically to FILE (its path then goes to stderr, keeping stdout for data only).
 */
async function sessionsExport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, EXPORT_OPTIONS, 'sessions export');
  if (positionals.length !== 1)
    throw new UsageError(
      'sessions export: name one session id (or a unique prefix of 4+ characters)',
    );
  const formats = `${EXPORT_FORMATS.slice(0, -1).join(', ')} or ${EXPORT_FORMATS.at(-1)}`;
  if (values.format === undefined)
    throw new UsageError(`sessions export: --format is required (${formats})`);
  if (!isExportFormat(values.format))
    throw new UsageError(`sessions export: unknown --format "${values.format}" (${formats})`);
  const id = positionals[0] as string;
  const path = sessionDbPath(values.db, io);
  const store = openSessionLog(values.db, io, { readonly: true });
  let session;
  try {
    session = lookUpSession(store, id, 'sessions export');
  } finally {
    store.close();
  }
  if (!session) {
    println(io.stderr, `sessions export: no session "${id}" in ${path}`);
    return EXIT.failed;
  }
  const text = exportSession(session, values.format, APP_EXPORTER);
  if (values.output === undefined) {
    io.stdout.write(text);
    return EXIT.ok;
  }
  const file = resolve(io.cwd, values.output);
  try {
    await writeFileAtomic(file, text);
  } catch (error) {
    println(io.stderr, `sessions export: cannot write ${file}: ${(error as Error).message}`);
    return EXIT.failed;
  }
  println(io.stderr, `session ${session.id} exported as ${values.format} to ${file}`);
  return EXIT.ok;
}

/** Runs `sessions <list|show|export>`. */
export async function sessionsCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'export') return sessionsExport(rest, io);
  const { values, positionals } = parseOptions(rest, OPTIONS, `sessions ${sub ?? ''}`.trim());
  const path = sessionDbPath(values.db, io);
  // Listing and showing only read: a mistyped --db is an error, not a new empty log.
  const open = (): SessionStore => openSessionLog(values.db, io, { readonly: true });
  if (sub === 'list') {
    if (positionals.length > 0)
      throw new UsageError(`sessions list: unexpected argument "${positionals[0]}"`);
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
      throw new UsageError(
        `sessions list: --limit must be a whole number from 1 to 10000, not "${values.limit}"`,
      );
    }
    const store = open();
    try {
      const sessions = store.list({ limit, ...(values.flow ? { flowId: values.flow } : {}) });
      if (values.json) println(io.stdout, JSON.stringify(sessions, null, 2));
      else if (sessions.length === 0) println(io.stdout, `no sessions in ${path}`);
      else {
        println(
          io.stdout,
          [
            'id      ',
            'started (UTC)      ',
            'flow'.padEnd(18),
            'caller'.padEnd(14),
            'outcome'.padEnd(11),
            'duration',
          ].join('  '),
        );
        for (const s of sessions) println(io.stdout, summaryLine(s));
      }
      return EXIT.ok;
    } finally {
      store.close();
    }
  }
  if (sub === 'show') {
    if (positionals.length !== 1)
      throw new UsageError(
        'sessions show: name one session id (or a unique prefix of 4+ characters)',
      );
    const store = open();
    try {
      const session = lookUpSession(store, positionals[0] as string, 'sessions show');
      if (!session) {
        println(io.stderr, `sessions show: no session "${positionals[0]}" in ${path}`);
        return EXIT.failed;
      }
      if (values.json) println(io.stdout, JSON.stringify(session, null, 2));
      else {
        println(io.stdout, `session ${session.id}`);
        println(
          io.stdout,
          `flow    ${session.flowName} (${session.flowId})${session.flowPath ? ` ${session.flowPath}` : ''}`,
        );
        println(io.stdout, `caller  ${session.source} -> ${session.destination}`);
        println(
          io.stdout,
          `started ${new Date(session.startedAt).toISOString()}, ${duration(session.durationMs)}, ${session.status}${session.endedBy ? ` (by ${session.endedBy})` : ''}`,
        );
        println(io.stdout);
        for (const event of session.events) {
          const line = formatEvent(event);
          if (line !== null) println(io.stdout, line);
        }
      }
      return EXIT.ok;
    } finally {
      store.close();
    }
  }
  throw new UsageError(
    sub
      ? `sessions: unknown subcommand "${sub}" (list, show or export)`
      : 'sessions: name a subcommand: list, show or export',
  );
}
