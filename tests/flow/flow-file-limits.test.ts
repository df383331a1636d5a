import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import {
  INLINE_VALIDATION_LIMIT,
  loadFlowFile,
  MAX_FLOW_FILE_BYTES,
} from '../../src/main/flows/load-flow-file.ts';
import { validateFlowText } from '../../src/shared/flow/validate-flow.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import { denseMenuFlow } from './dense-flows.ts';

const dir = mkdtempSync(join(tmpdir(), 'ivr-flow-limits-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `ivr-console` with a data folder inside this test's folder, so nothing is left behind. */
const cli = (args: string[]) => runCliInProcess(args, { IVR_CONSOLE_DATA_DIR: join(dir, 'data') });

const bye = { type: 'hangup', say: 'Bye.' };

describe('flow files are read bounded', () => {
  test('a file over 2 MiB is refused with the limit, by the loader and the CLI, and left as it is', async () => {
    const file = join(dir, 'huge.json');
    // A valid flow padded with spaces: only its size is wrong.
    const flow = JSON.stringify({ id: 'h', name: 'H', start: 'bye', nodes: { bye } });
    writeFileSync(file, flow + ' '.repeat(MAX_FLOW_FILE_BYTES + 1 - flow.length));
    const before = statSync(file);

    const loaded = await loadFlowFile(file);
    assert.equal(loaded.ok, false);
    assert.equal(
      loaded.readError,
      `is too large (${MAX_FLOW_FILE_BYTES + 1} bytes; the limit is 2 MiB)`,
    );

    const run = await cli(['validate', '--json', file]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /huge\.json: is too large \(2097153 bytes; the limit is 2 MiB\)/);
    const [verdict] = JSON.parse(run.stdout) as { ok: boolean; problems: { code: string }[] }[];
    assert.equal(verdict?.ok, false);
    assert.equal(verdict?.problems[0]?.code, 'unreadable-file');

    const afterwards = statSync(file);
    assert.equal(afterwards.size, before.size);
    assert.equal(afterwards.mtimeMs, before.mtimeMs);
  });

  test('a file of exactly 2 MiB is read and judged', async () => {
    const file = join(dir, 'at-limit.json');
    const flow = JSON.stringify({ id: 'h', name: 'H', start: 'bye', nodes: { bye } });
    writeFileSync(file, flow + ' '.repeat(MAX_FLOW_FILE_BYTES - flow.length));
    const loaded = await loadFlowFile(file);
    assert.equal(loaded.readError, null);
    assert.equal(loaded.ok, true);
  });

  test('bytes that are not UTF-8 get a clear error, not a crash', async () => {
    const file = join(dir, 'latin1.json');
    writeFileSync(
      file,
      Buffer.from('{"id":"caf\xe9","name":"X","start":"b","nodes":{}}', 'latin1'),
    );
    const loaded = await loadFlowFile(file);
    assert.equal(loaded.readError, 'not valid UTF-8');
    assert.deepEqual(loaded.problems, []);
  });

  test('a FIFO nobody writes to is refused at once instead of hanging the loader', async () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const loaded = await loadFlowFile(fifo);
    assert.equal(loaded.readError, 'is not a regular file');
  });

  test('a missing file and a folder keep their wording', async () => {
    assert.equal((await loadFlowFile(join(dir, 'gone.json'))).readError, 'no such file');
    assert.equal((await loadFlowFile(dir)).readError, 'is a directory, not a flow file');
  });
});

describe('big flows are validated off the main thread', () => {
  test('a flow over the inline limit gets the same verdict from the worker as inline', async () => {
    const flow = denseMenuFlow(1500);
    // One unknown variable and one missing node, so the verdict has warnings and errors.
    (flow.nodes as Record<string, { say?: string; next?: string }>)['m0']!.say = 'Hi ${nobody}';
    (flow.nodes as Record<string, { say?: string; next?: string }>)['s7']!.next = 'gone';
    const text = JSON.stringify(flow, null, 1);
    assert.ok(text.length > INLINE_VALIDATION_LIMIT, 'big enough to go to the worker');
    const file = join(dir, 'dense.json');
    writeFileSync(file, text);

    const loaded = await loadFlowFile(file);
    const inline = validateFlowText(readFileSync(file, 'utf8'));
    assert.equal(loaded.readError, null);
    assert.deepEqual(
      { ok: loaded.ok, flow: loaded.flow, problems: loaded.problems },
      { ok: inline.ok, flow: inline.flow, problems: inline.problems },
    );
    assert.equal(loaded.ok, false);
    assert.ok(loaded.problems.some((p) => p.pointer === '/nodes/s7/next'));
    assert.ok(loaded.problems.some((p) => p.message === 'unknown variable ${nobody}'));
  });

  test('a valid big flow comes back whole, with its defaults', async () => {
    const flow = denseMenuFlow(1500);
    (flow.nodes as Record<string, unknown>)['bye'] = bye;
    const file = join(dir, 'dense-valid.json');
    writeFileSync(file, JSON.stringify(flow, null, 2));
    const loaded = await loadFlowFile(file);
    assert.equal(loaded.ok, true);
    const menu = loaded.flow?.nodes['m1499'];
    assert.equal(menu?.type === 'menu' && menu.timeoutMs, 5000);
    assert.equal(Object.keys(loaded.flow?.nodes ?? {}).length, 3001);
  });
});

describe('ivr-console validate on a hostile flow', () => {
  test('nesting 1,500 levels deep: JSON on stdout with a too-deep error and its pointer', async () => {
    const file = join(dir, 'deep.json');
    const levels = 1500;
    writeFileSync(
      file,
      '{"id":"deep","name":"Deep","start":"bye","nodes":{"bye":{"type":"hangup"}},' +
        `"variables":{"deep":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}}`,
    );
    const run = await cli(['validate', '--json', file]);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stderr, '');
    const [verdict] = JSON.parse(run.stdout) as {
      ok: boolean;
      problems: { code: string; pointer: string; message: string }[];
    }[];
    assert.equal(verdict?.ok, false);
    assert.deepEqual(verdict?.problems, [
      {
        severity: 'error',
        pointer: '/variables/deep' + '/a'.repeat(62),
        code: 'too-deep',
        message: 'nested deeper than 64 levels of objects and arrays',
      },
    ]);
  });
});
