import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CallEvent } from '../../src/shared/call-events.ts';
import type { ConsoleEvent } from '../../src/shared/contract.ts';
import { createConsoleServices } from '../../src/main/services/console-services.ts';
import { detectSpeechBackend } from '../../src/main/services/os-speech-backend.ts';
import { estimateSpeechMs } from '../../src/main/engine/speaker.ts';
import { loadFlowFile } from '../../src/main/flows/load-flow-file.ts';
import { ROOT, tempDir } from '../helpers/cli-process.ts';

// On a machine with a sound device espeak-ng really speaks; this checks the no-device path.
const hasAudio = process.env['IVR_TEST_HAS_AUDIO'] === '1';

test(
  'with the OS engine failing (no audio device), prompts keep their pace and the notice comes once',
  { skip: hasAudio && 'a sound device is present' },
  async () => {
    const speech = await detectSpeechBackend();
    assert.equal(speech?.id, 'espeak-ng', 'espeak-ng is the Linux engine here');
    const services = await createConsoleServices({
      dataDir: tempDir('ivr-speech-'),
      resourcesDir: join(ROOT, 'resources'),
      shell: 'browser',
      version: '0',
      speech,
    });
    try {
      const seen: ConsoleEvent[] = [];
      services.hub.subscribe((event) => seen.push(event));
      const { flow } = await loadFlowFile(join(ROOT, 'resources/flows/balance.json'));
      assert.ok(flow);
      const started = services.calls.start({
        flow,
        flowPath: 'balance.json',
        source: '+3612345678',
        destination: '+3612000000',
        variables: {},
      });
      const callEvents = (): CallEvent[] =>
        seen.flatMap((e) => (e.kind === 'call' ? [e.event] : []));
      // Wait for the second prompt to start: the first ("Welcome to Example Bank.") has finished.
      for (
        let i = 0;
        i < 100 && callEvents().filter((e) => e.type === 'prompt_started').length < 2;
        i++
      ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      services.calls.hangUp(started.callId);
      await started.done;
      const ended = callEvents().find((e) => e.type === 'prompt_ended');
      const welcome = estimateSpeechMs('Welcome to Example Bank.');
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
  },
);
