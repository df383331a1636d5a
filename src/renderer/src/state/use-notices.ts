/**
 * Notices from main ("no text-to-speech engine…"): each shown once, until dismissed.
 */
import { useCallback, useEffect, useState } from 'react';
import { getApi } from '../api/ivr-api.ts';

/** A notice on screen. */
export interface Notice {
  id: number;
  level: 'info' | 'warning';
  message: string;
}

/** The notices to show and a way to dismiss one. */
export function useNotices(): { notices: Notice[]; dismiss(id: number): void } {
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(() => {
    const api = getApi();
    if (!api) return undefined;
    // Messages seen this page load, dismissed or not: a notice never comes back.
    const seen = new Set<string>();
    let nextId = 1;
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
  return { notices, dismiss };
}
