/**
 * Which flow files the page may ask main to open, in the desktop app (../shared/spec/WORKSPACE.md:
 * the page never names a path the user did not choose). Main grants every path it hands the page
 * itself: the flow list (samples, the workspace, recent files), the files chosen in its dialogs or
 * dropped on the window, the flows of logged sessions and of test cases it lists. A path the page
 * makes up is refused before any file is read, so a compromised page cannot read files through
 * `flows.open`. In browser mode, where the user types paths, every path is allowed.
 */
import { resolve } from 'node:path';
import { ServiceError } from './service-errors.ts';

/** Paths the page was shown, and the check. */
export interface FlowPathGrants {
  grant(path: string | null | undefined): void;
  /** @throws ServiceError `forbidden` for a path never shown to the page */
  check(path: string): void;
}

/** At most this many paths are remembered; the oldest go first (each list grants them again). */
const MAX_GRANTS = 10_000;

/** Grants for the desktop app (`enforced`), or none needed (browser mode). */
export function createFlowPathGrants(enforced: boolean): FlowPathGrants {
  const granted = new Set<string>();
  return {
    grant(path) {
      if (!enforced || !path) return;
      const absolute = resolve(path);
      granted.delete(absolute);
      granted.add(absolute);
      if (granted.size > MAX_GRANTS) granted.delete(granted.values().next().value as string);
    },
    check(path) {
      if (enforced && !granted.has(resolve(path))) {
        throw new ServiceError(
          'forbidden',
          'open the flow with Open flow…, Open folder… or from the flow list',
        );
      }
    },
  };
}
