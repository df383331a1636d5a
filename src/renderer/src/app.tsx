/**
 * The console: header, the softphone on the left, variables / webhooks / timeline on the right,
 * settings in a dialog. Data comes in through the contract only (api/).
 */
import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import { configureKeyTones } from './features/softphone/key-tones.ts';
import { Softphone } from './features/softphone/softphone.tsx';
import { useKeyToneWarmUp } from './features/softphone/use-key-tone-warm-up.ts';
import { SettingsDialog } from './features/settings/settings-dialog.tsx';
import { AppHeader } from './layout/app-header.tsx';
import { NoticeBar } from './layout/notice-bar.tsx';
import { Workspace } from './layout/workspace.tsx';
import { useCallSession } from './state/use-call-session.ts';
import { useConsoleData } from './state/use-console-data.ts';
import { useNotices } from './state/use-notices.ts';

/** The console. */
export function App(): ReactElement {
  const data = useConsoleData();
  const session = useCallSession();
  const { notices, dismiss } = useNotices();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const dtmf = data.settings?.dtmf;
  useKeyToneWarmUp();

  useEffect(() => {
    if (dtmf) configureKeyTones(dtmf);
  }, [dtmf]);

  if (data.status !== 'ready' || !data.settings) {
    return (
      <div className="app app--message">
        <AppHeader info={null} onOpenSettings={null} />
        <main className="message-card" aria-busy={data.status === 'loading'}>
          {data.status === 'disconnected' ? (
            <>
              <h2>Not connected to the console</h2>
              <p>
                Open the address that <code>npm run web</code> printed: it carries the token this
                page needs. Or start the desktop app with <code>npm run dev</code>.
              </p>
            </>
          ) : data.status === 'failed' ? (
            <>
              <h2>The console could not start</h2>
              <p role="alert">{data.error}</p>
            </>
          ) : (
            <p>Loading the console…</p>
          )}
        </main>
      </div>
    );
  }

  return (
    <div className="app">
      <AppHeader
        info={data.info}
        onOpenSettings={() => setSettingsOpen(true)}
        notices={<NoticeBar notices={notices} onDismiss={dismiss} />}
      />
      <main className="workspace">
        <Softphone
          session={session}
          flows={data.flows}
          environments={data.environments}
          lastCall={data.settings.lastCall}
          keyboardActive={!settingsOpen}
        />
        <Workspace view={session.view} setVariable={session.setVariable} />
      </main>
      {settingsOpen && (
        <SettingsDialog
          settings={data.settings}
          speech={data.speech}
          save={data.updateSettings}
          onClose={() => setSettingsOpen(false)}
        />
      )}
    </div>
  );
}
