/**
 * What the console shows instead of its screens until its data has loaded: loading, not
 * connected (a browser page without its token), or why it could not start.
 */
import type { ReactElement } from 'react';
import type { ConsoleData } from '../state/use-console-data.ts';
import { AppHeader } from './app-header.tsx';

/** Props of {@link ConsoleMessage}. */
export interface ConsoleMessageProps {
  status: ConsoleData['status'];
  error: string | null;
}

/** The header without its actions over a card that says why there is nothing else yet. */
export function ConsoleMessage({ status, error }: ConsoleMessageProps): ReactElement {
  return (
    <div className="app app--message">
      <AppHeader info={null} onOpenSettings={null} />
      <main className="message-card" aria-busy={status === 'loading'}>
        {status === 'disconnected' ? (
          <>
            <h2>Not connected to the console</h2>
            <p>
              Open the address that <code>npm run web</code> printed: it carries the token this page
              needs. Or start the desktop app with <code>npm run dev</code>.
            </p>
          </>
        ) : status === 'failed' ? (
          <>
            <h2>The console could not start</h2>
            <p role="alert">{error}</p>
          </>
        ) : (
          <p>Loading the console…</p>
        )}
      </main>
    </div>
  );
}
