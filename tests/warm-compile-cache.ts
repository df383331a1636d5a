/**
 * Run once by tests/global-setup.ts, beside the build, before any test file starts: loads what
 * most of the run's processes load (the services with the engine, webhook client and store; the
 * channel handlers and browser mode's server; the CLI; Playwright), so that Node's compile cache
 * holds it, stripped of its types and compiled, when the test files and their children start.
 *
 * Why: the cache is written when a process exits, and the test files all start together, so on a
 * fresh clone each of them (and each CLI or browser-mode child started before the first of them
 * ended) stripped and compiled the same sources again. A browser-mode child took 1.7 s of CPU to
 * start with an empty cache, 0.9 s after this warm-up, 0.7 s with a full cache. Loading these
 * modules runs nothing: they only define things.
 */
await Promise.all([
  import('../src/main/services/console-services.ts'),
  import('../src/main/ipc/channel-handlers.ts'),
  import('../src/main/web/web-server.ts'),
  import('../src/main/cli/cli.ts'),
  import('playwright-core'),
]);
