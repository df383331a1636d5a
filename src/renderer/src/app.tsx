/**
 * The placeholder window shown until the console's real surfaces land: what the app is, and the
 * headless runner that already works.
 */
import type { ReactElement } from 'react';

/** The CLI invocation that places a demo call today, without the desktop UI. */
const CLI_EXAMPLE =
  'npm run --silent cli -- run resources/flows/balance.json --demo-crm --dtmf 12345#1111';

/** Describes where the page runs: the Electron preload's facts, or a plain browser tab. */
function runtimeLabel(): string {
  // `window.ivr` only exists when the preload ran; a browser tab must still render.
  const bridge = window.ivr;
  return bridge ? `Version ${bridge.version} · ${bridge.platform}` : 'Running in a browser';
}

/** The placeholder screen. */
export function App(): ReactElement {
  return (
    <main className="placeholder">
      <header className="placeholder__header">
        <h1 className="placeholder__title">IVR Test Console</h1>
        <p className="placeholder__lead">
          Place simulated calls through a local IVR flow: real DTMF tones, prompts spoken by your
          operating system, every webhook inspected and every call logged, all offline.
        </p>
      </header>

      <section className="placeholder__section" aria-labelledby="cli-heading">
        <h2 id="cli-heading" className="placeholder__subtitle">
          Headless runner available now
        </h2>
        <p>The softphone is on its way. Meanwhile, the same engine runs from a terminal:</p>
        <pre className="placeholder__command">
          <code>{CLI_EXAMPLE}</code>
        </pre>
      </section>

      <footer className="placeholder__footer">
        <p data-testid="runtime">{runtimeLabel()}</p>
      </footer>
    </main>
  );
}
