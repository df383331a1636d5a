/**
 * The one stream of events main pushes to whoever shows the console (the Electron window, or a
 * browser-mode page): call events, notices.
 */
import type { ConsoleEvent } from '../../shared/contract.ts';

/** Publish/subscribe for console events. */
export interface EventHub {
  emit(event: ConsoleEvent): void;
  subscribe(listener: (event: ConsoleEvent) => void): () => void;
}

/** Creates a hub; a listener that throws never stops the others. */
export function createEventHub(): EventHub {
  const listeners = new Set<(event: ConsoleEvent) => void>();
  return {
    emit(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          console.error('[events] a listener failed:', error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
