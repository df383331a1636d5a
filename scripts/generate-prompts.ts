/**
 * Records the sample flows' prompts (`resources/flows/prompts/*.wav`; ../shared/spec/FLOW.md,
 * "Recorded prompts") with espeak-ng, resampled by sox to 8 kHz, 16-bit mono: what a telephone
 * line carries, and a second of it is 16 KB. The outputs are committed: only a changed prompt needs this script, and
 * with it espeak-ng and sox (Debian: `apt-get install espeak-ng sox`).
 *
 *   node scripts/generate-prompts.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROMPTS = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'resources',
  'flows',
  'prompts',
);

/** Each recording and what it says (the node's `say`, its caption, says the same). */
const RECORDINGS: Record<string, string> = {
  'welcome.wav': 'Welcome to Example Telecom.',
  'goodbye.wav': 'Thank you for calling. Goodbye.',
};

const work = mkdtempSync(join(tmpdir(), 'ivr-prompts-'));
try {
  for (const [file, text] of Object.entries(RECORDINGS)) {
    const spoken = join(work, file);
    execFileSync('espeak-ng', ['-v', 'en-us', '-s', '165', '-w', spoken, text]);
    execFileSync('sox', [spoken, '-r', '8000', '-c', '1', '-b', '16', join(PROMPTS, file)]);
    console.log(`wrote resources/flows/prompts/${file}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
