/**
 * The OS speech engine wired into the console services, on a machine without audio: espeak-ng
 * runs in an environment with no sound server and no device (NO_AUDIO_ENV, for its processes
 * only), so the failure path is exercised the same with or without PulseAudio/PipeWire here.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CallEvent } from '../../src/shared/call-events.ts';
import type { ConsoleEvent } from '../../src/shared/contract.ts';
import { createConsoleServices } from '../../src/main/services/console-services.ts';
import type { ConsoleServices } from '../../src/main/services/console-services.ts';
import { detectSpeechBackend } from '../../src/main/services/os-speech-backend.ts';
import { charsPerSecondAt, estimateSpeechMs } from '../../src/main/engine/speaker.ts';
import { DEFAULT_SETTINGS } from '../../src/main/services/settings-store.ts';
import { loadFlowFile } from '../../src/main/flows/load-flow-file.ts';
import { findExecutableOnPath } from '../../src/main/tts/find-executable.ts';
import { ROOT } from '../helpers/cli-process.ts';
import { NO_AUDIO_ENV } from '../tts/no-audio-env.ts';
import { skipWithoutEspeak } from '../tts/real-espeak.ts';

/** Places a call through the balance sample, as the phone would. */
async function startBalanceCall(services: ConsoleServices) {
  const { flow } = await loadFlowFile(join(ROOT, 'resources/flows/balance.json'));
  assert.ok(flow);
  return services.calls.start({
    flow,
    flowPath: 'balance.json',
    source: '+3612345678',
    destination: '+3612000000',
    variables: {},
  });
}

test(
  'with the OS engine failing (no audio device), prompts keep their pace and the notice comes once',
  {
    skip:
      skipWithoutEspeak ||
      (process.platform !== 'linux' && 'the no-audio environment is made for Linux sound stacks'),
  },
  async () => {
    // espeak-ng even where Speech Dispatcher is installed: the no-audio environment reaches a
    // process the engine starts, not a speech daemon already running.
    const speech = await detectSpeechBackend({
      env: { ...NO_AUDIO_ENV },
      findExecutable: (name) =>
        name === 'espeak-ng' ? findExecutableOnPath(name) : Promise.resolve(null),
    });
    assert.equal(speech?.id, 'espeak-ng');
    const dataDir = await mkdtemp(join(tmpdir(), 'ivr-speech-'));
    try {
      const services = await createConsoleServices({
        dataDir,
        resourcesDir: join(ROOT, 'resources'),
        shell: 'browser',
        version: '0',
        speech,
      });
      try {
        const seen: ConsoleEvent[] = [];
        const callEvents = (): CallEvent[] =>
          seen.flatMap((e) => (e.kind === 'call' ? [e.event] : []));
        // The second prompt starting means the first ("Welcome to Example Bank.") has finished.
        const secondPrompt = new Promise<void>((resolve) => {
          services.hub.subscribe((event) => {
            seen.push(event);
            if (callEvents().filter((e) => e.type === 'prompt_started').length >= 2) resolve();
          });
        });
        const started = await startBalanceCall(services);
        // Or the call's end, should it end before that: the assertions below then say why.
        await Promise.race([secondPrompt, started.done]);
        services.calls.hangUp(started.callId);
        await started.done;
        const ended = callEvents().find((e) => e.type === 'prompt_ended');
        const welcome = estimateSpeechMs('Welcome to Example Bank.');
        // A lower bound only: a failed prompt must not end early; a busy machine only adds time.
        assert.ok(
          ended && ended.t >= welcome - 50,
          `the failed prompt still took about ${welcome} ms (took ${ended?.t})`,
        );
        const notices = seen.filter((e) => e.kind === 'notice');
        assert.equal(notices.length, 1, JSON.stringify(notices));
        assert.match(
          notices[0]?.kind === 'notice' ? notices[0].message : '',
          /^Speech failed \(espeak-ng could not play audio.*captions only\.$/,
        );
      } finally {
        await services.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  },
);

test('with speech off, a prompt takes as long as the chosen rate would speak it', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'ivr-speech-'));
  try {
    // A slow voice: the default pace would end the first prompt in less than half the time.
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ ...DEFAULT_SETTINGS, speech: { enabled: false, voice: null, rate: 80 } }),
    );
    const services = await createConsoleServices({
      dataDir,
      resourcesDir: join(ROOT, 'resources'),
      shell: 'browser',
      version: '0',
      speech: null,
    });
    try {
      const ended = new Promise<CallEvent>((resolve) => {
        services.hub.subscribe((event) => {
          if (event.kind === 'call' && event.event.type === 'prompt_ended') resolve(event.event);
        });
      });
      const started = await startBalanceCall(services);
      const first = await Promise.race([ended, started.done.then(() => null)]);
      services.calls.hangUp(started.callId);
      await started.done;
      const slow = estimateSpeechMs('Welcome to Example Bank.', charsPerSecondAt(80));
      assert.ok(slow > 2 * estimateSpeechMs('Welcome to Example Bank.'));
      // A lower bound only: a busy machine only adds time.
      assert.ok(first && first.t >= slow - 50, `took ${first?.t} ms, ${slow} ms at 80 wpm`);
    } finally {
      await services.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
