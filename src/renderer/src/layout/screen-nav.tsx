/**
 * The screen switcher in the header: the phone, the session log, the test runs with coverage,
 * the environments, the load run, and presenter mode.
 */
import type { ReactElement } from 'react';

/** The console's screens. */
export type Screen = 'phone' | 'sessions' | 'tests' | 'environments' | 'load';

/** Props of {@link ScreenNav}. */
export interface ScreenNavProps {
  screen: Screen;
  onScreen(screen: Screen): void;
  onPresent(): void;
}

/**
 * Buttons for the Phone, Sessions, Tests, Environments and Load screens, and one for presenter
 * mode.
 */
export function ScreenNav({ screen, onScreen, onPresent }: ScreenNavProps): ReactElement {
  const item = (id: Screen, label: string) => (
    <button
      type="button"
      className={`screen-nav__item${screen === id ? ' is-current' : ''}`}
      aria-current={screen === id ? 'page' : undefined}
      onClick={() => onScreen(id)}
    >
      {label}
    </button>
  );
  return (
    <nav className="screen-nav" aria-label="Screens">
      {item('phone', 'Phone')}
      {item('sessions', 'Sessions')}
      {item('tests', 'Tests')}
      {item('environments', 'Environments')}
      {item('load', 'Load')}
      <button
        type="button"
        className="screen-nav__item"
        onClick={onPresent}
        title="Large type for demos"
      >
        Presenter<span className="screen-nav__more"> mode</span>
      </button>
    </nav>
  );
}
