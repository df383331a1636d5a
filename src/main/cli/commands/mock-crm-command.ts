/**
 * `mock-crm`: the demo CRM in the foreground. The first stdout line is
 * `listening on http://127.0.0.1:PORT`; each request is logged to stderr; Ctrl-C stops it.
 */
import { DEMO_CRM_DEFAULT_PORT, startDemoCrm } from '../../demo-crm/demo-crm-server.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT, parseOptions, println, UsageError } from '../cli-io.ts';

/** Runs `mock-crm` until the signal aborts. */
export async function mockCrmCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { port: { type: 'string' } }, 'mock-crm');
  if (positionals.length > 0)
    throw new UsageError(`mock-crm: unexpected argument "${positionals[0]}"`);
  const port = values.port === undefined ? DEMO_CRM_DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(
      `mock-crm: --port must be a port number from 0 to 65535, not "${values.port}"`,
    );
  }
  let crm;
  try {
    crm = await startDemoCrm({
      port,
      onRequest: (r, ms) =>
        println(io.stderr, `${r.method} ${r.path} -> ${r.status} (${ms.toFixed(1)} ms)`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new UsageError(`mock-crm: port ${port} is in use (try --port 0)`);
    throw error;
  }
  println(io.stdout, `listening on ${crm.url}`);
  println(io.stderr, 'demo CRM ready; Ctrl-C to stop');
  await new Promise<void>((resolve) => {
    if (io.signal.aborted) resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await crm.close();
  return EXIT.ok;
}
