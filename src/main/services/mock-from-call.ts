/**
 * "Mock from this call" in the console: the session turned into a mock environment
 * (../export/session-mock.ts) and saved in the open workspace's `environments/` folder, where the
 * Environment picker finds it. A new file every time: an existing environment is never written
 * over.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SavedMockEnvironment } from '../../shared/contract/library-types.ts';
import type { SessionDetail } from '../../shared/session-types.ts';
import { APP_EXPORTER } from '../export/exporter.ts';
import { sessionToMockEnvironment } from '../export/session-mock.ts';
import { ServiceError } from './service-errors.ts';

export type { SavedMockEnvironment };

/**
 * Refuses a call that sent no webhook: there is nothing to mock.
 *
 * @throws ServiceError `conflict`
 */
export function assertMockable(session: SessionDetail): void {
  if (!session.events.some((e) => e.type === 'webhook')) {
    throw new ServiceError('conflict', 'this call sent no webhook: there is nothing to mock');
  }
}

/** Names that can never clash with an existing file: tries `-2`, `-3`… up to this many. */
const MAX_NAME_TRIES = 100;

/** `flow id` as the start of an environment id (letters, digits, `_`, `-`, `.` only). */
function idPart(text: string): string {
  const part = text.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return part.slice(0, 40) || 'flow';
}

/**
 * Saves the mock environment of `session` under `root`/environments/.
 *
 * @throws ServiceError `conflict` without a workspace or when the call sent no webhook
 */
export async function saveMockFromCall(
  session: SessionDetail,
  root: string | null,
): Promise<SavedMockEnvironment> {
  if (root === null) {
    throw new ServiceError(
      'conflict',
      'open a workspace folder first: the mock environment is saved in its environments/ folder',
    );
  }
  assertMockable(session);
  const text = sessionToMockEnvironment(session, APP_EXPORTER);
  const folder = join(root, 'environments');
  await mkdir(folder, { recursive: true });
  const base = `mock-${idPart(session.flowId)}-${session.id.slice(0, 8)}`;
  for (let n = 1; n <= MAX_NAME_TRIES; n++) {
    const environmentId = n === 1 ? base : `${base}-${n}`;
    const path = join(folder, `${environmentId}.yaml`);
    try {
      // `wx`: fails when the file exists, so a file made meanwhile is never overwritten.
      await writeFile(path, text, { flag: 'wx' });
      return { path, environmentId };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new ServiceError(
    'conflict',
    `${base}.yaml and ${MAX_NAME_TRIES - 1} other names are taken`,
  );
}
