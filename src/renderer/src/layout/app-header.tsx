/**
 * The console's title bar: the name, the screens, the file actions (workspace, open, new), where
 * the demo CRM listens, notices, and the settings button.
 */
import type { ReactElement, ReactNode } from 'react';
import type { AppInfo } from '../../../shared/contract.ts';
import { GearIcon } from '../ui/icons.tsx';

/** Props of {@link AppHeader}. */
export interface AppHeaderProps {
  info: AppInfo | null;
  onOpenSettings: (() => void) | null;
  /** Notices, shown between the facts and the settings button. */
  notices?: ReactNode;
  /** The screen switcher and presenter button, after the title. */
  nav?: ReactNode;
  /** The file actions, after the screens. */
  actions?: ReactNode;
}

/** Shows the app's name, version and demo CRM address around the given slots, and Settings. */
export function AppHeader({
  info,
  onOpenSettings,
  notices,
  nav,
  actions,
}: AppHeaderProps): ReactElement {
  return (
    <header className="app-header">
      <h1 className="app-header__title">IVR Test Console</h1>
      {nav}
      {actions}
      {info && (
        <p className="app-header__meta" title={`Session log: ${info.databasePath}`}>
          Demo CRM {info.demoCrmUrl} ·{' '}
          <span data-testid="runtime">
            Version {info.version} · {info.platform}
          </span>
          {info.shell === 'browser' ? ' · browser mode' : ''}
        </p>
      )}
      {notices}
      {onOpenSettings && (
        <button type="button" className="button button--quiet" onClick={onOpenSettings}>
          <GearIcon />
          <span className="app-header__settings-text">Settings</span>
        </button>
      )}
    </header>
  );
}
