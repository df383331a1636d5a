/**
 * Notices from main ("no text-to-speech engine…") and from the page itself (a file dropped that
 * the page cannot open): each shown once, until dismissed.
 */
import { useCallback, useEffect, useState } from 'react';
import { getApi } from '../api/ivr-api.ts';

/** A notice on screen. */
export interface Notice {
  id: number;
  level: 'info' | 'warning';
  message: string;
}

/** The notices to show, a way to dismiss one, and a way for the page to add one. */
export interface Notices {
  notices: Notice[];
  dismiss(id: number): void;
  /** Shows a notice of the page's own; one already on screen is not repeated. */
  push(level: Notice['level'], message: string): void;
}

let nextId = 1;

/** The notices from main, and the page's own. */
export function useNotices(): Notices {
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(() => {
    const api = getApi();
    if (!api) return undefined;
    // Messages seen this page load, dismissed or not: a notice from main never comes back.
    const seen = new Set<string>();
    return api.subscribe((event) => {
      if (event.kind !== 'notice' || seen.has(event.message)) return;
      seen.add(event.message);
      const notice = { id: nextId++, level: event.level, message: event.message };
      setNotices((current) => [...current, notice]);
    });
  }, []);
  const dismiss = useCallback((id: number) => {
    setNotices((current) => current.filter((n) => n.id !== id));
  }, []);
  // The page's own notices answer something the user just did: they may come back when it is done
  // again, but never twice side by side.
  const push = useCallback((level: Notice['level'], message: string) => {
    setNotices((current) =>
      current.some((n) => n.message === message)
        ? current
        : [...current, { id: nextId++, level, message }],
    );
  }, []);
  return { notices, dismiss, push };
}
