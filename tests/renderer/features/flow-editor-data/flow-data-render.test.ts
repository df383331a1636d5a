/**
 * The flow editor's variables and datasets tables
 * (src/renderer/src/features/flow-editor/flow-data/), rendered under Node: the components are
 * bundled with rolldown (the bundler electron-vite builds the renderer with) into a temporary
 * folder, then rendered to markup with react-dom/server for a sample flow's variables and
 * datasets. Checks the captions and the accessible names the e2e tests and screen readers use.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { build } from 'rolldown';
import { ROOT } from '../../../helpers/project-root.ts';
import { tempDir } from '../../../helpers/temp-dir.ts';

const FLOW_DATA = join(ROOT, 'src/renderer/src/features/flow-editor/flow-data');

type OnSet = (path: (string | number)[], value: unknown) => void;
interface Rendered {
  renderVariables(variables: Record<string, unknown>, onSet: OnSet): string;
  renderDatasets(datasets: Record<string, unknown>, onSet: OnSet): string;
}

/** Bundles the components once (the first test to need them waits), then imports the bundle. */
async function bundle(): Promise<Rendered> {
  const dir = tempDir('ivr-flow-data-');
  const require = createRequire(join(ROOT, 'package.json'));
  const entry = join(dir, 'entry.js');
  // Absolute paths: the entry sits outside the project, where `react` would not resolve.
  writeFileSync(
    entry,
    [
      `import { createElement } from ${JSON.stringify(require.resolve('react'))};`,
      `import { renderToStaticMarkup } from ${JSON.stringify(require.resolve('react-dom/server'))};`,
      `import { VariablesTable } from ${JSON.stringify(join(FLOW_DATA, 'variables-table.tsx'))};`,
      `import { DatasetsEditor } from ${JSON.stringify(join(FLOW_DATA, 'datasets-table.tsx'))};`,
      'export const renderVariables = (variables, onSet) =>',
      '  renderToStaticMarkup(createElement(VariablesTable, { variables, onSet }));',
      'export const renderDatasets = (datasets, onSet) =>',
      '  renderToStaticMarkup(createElement(DatasetsEditor, { datasets, onSet }));',
    ].join('\n'),
  );
  await build({
    input: entry,
    platform: 'node',
    logLevel: 'silent',
    // The styles matter to the page, not to the markup.
    plugins: [
      {
        name: 'no-css',
        load: (id) => (id.endsWith('.css') ? { code: '', moduleType: 'js' } : null),
      },
    ],
    output: { dir, format: 'esm', entryFileNames: 'bundle.mjs' },
  });
  return (await import(pathToFileURL(join(dir, 'bundle.mjs')).href)) as Rendered;
}

let bundled: Promise<Rendered> | null = null;
const components = (): Promise<Rendered> => (bundled ??= bundle());

const sample = JSON.parse(
  readFileSync(join(ROOT, 'resources/flows/personalised-menu.json'), 'utf8'),
) as { variables: Record<string, unknown>; datasets: Record<string, unknown> };

/** An onSet that fails the test: rendering must not change the flow. */
const noSet: OnSet = (path) => assert.fail(`onSet(${JSON.stringify(path)}) while rendering`);

describe('the variables table', () => {
  test("a sample's variables: caption, labelled name, type and value, remove and add", async () => {
    const html = (await components()).renderVariables(sample.variables, noSet);
    assert.match(html, /<caption[^>]*>Variables<\/caption>/);
    assert.match(html, /aria-label="Name of crm_base"[^>]*value="crm_base"/);
    assert.match(html, /aria-label="Value of crm_base"[^>]*value="http:\/\/127.0.0.1:4010"/);
    assert.match(html, /<select[^>]*aria-label="Type of crm_base"/);
    assert.match(html, /aria-label="Remove crm_base"/);
    assert.match(html, />Add variable<\/button>/);
  });

  test('numbers, booleans and objects each show their type; an object as JSON text', async () => {
    const html = (await components()).renderVariables(
      { pin: '1234', limit: 1234, vip: true, account: { id: 7, tier: 'gold' } },
      noSet,
    );
    assert.match(html, /aria-label="Value of pin"[^>]*value="1234"/);
    assert.match(html, /<option value="number" selected="">number<\/option>/);
    assert.match(html, /<select[^>]*aria-label="Value of vip"/);
    assert.match(html, /<textarea[^>]*aria-label="Value of account"[^>]*>\{&quot;id&quot;:7,/);
  });

  test('no variables: says so, and still offers Add variable', async () => {
    const html = (await components()).renderVariables({}, noSet);
    assert.match(html, /No variables yet/);
    assert.match(html, /aria-label="New variable name"/);
  });
});

describe('the datasets editor', () => {
  test("a sample's dataset: caption, columns in first-seen order, labelled cells", async () => {
    const html = (await components()).renderDatasets(sample.datasets, noSet);
    assert.match(html, /<caption[^>]*>Dataset customers<\/caption>/);
    assert.match(html, /aria-label="Name of dataset customers"[^>]*value="customers"/);
    const columns = [...html.matchAll(/class="flow-data__column-name">([^<]*)</g)].map((m) => m[1]);
    assert.deepEqual(columns, ['phone', 'name', 'tier']);
    assert.match(html, /aria-label="phone, row 1 of customers"[^>]*value="\+3612345678"/);
    assert.match(html, /aria-label="tier, row 3 of customers"[^>]*value="standard"/);
    assert.match(html, /aria-label="Remove row 2 of customers"/);
    assert.match(html, /aria-label="Remove dataset customers"/);
    assert.match(html, />Add row<span class="visually-hidden"> to customers<\/span>/);
    assert.match(html, />Add column<span class="visually-hidden"> to customers<\/span>/);
    assert.match(html, />Paste CSV<span class="visually-hidden"> into customers<\/span>/);
    assert.match(html, />Add dataset<\/button>/);
  });

  test('rows with different keys: the union of columns; a broken dataset says so', async () => {
    const html = (await components()).renderDatasets(
      { mixed: [{ a: 1 }, { b: true, a: 2 }], broken: 'not rows' },
      noSet,
    );
    const columns = [...html.matchAll(/class="flow-data__column-name">([^<]*)</g)].map((m) => m[1]);
    assert.deepEqual(columns, ['a', 'b']);
    assert.match(html, /aria-label="b, row 1 of mixed"[^>]*value=""/);
    assert.match(html, /aria-label="b, row 2 of mixed"[^>]*value="true"/);
    assert.match(html, /not a list of rows/);
  });
});
