/**
 * `npm run web`: the console in a browser. The same services and contract as the desktop app,
 * served on loopback only; prints the URL to open, which carries a random token.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createChannelHandlers } from '../ipc/channel-handlers.ts';
import { createConsoleServices } from '../services/console-services.ts';
import { detectSpeechBackend } from '../services/os-speech-backend.ts';
import { defaultDataDir } from '../store/data-dir.ts';
import { startWebServer } from './web-server.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    // The workspace to open (../shared/spec/WORKSPACE.md); the page can open others by their path.
    workspace: { type: 'string' },
    // A build of its own (tests), instead of out/renderer that `npm run build` writes.
    'static-dir': { type: 'string' },
  },
  strict: true,
});
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`web: --port must be a port number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}
const { version } = (await import('../../../package.json', { with: { type: 'json' } })).default;
const services = await createConsoleServices({
  dataDir: values['data-dir'] ?? defaultDataDir(),
  resourcesDir: resolve(ROOT, 'resources'),
  shell: 'browser',
  version,
  speech: await detectSpeechBackend(),
  ...(values.workspace === undefined ? {} : { workspace: resolve(values.workspace) }),
});
const server = await startWebServer({
  handlers: createChannelHandlers(services),
  hub: services.hub,
  staticDir: resolve(values['static-dir'] ?? resolve(ROOT, 'out/renderer')),
  port,
});
console.log(`IVR Test Console (browser mode): ${server.url}`);
console.error(
  `sessions: ${services.info.databasePath}; demo CRM: ${services.demoCrm.url}; Ctrl-C to stop`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    void Promise.all([server.close(), services.close()]).then(() => process.exit(0));
  });
}
