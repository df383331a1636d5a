// Over 300 lines: every channel of the flow editor against real files, sharing one temp workspace.
/**
 * The flow editor's service on real files: the text to edit, a save that writes exactly the text
 * and never over a change made elsewhere, refusals that leave the file as it was, live validation
 * with the recordings, and the recorded prompts it lists, plays and picks, never anything outside
 * the flow's folder and the workspace. Last, the same channels through the IPC dispatcher.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { dispatchRequest } from '../../src/main/ipc/dispatch-request.ts';
import { loadFlowFile, MAX_FLOW_FILE_BYTES } from '../../src/main/flows/load-flow-file.ts';
import { createFlowCatalog } from '../../src/main/services/flow-catalog.ts';
import { createFlowEditing } from '../../src/main/services/flow-editing.ts';
import type { FlowEditingDeps } from '../../src/main/services/flow-editing.ts';
import { createFlowPathGrants } from '../../src/main/services/flow-path-grants.ts';
import { ServiceError } from '../../src/main/services/service-errors.ts';
import type { Envelope, FlowDocument, FlowText } from '../../src/shared/contract.ts';
import { CHANNEL_INPUTS } from '../../src/shared/contract-schemas.ts';
import { startTestConsole } from '../helpers/console-services.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { writeWav } from '../helpers/wav-file.ts';

const dir = tempDir('ivr-flow-editing-');
after(() => rm(dir, { recursive: true, force: true }));

// A workspace (flows/ and prompts/), a flow with prompts of its own, and a folder outside both.
const ws = join(dir, 'ws');
const outside = join(dir, 'outside');
for (const folder of [
  'ws/flows/prompts',
  'ws/flows/big',
  'ws/prompts/d1/d2/d3/d4',
  'ws/prompts/.git',
  'outside',
]) {
  mkdirSync(join(dir, folder), { recursive: true });
}
const welcome = writeWav(join(ws, 'prompts/welcome.wav'), 400);
writeWav(join(ws, 'prompts/d1/d2/d3/deep.wav'), 100);
writeWav(join(ws, 'prompts/d1/d2/d3/d4/too-deep.wav'), 100);
writeWav(join(ws, 'prompts/.git/hidden.wav'), 100);
writeWav(join(ws, 'flows/prompts/local.wav'), 200);
writeFileSync(join(ws, 'prompts/Thanks.MP3'), Buffer.from([0xff, 0xfb, 0x90, 0x00]));
writeFileSync(join(ws, 'prompts/notes.txt'), 'not a recording');
writeFileSync(join(ws, 'prompts/fake.wav'), 'root:x:0:0:root:/root:/bin/bash\n');
writeWav(join(outside, 'secret.wav'), 100);
symlinkSync(join(outside, 'secret.wav'), join(ws, 'prompts/link.wav'));

/** A flow that speaks one recording, formatted as no formatter would, to see it kept. */
const flowText = (audio: string): string =>
  `{\n    "id": "main", "name": "Main",\n    "start": "welcome",\n    "nodes": {\n` +
  `      "welcome": { "type": "play", "say": "Hi.", "audio": ${JSON.stringify(audio)}, "next": "bye" },\n` +
  `      "bye": { "type": "hangup" }\n    }\n}`;

const main = join(ws, 'flows/main.json');
const original = flowText('../prompts/welcome.wav');
writeFileSync(main, original);

/** The service as the desktop app has it: only granted flows, the workspace open. */
function editing(options: Partial<FlowEditingDeps> = {}) {
  const grants = createFlowPathGrants(true);
  const service = createFlowEditing({
    grants,
    flows: createFlowCatalog(join(dir, 'no-samples')),
    root: () => ws,
    ...options,
  });
  return { service, grant: (path: string) => grants.grant(path) };
}

/** Asserts `promise` rejects with a ServiceError of `code` whose message matches `message`. */
async function refused(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ServiceError, String(error));
    assert.equal(error.code, code, error.message);
    assert.match(error.message, message);
    return true;
  });
}

describe('the flow text', () => {
  test('is the file exactly, for a granted .json path only', async () => {
    const { service, grant } = editing();
    await refused(service.text(main), 'forbidden', /Open flow/);
    grant(main);
    assert.deepEqual(await service.text(main), { path: main, text: original });

    const missing = join(ws, 'flows/missing.json');
    const folder = join(ws, 'flows/folder.json');
    const huge = join(ws, 'flows/huge.json');
    const latin1 = join(ws, 'flows/latin1.json');
    const notJson = join(ws, 'flows/notes.txt');
    mkdirSync(folder);
    writeFileSync(huge, `"${'x'.repeat(MAX_FLOW_FILE_BYTES)}"`);
    writeFileSync(latin1, Buffer.from('{"name": "caf\xe9"}', 'latin1'));
    writeFileSync(notJson, '{}');
    for (const path of [missing, folder, huge, latin1, notJson]) grant(path);
    await refused(service.text(missing), 'not_found', /missing\.json does not exist/);
    await refused(service.text(folder), 'invalid_input', /is a folder/);
    await refused(service.text(huge), 'invalid_input', /too large .*the limit is 2 MiB/);
    await refused(service.text(latin1), 'invalid_input', /not valid UTF-8/);
    await refused(service.text(notJson), 'invalid_input', /flow files are \.json files/);
  });
});

describe('saving', () => {
  const path = join(ws, 'flows/saved.json');

  test('writes exactly the text, and answers what opening the file answers', async () => {
    const { service, grant } = editing();
    writeFileSync(path, original);
    grant(path);
    // A recording that does not exist: an unfinished flow is saved, and its problems come back.
    const text = `${flowText('prompts/missing.wav')}\n`;
    const saved = await service.save(path, text, original);
    assert.equal(readFileSync(path, 'utf8'), text);
    const loaded = await loadFlowFile(path);
    assert.deepEqual(saved, {
      path,
      flow: loaded.flow,
      problems: loaded.problems,
      readError: null,
    });
    assert.deepEqual(
      saved.problems.map((p) => [p.pointer, p.code]),
      [['/nodes/welcome/audio', 'audio-missing']],
    );
    // Saved again from the new text: a good recording, no problem.
    const good = await service.save(path, flowText('prompts/local.wav'), text);
    assert.deepEqual(good.problems, []);
    assert.equal(good.flow?.id, 'main');
  });

  test('refuses when the file changed on disk since, and leaves it byte for byte', async () => {
    const { service, grant } = editing();
    grant(path);
    const theirs = Buffer.from(`${flowText('../prompts/welcome.wav')}\r\n\t`);
    writeFileSync(path, theirs);
    await refused(
      service.save(path, flowText('prompts/local.wav'), flowText('prompts/local.wav')),
      'conflict',
      /^the flow file changed on disk since the editor opened it: .*saved\.json no longer holds/,
    );
    assert.deepEqual(readFileSync(path), theirs);

    // Deleted since it was opened: not written back; a file the editor started empty is created.
    await rm(path);
    await refused(
      service.save(path, original, theirs.toString()),
      'conflict',
      /changed on disk .*deleted or moved/,
    );
    assert.throws(() => readFileSync(path), /ENOENT/);
    const created = await service.save(path, original, '');
    assert.equal(readFileSync(path, 'utf8'), original);
    assert.equal(created.flow?.name, 'Main');
  });

  test('refuses what is not JSON, too large, not .json or not granted; the file untouched', async () => {
    const { service, grant } = editing();
    writeFileSync(path, original);
    grant(path);
    const untouched = (): void => assert.equal(readFileSync(path, 'utf8'), original);

    await refused(
      service.save(path, '{\n  "id": "main",\n  "nodes": }', original),
      'invalid_input',
      /^the flow text is not valid JSON at line 3 column 12: .*not saved$/,
    );
    untouched();
    // 1.5 Mi characters, 3 MiB as UTF-8: within the channel's bound, over the file limit.
    const large = `"${'é'.repeat(1.5 * 1024 * 1024)}"`;
    await refused(
      service.save(path, large, original),
      'invalid_input',
      /is 3145730 bytes; flow files are at most 2 MiB/,
    );
    untouched();
    await refused(
      service.save(path, '{"name": "a\uD800b"}', original),
      'invalid_input',
      /unpaired UTF-16 surrogate\) at line 1 column 12/,
    );
    untouched();

    const notes = join(ws, 'flows/notes.txt');
    writeFileSync(notes, original);
    grant(notes);
    await refused(service.save(notes, '{}', original), 'invalid_input', /\.json files/);
    assert.equal(readFileSync(notes, 'utf8'), original);

    const { service: fresh } = editing();
    await refused(fresh.save(path, '{}', original), 'forbidden', /Open flow/);
    untouched();
    await refused(fresh.save(join(outside, 'new.json'), '{}', ''), 'forbidden', /Open flow/);
    assert.throws(() => readFileSync(join(outside, 'new.json')), /ENOENT/);
  });

  test('through a link, writes the .json file it links to; the link stays', async () => {
    const { service, grant } = editing();
    const real = join(outside, 'real.json');
    const link = join(ws, 'flows/linked.json');
    writeFileSync(real, original);
    symlinkSync(real, link);
    grant(link);
    await service.save(link, '{"id": "x"}', original);
    assert.equal(readFileSync(real, 'utf8'), '{"id": "x"}');
    assert.equal(readFileSync(link, 'utf8'), '{"id": "x"}');
  });
});

describe('validating unsaved text', () => {
  test('reports a recording missing beside the file, and not a good one', async () => {
    const { service, grant } = editing();
    grant(main);
    const missing = await service.validate(main, flowText('prompts/nope.wav'));
    assert.deepEqual(
      missing.map((p) => [p.severity, p.pointer, p.code]),
      [['error', '/nodes/welcome/audio', 'audio-missing']],
    );
    assert.match(missing[0]!.message, /recording "prompts\/nope\.wav" .*flows.prompts.nope\.wav/);
    assert.deepEqual(await service.validate(main, flowText('prompts/local.wav')), []);
    const notAudio = await service.validate(main, flowText('../prompts/fake.wav'));
    assert.deepEqual(
      notAudio.map((p) => p.code),
      ['not-audio'],
    );
    const broken = await service.validate(main, '{"nodes": ');
    assert.deepEqual(
      broken.map((p) => p.code),
      ['invalid-json'],
    );
    assert.equal(readFileSync(main, 'utf8'), original, 'validating writes nothing');
    const { service: fresh } = editing();
    await refused(fresh.validate(main, original), 'forbidden', /Open flow/);
  });
});

describe('recorded prompts', () => {
  test("lists the workspace's prompts/ and the flow's own, audio only, named from the flow", async () => {
    const { service, grant } = editing();
    grant(main);
    const listed = await service.listPrompts(main);
    assert.deepEqual(
      listed.map((p) => p.audio),
      [
        '../prompts/Thanks.MP3',
        '../prompts/d1/d2/d3/deep.wav',
        '../prompts/fake.wav',
        '../prompts/welcome.wav',
        'prompts/local.wav',
      ],
    );
    assert.equal(listed.find((p) => p.audio === '../prompts/welcome.wav')?.size, welcome.length);

    // A flow at the workspace's root: both folders are the same one, listed once.
    const atRoot = join(ws, 'root.json');
    writeFileSync(atRoot, original);
    grant(atRoot);
    assert.deepEqual(
      (await service.listPrompts(atRoot)).map((p) => p.audio),
      [
        'prompts/Thanks.MP3',
        'prompts/d1/d2/d3/deep.wav',
        'prompts/fake.wav',
        'prompts/welcome.wav',
      ],
    );
    // Outside the workspace, without a prompts/ folder: nothing to offer.
    const lone = join(outside, 'lone.json');
    writeFileSync(lone, original);
    grant(lone);
    assert.deepEqual(await service.listPrompts(lone), []);
    await refused(editing().service.listPrompts(main), 'forbidden', /Open flow/);
  });

  test('plays a recording of the flow or the workspace, and nothing else', async () => {
    const { service, grant } = editing();
    grant(main);
    const served = await service.readPrompt(main, '../prompts/welcome.wav');
    assert.equal(served.mimeType, 'audio/wav');
    assert.deepEqual(Buffer.from(served.data, 'base64'), welcome);
    assert.equal((await service.readPrompt(main, 'prompts/local.wav')).mimeType, 'audio/wav');
    assert.equal(
      (await service.readPrompt(main, join(ws, 'prompts/d1/d2/d3/deep.wav'))).mimeType,
      'audio/wav',
    );

    for (const audio of [
      '../../outside/secret.wav',
      join(outside, 'secret.wav'),
      '/etc/passwd',
      '../prompts/../../outside/secret.wav',
      // Inside by its name, outside where it really is.
      '../prompts/link.wav',
    ]) {
      await refused(service.readPrompt(main, audio), 'forbidden', /outside the flow's folder/);
    }
    await refused(
      service.readPrompt(main, '../prompts/fake.wav'),
      'forbidden',
      /"\.\.\/prompts\/fake\.wav" is not a WAV, MP3 or Ogg recording/,
    );
    await refused(service.readPrompt(main, 'prompts/gone.wav'), 'not_found', /does not exist/);
    await refused(service.readPrompt(main, 'prompts'), 'invalid_input', /is not a file/);
    const huge = join(ws, 'flows/big/huge.wav');
    writeFileSync(huge, welcome);
    truncateSync(huge, 64 * 1024 * 1024 + 1);
    await refused(service.readPrompt(main, 'big/huge.wav'), 'invalid_input', /over 64 MiB/);

    // A flow outside the workspace reaches its own folder and the open workspace; with no
    // workspace open, its own folder only.
    const lone = join(outside, 'lone.json');
    grant(lone);
    assert.equal((await service.readPrompt(lone, 'secret.wav')).mimeType, 'audio/wav');
    assert.equal(
      (await service.readPrompt(lone, '../ws/prompts/welcome.wav')).mimeType,
      'audio/wav',
    );
    const closed = editing({ root: () => null });
    closed.grant(lone);
    await refused(
      closed.service.readPrompt(lone, '../ws/prompts/welcome.wav'),
      'forbidden',
      /^recording "\.\.\/ws\/prompts\/welcome\.wav" is outside the flow's folder: put it/,
    );
    await refused(editing().service.readPrompt(main, 'prompts/local.wav'), 'forbidden', /Open/);
  });

  test("picks a file in the system's dialog, named from the flow's folder", async () => {
    const { service, grant } = editing();
    grant(main);
    await refused(
      service.pickPrompt(main),
      'forbidden',
      /^type the recording's path: browser mode has no file dialog$/,
    );
    const asked: [string, string][] = [];
    let answer: string | null = join(ws, 'prompts/d1/d2/d3/deep.wav');
    const withDialog = editing({
      pickAudio: async (title, defaultPath) => {
        asked.push([title, defaultPath]);
        return answer;
      },
    });
    withDialog.grant(main);
    assert.equal(await withDialog.service.pickPrompt(main), '../prompts/d1/d2/d3/deep.wav');
    assert.deepEqual(asked, [['Choose a recording', join(ws, 'prompts')]]);
    answer = null;
    assert.equal(await withDialog.service.pickPrompt(main), null);
    await refused(
      editing({ pickAudio: async () => answer }).service.pickPrompt(main),
      'forbidden',
      /Open/,
    );
  });
});

describe('the editor channels through the IPC dispatcher', () => {
  test('a text read, edited and saved; bounds and refusals as envelopes', async () => {
    const con = await startTestConsole({ workspace: ws });
    try {
      const ask = <T>(channel: string, input: unknown) =>
        dispatchRequest(con.handlers, channel, input) as Promise<Envelope<T>>;
      const path = join(ws, 'flows/ipc.json');
      writeFileSync(path, original);
      const read = await ask<FlowText>('flows.text', { path });
      assert.deepEqual(read, { ok: true, value: { path, text: original } });
      const text = original.replace('"Hi."', '"Hello."');
      const saved = await ask<FlowDocument>('flows.save', { path, text, base: original });
      assert.ok(saved.ok, JSON.stringify(saved));
      assert.equal(saved.value.flow?.nodes['welcome']?.type, 'play');
      assert.equal(readFileSync(path, 'utf8'), text);
      const again = await ask('flows.save', { path, text, base: original });
      assert.equal(!again.ok && again.error.code, 'conflict');
      const listed = await ask<{ audio: string }[]>('prompts.list', { flowPath: path });
      assert.ok(listed.ok && listed.value.some((p) => p.audio === '../prompts/welcome.wav'));
      const played = await ask('prompts.read', { flowPath: path, audio: '/etc/passwd' });
      assert.equal(!played.ok && played.error.code, 'forbidden');
      const picked = await ask('prompts.pick', { flowPath: path });
      assert.equal(!picked.ok && picked.error.code, 'forbidden');
      const extra = await ask('flows.save', { path, text, base: text, force: true });
      assert.ok(!extra.ok && /Unrecognized key: "force"/.test(extra.error.message));
    } finally {
      await con.services.close();
    }
  });

  test("the channel's bound on a flow text is the flow file limit", () => {
    const save = CHANNEL_INPUTS['flows.save'];
    const at = 'x'.repeat(MAX_FLOW_FILE_BYTES);
    assert.ok(save.safeParse({ path: 'a.json', text: at, base: '' }).success);
    const over = save.safeParse({ path: 'a.json', text: `${at}x`, base: '' });
    assert.ok(!over.success && /at most 2 MiB/.test(over.error.message));
  });
});
