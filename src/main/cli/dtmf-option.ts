/**
 * `--dtmf <script>` of `run`: the caller's keys in the DTMF script notation (calls/dtmf-script.ts).
 */
import type { DtmfStep } from '../calls/dtmf-script.ts';
import { readDtmfScript } from '../calls/dtmf-script.ts';
import { UsageError } from './cli-io.ts';

/** Parses a `--dtmf` script (see {@link readDtmfScript}); a bad one is a usage error. */
export function parseDtmfScript(script: string): DtmfStep[] {
  const read = readDtmfScript(script);
  if ('problem' in read) throw new UsageError(`--dtmf: ${read.problem}`);
  return read.steps;
}
