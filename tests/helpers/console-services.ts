/**
 * Real console services for tests: a fresh data dir, the real session log and demo CRM, no
 * speech engine (captions only).
 */
import { join } from 'node:path';
import { createChannelHandlers } from '../../src/main/ipc/channel-handlers.ts';
import type { ChannelHandlers } from '../../src/main/ipc/channel-handlers.ts';
import { createConsoleServices } from '../../src/main/services/console-services.ts';
import type { ConsoleServices } from '../../src/main/services/console-services.ts';
import { ROOT, tempDir } from './cli-process.ts';

/** Services plus their handlers. */
export interface TestConsole {
  services: ConsoleServices;
  handlers: ChannelHandlers;
  dataDir: string;
}

/** Starts services in a fresh temp data dir; close them with `services.close()`. */
export async function startTestConsole(): Promise<TestConsole> {
  const dataDir = tempDir('ivr-console-');
  const services = await createConsoleServices({
    dataDir,
    resourcesDir: join(ROOT, 'resources'),
    shell: 'browser',
    version: '0.0.0-test',
    speech: null,
  });
  return { services, handlers: createChannelHandlers(services), dataDir };
}
