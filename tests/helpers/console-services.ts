/**
 * Real console services for tests: a fresh data dir, the real session log and demo CRM, no
 * speech engine (captions only).
 */
import { join } from 'node:path';
import { createChannelHandlers } from '../../src/main/ipc/channel-handlers.ts';
import type { ChannelHandlers } from '../../src/main/ipc/channel-handlers.ts';
import { createConsoleServices } from '../../src/main/services/console-services.ts';
import type {
  ConsoleServices,
  ConsoleServicesOptions,
} from '../../src/main/services/console-services.ts';
import { ROOT, tempDir } from './cli-process.ts';

/** Services plus their handlers. */
export interface TestConsole {
  services: ConsoleServices;
  handlers: ChannelHandlers;
  dataDir: string;
}

/**
 * Starts services in a fresh temp data dir (or `options.dataDir`); close them with
 * `services.close()`. `options` go over the defaults (a workspace, dialogs, a secret store).
 */
export async function startTestConsole(
  options: Partial<ConsoleServicesOptions> = {},
): Promise<TestConsole> {
  const dataDir = options.dataDir ?? tempDir('ivr-console-');
  const services = await createConsoleServices({
    dataDir,
    resourcesDir: join(ROOT, 'resources'),
    shell: 'browser',
    version: '0.0.0-test',
    speech: null,
    ...options,
  });
  return { services, handlers: createChannelHandlers(services), dataDir };
}
