/**
 * The layer rule (`local/layering`, eslint-rules/layering.ts, its table in eslint.config.js)
 * fires on a planted violation of each kind and lets legal imports through. The planted code is
 * linted as if it sat at the path given, through the project's own config, so what is proved is
 * what `npm run lint` enforces. Every message is asserted, so nothing else fires on the plants.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';
import { ROOT } from '../helpers/project-root.ts';

const eslint = new ESLint({ cwd: ROOT });

/** The rule id and message of each problem ESLint finds in `code` placed at `filePath`. */
async function lint(
  code: string,
  filePath: string,
): Promise<{ ruleId: string; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => ({ ruleId: m.ruleId ?? '(none)', message: m.message }));
}

const ELECTRON_ONLY_IN_APP =
  'only src/main/app and src/preload run inside Electron: the CLI and browser mode run the rest under plain Node, the page runs in a browser';
const CORE_SERVES_ALL =
  'the engine, webhook client and store serve the app, browser mode and the CLI alike';
const APP_WITHOUT_CLI =
  'the app never depends on the CLI; the CLI maps library errors to usage errors';
const PAGE_THROUGH_BRIDGE =
  'the page reaches the main process only through the preload bridge, with the types in src/shared';
const SHARED_KNOWS_NEITHER = 'src/shared is loaded by both sides of the bridge and knows neither';

/** The one problem a planted violation must raise. */
function badLayering(layer: string, target: string, because: string) {
  return [
    {
      ruleId: 'local/layering',
      message: `Bad layering: ${layer} may not import ${target} (${because})`,
    },
  ];
}

describe('a planted layering violation of each kind fails lint', () => {
  test('electron outside src/main/app and src/preload', async () => {
    const code = "import { app } from 'electron';\n\nexport const name = app.name;\n";
    assert.deepEqual(
      await lint(code, 'src/main/services/planted.ts'),
      badLayering('src/main/services', 'electron', ELECTRON_ONLY_IN_APP),
    );
    // A subpath of the package is the package.
    assert.deepEqual(
      await lint("export * from 'electron/main';\n", 'src/main/tts/planted.ts'),
      badLayering('src/main/tts', 'electron', ELECTRON_ONLY_IN_APP),
    );
  });

  test('the engine importing the services (a type-only import counts)', async () => {
    const code =
      "import type { ConsoleServices } from '../services/console-services.ts';\n\nexport type Planted = ConsoleServices;\n";
    assert.deepEqual(
      await lint(code, 'src/main/engine/planted.ts'),
      badLayering('src/main/engine', 'src/main/services', CORE_SERVES_ALL),
    );
  });

  test('the webhook client and the store importing the CLI or browser mode', async () => {
    assert.deepEqual(
      await lint("export * from '../cli/cli-io.ts';\n", 'src/main/webhook/planted.ts'),
      badLayering('src/main/webhook', 'src/main/cli', CORE_SERVES_ALL),
    );
    assert.deepEqual(
      await lint("export * from '../web/web-server.ts';\n", 'src/main/store/planted.ts'),
      badLayering('src/main/store', 'src/main/web', CORE_SERVES_ALL),
    );
  });

  test('call tests (part of the app) importing the CLI', async () => {
    const code = "export { UsageError } from '../cli/cli-io.ts';\n";
    assert.deepEqual(
      await lint(code, 'src/main/call-tests/planted.ts'),
      badLayering('src/main/call-tests', 'src/main/cli', APP_WITHOUT_CLI),
    );
  });

  test('the renderer importing src/main (a lazy import counts)', async () => {
    const code = "export const load = () => import('../../../main/calls/run-json.ts');\n";
    assert.deepEqual(
      await lint(code, 'src/renderer/src/lib/planted.ts'),
      badLayering('src/renderer', 'src/main', PAGE_THROUGH_BRIDGE),
    );
  });

  test('src/shared importing src/main or the renderer', async () => {
    assert.deepEqual(
      await lint("export * from '../main/calls/run-json.ts';\n", 'src/shared/planted.ts'),
      badLayering('src/shared', 'src/main', SHARED_KNOWS_NEITHER),
    );
    assert.deepEqual(
      await lint("export * from '../renderer/src/lib/planted.ts';\n", 'src/shared/planted.ts'),
      badLayering('src/shared', 'src/renderer', SHARED_KNOWS_NEITHER),
    );
  });
});

describe('legal imports pass', () => {
  test('electron in src/main/app and src/preload', async () => {
    const code = "import { app } from 'electron';\n\nexport const name = app.name;\n";
    assert.deepEqual(await lint(code, 'src/main/app/planted.ts'), []);
    assert.deepEqual(await lint(code, 'src/preload/planted.ts'), []);
  });

  test('a layer importing the layers below it', async () => {
    assert.deepEqual(
      await lint("export * from '../engine/clock.ts';\n", 'src/main/services/planted.ts'),
      [],
    );
    assert.deepEqual(
      await lint("export * from '../calls/scripted-call.ts';\n", 'src/main/call-tests/planted.ts'),
      [],
    );
    assert.deepEqual(
      await lint("export * from '../call-tests/run-test-files.ts';\n", 'src/main/cli/planted.ts'),
      [],
    );
  });

  test('the renderer importing src/shared', async () => {
    const code = "export * from '../../../shared/contract.ts';\n";
    assert.deepEqual(await lint(code, 'src/renderer/src/lib/planted.ts'), []);
  });

  test('a folder whose name starts like a denied one', async () => {
    // `src/main/services-extra` is not `src/main/services`: the match is by whole folder.
    const code = "export * from '../services-extra/planted.ts';\n";
    assert.deepEqual(await lint(code, 'src/main/engine/planted.ts'), []);
  });
});
