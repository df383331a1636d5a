/**
 * The recorded prompts of a flow (`audio` on a speaking node), read when the flow is loaded: the
 * length of each, which the engine plays them for, and a validation error at `/nodes/<id>/audio`
 * for each that is missing, unreadable or not audio (../shared/spec/FLOW.md, "Recorded prompts").
 */
import { isAbsolute, resolve } from 'node:path';
import type { FlowProblem } from '../../shared/flow/validate-flow.ts';
import { toPointer } from '../../shared/json-pointer.ts';
import { probeRecording } from './recording-length.ts';
import type { RecordingLengths } from '../engine/call-engine.ts';

/** What the recordings of one flow came to. */
export interface FlowRecordings {
  /** Each playable recording's length in ms, by its `audio` path as the flow writes it. */
  lengths: RecordingLengths;
  problems: FlowProblem[];
}

/** The nodes read for `audio` fields before giving up: a flow file holds at most a few thousand. */
const MAX_NODES_READ = 100_000;

/**
 * The `audio` paths of the nodes of `data` (a flow file's parsed JSON, valid or not), by node id.
 * Reads only `nodes.<id>.audio`, so it works on a flow with other errors and stays bounded.
 */
export function audioReferences(data: unknown): { id: string; audio: string }[] {
  if (typeof data !== 'object' || data === null) return [];
  const nodes = (data as { nodes?: unknown }).nodes;
  if (typeof nodes !== 'object' || nodes === null || Array.isArray(nodes)) return [];
  const found: { id: string; audio: string }[] = [];
  let read = 0;
  for (const [id, node] of Object.entries(nodes)) {
    if (++read > MAX_NODES_READ) break;
    if (typeof node !== 'object' || node === null) continue;
    const audio = (node as { audio?: unknown }).audio;
    if (typeof audio === 'string' && audio !== '') found.push({ id, audio });
  }
  return found;
}

/**
 * Reads every recording `references` name, relative to `flowDir` (the flow file's folder). Each
 * file is read once however many nodes play it, one at a time (a flow has a handful).
 */
export async function readFlowRecordings(
  references: readonly { id: string; audio: string }[],
  flowDir: string,
): Promise<FlowRecordings> {
  const lengths = new Map<string, number>();
  const problems: FlowProblem[] = [];
  const probed = new Map<string, Awaited<ReturnType<typeof probeRecording>>>();
  for (const { id, audio } of references) {
    const path = isAbsolute(audio) ? audio : resolve(flowDir, audio);
    let probe = probed.get(path);
    if (probe === undefined) {
      probe = await probeRecording(path);
      probed.set(path, probe);
    }
    if (probe.ok) {
      lengths.set(audio, probe.durationMs);
    } else {
      problems.push({
        severity: 'error',
        pointer: toPointer(['nodes', id, 'audio']),
        code: probe.code,
        message: `recording "${audio}" (${path}): ${probe.problem}`,
      });
    }
  }
  return { lengths, problems };
}
