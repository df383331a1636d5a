/**
 * Hands the page a recorded prompt to play (a live call's, or a replayed session's), and only one
 * its flow names: the page never gets to ask for an arbitrary file by path.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { RecordingFile } from '../../shared/recording-file.ts';
import { readRecording } from '../flows/read-recording.ts';
import { ServiceError } from './service-errors.ts';
import type { RecordingLengths } from '../engine/call-engine.ts';

/**
 * The bytes of `audio` as the flow at `flowPath` names it, given the recordings read when that
 * flow was loaded (`LoadedFlow.recordings`).
 *
 * @throws ServiceError `not_found` for a recording the flow does not play, or one gone or changed
 *   since
 */
export async function serveRecording(
  flowPath: string,
  recordings: RecordingLengths,
  audio: string,
): Promise<RecordingFile> {
  if (!recordings.has(audio)) {
    throw new ServiceError('not_found', `the flow plays no recording "${audio}"`);
  }
  try {
    return await readRecording(isAbsolute(audio) ? audio : resolve(dirname(flowPath), audio));
  } catch (error) {
    throw new ServiceError('not_found', (error as Error).message);
  }
}
