/**
 * Links the page asks main to open in the system browser: only the desktop app can; in browser
 * mode the page opens them itself, so asking here is refused.
 */
import { ServiceError } from './service-errors.ts';

/** Opens external links. */
export interface ExternalLinks {
  /** @throws ServiceError `forbidden` where the shell opens no links (browser mode) */
  open(url: string): Promise<void>;
}

/** External links over the shell's opener (null: browser mode). */
export function createExternalLinks(
  openExternal: ((url: string) => Promise<void>) | null,
): ExternalLinks {
  return {
    async open(url) {
      if (!openExternal)
        throw new ServiceError('forbidden', 'links open in this browser, not from the console');
      await openExternal(url);
    },
  };
}
