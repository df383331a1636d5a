/**
 * The screens the first view does not show, loaded on demand so that the first window parses only
 * the phone: each becomes its own chunk (the flow view with xyflow and dagre, sessions and the
 * re-run diff, presenter mode, settings, environments, load, tests).
 */
import { lazy } from 'react';

/** The Sessions screen (with the re-run diff). */
export const SessionsScreen = lazy(() =>
  import('./features/sessions/sessions-screen.tsx').then((m) => ({ default: m.SessionsScreen })),
);

/** Its own chunk, fetched the first time the user opens Environments. */
export const EnvironmentsScreen = lazy(() =>
  import('./features/environments/environments-screen.tsx').then((m) => ({
    default: m.EnvironmentsScreen,
  })),
);

/** The Load screen: fetched the first time the user opens it. */
export const LoadScreen = lazy(() =>
  import('./features/load/load-screen.tsx').then((m) => ({ default: m.LoadScreen })),
);

/** The Tests screen (test runs with coverage): fetched the first time the user opens it. */
export const TestsScreen = lazy(() =>
  import('./features/tests/tests-screen.tsx').then((m) => ({ default: m.TestsScreen })),
);

/** Generate tests on the flow view: the dialog with the generated cases and their coverage. */
export const GenerateTestsDialog = lazy(() =>
  import('./features/tests/generate-tests-dialog.tsx').then((m) => ({
    default: m.GenerateTestsDialog,
  })),
);

/** Presenter mode. */
export const PresenterScreen = lazy(() =>
  import('./features/presenter/presenter-screen.tsx').then((m) => ({
    default: m.PresenterScreen,
  })),
);

/** Its own chunk, fetched the first time the user opens Settings. */
export const SettingsDialog = lazy(() =>
  import('./features/settings/settings-dialog.tsx').then((m) => ({ default: m.SettingsDialog })),
);

/** The flow view (xyflow and dagre). */
export const FlowView = lazy(() =>
  import('./features/flow-view/flow-view.tsx').then((m) => ({ default: m.FlowView })),
);

/** The flow editor (xyflow, the schema-built forms, jsonc-parser): fetched on Edit flow. */
export const FlowEditor = lazy(() =>
  import('./features/flow-editor/flow-editor.tsx').then((m) => ({ default: m.FlowEditor })),
);
