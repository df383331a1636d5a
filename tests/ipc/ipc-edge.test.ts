// Over 300 lines: one suite of the IPC edge, each channel refused or served over the same harness.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { dispatchRequest } from '../../src/main/ipc/dispatch-request.ts';
import type { Channel, ChannelOutput, Envelope } from '../../src/shared/contract.ts';
import { CHANNELS } from '../../src/shared/contract.ts';
import { ROOT } from '../helpers/cli-process.ts';
import type { TestConsole } from '../helpers/console-services.ts';
import { startTestConsole } from '../helpers/console-services.ts';

let con: TestConsole;
before(async () => {
  con = await startTestConsole();
});
after(() => con.services.close());

const send = (channel: unknown, input?: unknown) => dispatchRequest(con.handlers, channel, input);
/** A valid channel's answer, typed by the contract. */
const ask = <C extends Channel>(channel: C, input: unknown = {}) =>
  dispatchRequest(con.handlers, channel, input) as Promise<Envelope<ChannelOutput<C>>>;

function refused(answer: Awaited<ReturnType<typeof send>>, code: string, message: RegExp): void {
  assert.equal(answer.ok, false, JSON.stringify(answer));
  if (answer.ok) return;
  assert.equal(answer.error.code, code);
  assert.match(answer.error.message, message);
}

describe('the IPC edge', () => {
  test('unknown channels are refused, including names that exist on every object', async () => {
    for (const channel of [
      'fs.readFile',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '',
      42,
      null,
      { a: 1 },
    ]) {
      refused(await send(channel, {}), 'unknown_channel', /unknown channel/);
    }
    refused(await send('x'.repeat(100_000), {}), 'unknown_channel', /^unknown channel "x{80}"$/);
  });

  test('wrong types, missing fields and extra fields are refused with what and where', async () => {
    refused(
      await send('call.start', { flowPath: 42 }),
      'invalid_input',
      /^call\.start: flowPath: .*expected string/,
    );
    refused(
      await send('call.start', {}),
      'invalid_input',
      /flowPath: .*; environmentId: .*; source: .*; destination/,
    );
    refused(
      await send('call.pressKey', { callId: 'not-a-uuid', key: '1' }),
      'invalid_input',
      /callId: Invalid UUID/,
    );
    refused(
      await send('call.pressKey', { callId: crypto.randomUUID(), key: '11' }),
      'invalid_input',
      /key: a DTMF key/,
    );
    refused(
      await send('settings.get', { sneaky: true }),
      'invalid_input',
      /Unrecognized key: "sneaky"/,
    );
    refused(await send('settings.get', 'a string'), 'invalid_input', /expected object/);
    refused(await send('settings.get', [1, 2]), 'invalid_input', /expected object/);
    refused(
      await send('call.setVariable', { callId: crypto.randomUUID(), name: 'Bad Name', value: 1 }),
      'invalid_input',
      /name: must match/,
    );
    refused(
      await send('links.openExternal', { url: 'file:///etc/passwd' }),
      'invalid_input',
      /url:/,
    );
    refused(
      await send('links.openExternal', { url: 'javascript:alert(1)' }),
      'invalid_input',
      /url:/,
    );
  });

  test('huge strings are refused by their bounds before any service sees them', async () => {
    const huge = 'x'.repeat(5_000_000);
    refused(await send('flows.open', { path: huge }), 'invalid_input', /path: Too big/);
    refused(
      await send('call.start', {
        flowPath: 'a.json',
        environmentId: 'demo',
        source: huge,
        destination: '1',
      }),
      'invalid_input',
      /source: at most 32 characters/,
    );
    refused(
      await send('call.setVariable', { callId: crypto.randomUUID(), name: 'note', value: huge }),
      'invalid_input',
      /value/,
    );
    refused(
      await send('flows.save', { path: 'a.json', text: huge, base: '' }),
      'invalid_input',
      /^flows\.save: text: at most 2 MiB \(the flow file limit\)$/,
    );
  });

  test('hostile input changes nothing: settings stay as they were', async () => {
    const before = await send('settings.get');
    assert.ok(before.ok);
    const attacks: unknown[] = [
      JSON.parse('{"__proto__": {"polluted": true}}'),
      { dtmf: { toneMs: 5 } },
      { dtmf: { toneMs: '80' } },
      { speech: { voice: '$(rm -rf ~)' } },
      { speech: { rate: 10_000 } },
      { lastCall: { source: 'x'.repeat(1000) } },
      { dtmf: { enabled: true, extra: 1 } },
    ];
    for (const attack of attacks)
      refused(await send('settings.update', attack), 'invalid_input', /settings\.update: /);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.deepEqual(await send('settings.get'), before);
    const changed = await ask('settings.update', { dtmf: { toneMs: 100 } });
    assert.ok(changed.ok && changed.value.dtmf.toneMs === 100, 'a valid update still works');
  });

  test('requests about things that do not exist say so', async () => {
    refused(
      await send('call.pressKey', { callId: crypto.randomUUID(), key: '1' }),
      'not_found',
      /no call/,
    );
    refused(
      await send('call.start', {
        flowPath: join(ROOT, 'resources/flows/nope.json'),
        environmentId: 'demo',
        source: '1',
        destination: '2',
      }),
      'not_found',
      /no such file/,
    );
    refused(
      await send('call.start', {
        flowPath: join(ROOT, 'resources/flows/balance.json'),
        environmentId: 'mars',
        source: '1',
        destination: '2',
      }),
      'not_found',
      /no environment "mars"/,
    );
    refused(
      await send('flows.open', { path: '/etc/passwd' }),
      'invalid_input',
      /flow files are \.json files/,
    );
  });

  test('every channel answers an envelope for a valid request', async () => {
    assert.equal(CHANNELS.length, 49);
    const info = await ask('app.info');
    assert.ok(info.ok && info.value.databasePath.startsWith(con.dataDir));
    const flows = await ask('flows.list');
    assert.ok(flows.ok);
    assert.deepEqual(
      flows.value.filter((f) => f.sample).map((f) => [f.id, f.valid]),
      [
        ['balance', true],
        ['meter-reading', true],
        ['personalised-menu', true],
      ],
    );
    const envs = await ask('environments.list');
    assert.ok(envs.ok && envs.value[0]?.variables['crm_base'] === con.services.demoCrm.url);
    const speech = await send('speech.status');
    assert.deepEqual(speech, { ok: true, value: { engine: null, voices: [] } });
    refused(
      await send('links.openExternal', { url: 'https://example.com/' }),
      'forbidden',
      /links open in this browser/,
    );
    // No speech engine here: speaking a replayed prompt is a no-op that still answers.
    assert.deepEqual(await send('speech.speak', { text: 'Hello.', speed: 2 }), {
      ok: true,
      value: null,
    });
    assert.deepEqual(await send('speech.cancel', {}), { ok: true, value: null });
    refused(await send('speech.speak', { text: '' }), 'invalid_input', /text/);
    refused(await send('speech.speak', { text: 'x', speed: 9 }), 'invalid_input', /speed/);
    const sessions = await ask('sessions.list', {});
    assert.deepEqual(sessions, { ok: true, value: { total: 0, items: [] } });
    const tests = await ask('tests.list', {});
    assert.ok(tests.ok && tests.value.length >= 3);
    // No workspace open: the workspace channels answer, and say what is missing.
    const workspace = await ask('workspace.get', {});
    assert.ok(workspace.ok && workspace.value.root === null && workspace.value.typedPaths);
    refused(await send('workspace.open', {}), 'invalid_input', /type the folder path/);
    refused(await send('flows.openFile', {}), 'invalid_input', /type the flow file path/);
    refused(
      await send('flows.create', { name: 'x', template: 'blank' }),
      'conflict',
      /open a workspace folder first/,
    );
    refused(await send('environments.create', { name: 'x' }), 'conflict', /open a workspace/);
    refused(await send('environments.get', { id: 'workspace:nope' }), 'not_found', /nope/);
    refused(
      await send('environments.pickFile', { id: 'workspace:nope', purpose: 'ca' }),
      'forbidden',
      /type the file path/,
    );
    refused(
      await send('secrets.set', { environmentId: 'workspace:nope', name: 'a', value: 'b' }),
      'not_found',
      /nope/,
    );
    // No load run yet: the Load screen's channels say so (tests/services/load-runner.test.ts runs).
    const load = await ask('load.status', {});
    assert.ok(load.ok && load.value.phase === 'idle' && load.value.run === null);
    assert.deepEqual(await send('load.stop', {}), { ok: true, value: null });
    refused(await send('load.report', {}), 'not_found', /no load run has ended yet/);
    refused(
      await send('load.start', { flowPath: '/x.json', environmentId: 'demo', calls: 0 }),
      'invalid_input',
      /calls: at least 1/,
    );
    // The Tests screen's and Generate tests' channels refuse bad input at the edge, by field.
    refused(await send('tests.run', { path: '', environmentId: 'demo' }), 'invalid_input', /path/);
    refused(
      await send('flows.explore', { flowPath: '/x.json', environmentId: 'demo', maxCases: 501 }),
      'invalid_input',
      /maxCases/,
    );
    refused(
      await send('tests.saveGenerated', { path: '/x.yaml', text: '' }),
      'invalid_input',
      /text: nothing to save/,
    );
    const closed = await ask('workspace.close', {});
    assert.ok(closed.ok && closed.value.root === null);
    const demo = await ask('environments.get', { id: 'demo' });
    assert.ok(demo.ok && demo.value.environment.kind === 'builtin');
    refused(
      await send('request.send', {
        flowPath: '/nowhere/x.json',
        nodeId: 'a',
        environmentId: 'demo',
      }),
      'not_found',
      /no such file/,
    );
    refused(
      await send('environments.save', { id: 'demo', form: demo.value.form }),
      'not_found',
      /no environment "demo"/,
    );
    // The flow editor's channels on a sample, read only (tests/services/flow-editing.test.ts
    // saves, in a folder of its own).
    const samplePath = join(ROOT, 'resources/flows/personalised-menu.json');
    const sampleText = await ask('flows.text', { path: samplePath });
    assert.deepEqual(sampleText, {
      ok: true,
      value: { path: samplePath, text: readFileSync(samplePath, 'utf8') },
    });
    const opened = await ask('flows.open', { path: samplePath });
    const validated = await ask('flows.validate', {
      path: samplePath,
      text: sampleText.value.text,
    });
    assert.ok(opened.ok && validated.ok);
    assert.deepEqual(validated.value, opened.value.problems);
    const prompts = await ask('prompts.list', { flowPath: samplePath });
    assert.ok(prompts.ok);
    assert.deepEqual(
      prompts.value.map((p) => p.audio),
      ['prompts/goodbye.wav', 'prompts/welcome.wav'],
    );
    const played = await ask('prompts.read', {
      flowPath: samplePath,
      audio: 'prompts/welcome.wav',
    });
    assert.ok(played.ok && played.value.mimeType === 'audio/wav');
    refused(
      await send('prompts.pick', { flowPath: samplePath }),
      'forbidden',
      /type the recording's path/,
    );
  });

  test("a call's recordings, and only those, reach the page, live and in replay", async () => {
    refused(
      await send('call.recording', { callId: crypto.randomUUID(), audio: 'prompts/welcome.wav' }),
      'not_found',
      /no call/,
    );
    const started = await ask('call.start', {
      flowPath: join(ROOT, 'resources/flows/personalised-menu.json'),
      environmentId: 'demo',
      source: '+15550001111',
      destination: '+3612000000',
      variables: {},
    });
    assert.ok(started.ok);
    const { callId } = started.value;
    const welcome = await ask('call.recording', { callId, audio: 'prompts/welcome.wav' });
    assert.ok(welcome.ok && welcome.value.mimeType === 'audio/wav');
    assert.deepEqual(
      Buffer.from(welcome.value.data, 'base64'),
      readFileSync(join(ROOT, 'resources/flows/prompts/welcome.wav')),
    );
    // A file the flow does not play is not served, however it is named.
    for (const audio of ['prompts/../personalised-menu.json', '/etc/passwd', 'prompts/other.wav']) {
      refused(
        await send('call.recording', { callId, audio }),
        'not_found',
        /the flow plays no recording/,
      );
    }
    await ask('call.hangUp', { callId });

    // Replay plays the logged session's recordings from its flow file, under the same rule.
    const sessionId = started.value.sessionId!;
    const replayed = await ask('sessions.recording', {
      id: sessionId,
      audio: 'prompts/goodbye.wav',
    });
    assert.ok(replayed.ok && replayed.value.mimeType === 'audio/wav');
    refused(
      await send('sessions.recording', { id: sessionId, audio: '/etc/passwd' }),
      'not_found',
      /the flow plays no recording/,
    );
    refused(
      await send('sessions.recording', { id: crypto.randomUUID(), audio: 'prompts/goodbye.wav' }),
      'not_found',
      /session/,
    );
  });
});
