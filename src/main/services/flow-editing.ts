/**
 * The flow editor's way to flow files and their recordings: the text to edit, a save that never
 * overwrites a change made elsewhere, live validation of unsaved text, and the recorded prompts a
 * node's `audio` field may pick and play. Every path the page sends is a flow file it was shown
 * (flow-path-grants.ts, as `flows.open`); a save writes only that `.json` file, and a recording
 * is read only from the flow's folder or the open workspace.
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FlowDocument, FlowText, PromptFile } from '../../shared/contract.ts';
import type { FlowProblem } from '../../shared/flow/validate-flow.ts';
import type { RecordingFile } from '../../shared/recording-file.ts';
import { listPromptFiles } from '../flows/list-prompts.ts';
import { MAX_FLOW_FILE_BYTES, validateFlowSource } from '../flows/load-flow-file.ts';
import { readRecording, RecordingReadError } from '../flows/read-recording.ts';
import { MAX_RECORDING_BYTES } from '../flows/recording-length.ts';
import { unsavableFlowText } from '../flows/savable-flow-text.ts';
import { writeFileAtomic } from '../fs/write-file-atomic.ts';
import { readBoundedText } from '../workspace/read-bounded-text.ts';
import type { FlowCatalog } from './flow-catalog.ts';
import type { FlowPathGrants } from './flow-path-grants.ts';
import { ServiceError } from './service-errors.ts';

/** What the editor's service needs. */
export interface FlowEditingDeps {
  grants: FlowPathGrants;
  /** Opens a saved flow again, as `flows.open` answers it. */
  flows: FlowCatalog;
  /** The open workspace folder, or null. */
  root(): string | null;
  /** The system's open dialog for a recording (desktop app); absent in browser mode. */
  pickAudio?: (title: string, defaultPath: string) => Promise<string | null>;
}

/** What the flow editor's channels do. Every `path` / `flowPath` must be a granted `.json` file. */
export interface FlowEditing {
  /**
   * The file's text.
   *
   * @throws ServiceError `not_found` for a missing file, `invalid_input` for one too large, not
   *   UTF-8 or a folder
   */
  text(path: string): Promise<FlowText>;
  /**
   * Writes `text` to the file, atomically, if it still holds `base` (the text the editor started
   * from); a missing file is written only when `base` is empty (a new file). Answers the file
   * opened again.
   *
   * @throws ServiceError `conflict` when the file changed (or went away) since, `invalid_input`
   *   for a text that is not JSON or over the flow file limit; the file is then left as it was
   */
  save(path: string, text: string, base: string): Promise<FlowDocument>;
  /** The problems of `text` as if it were the file at `path` (its recordings included). */
  validate(path: string, text: string): Promise<FlowProblem[]>;
  /** Recordings in the workspace's `prompts/` and in `prompts/` beside the flow. */
  listPrompts(flowPath: string): Promise<PromptFile[]>;
  /**
   * A recording named as a flow's `audio` field would name it.
   *
   * @throws ServiceError `forbidden` for a file outside the flow's folder and the workspace, or
   *   not audio by its bytes; `not_found`; `invalid_input` for one over the recording limit
   */
  readPrompt(flowPath: string, audio: string): Promise<RecordingFile>;
  /** The open dialog's choice relative to the flow's folder; null when cancelled. */
  pickPrompt(flowPath: string): Promise<string | null>;
}

/** True when `path` is `folder` or inside it (both absolute). */
function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** `path` relative to `folder`, with forward slashes, as a flow's `audio` field holds it. */
function audioPathOf(folder: string, path: string): string {
  return relative(folder, path).split(sep).join('/');
}

function readFailure(file: string, error: string): ServiceError {
  return new ServiceError(
    error === 'does not exist' ? 'not_found' : 'invalid_input',
    `${file} ${error}`,
  );
}

/** The editor's service over the grants, the catalog and the open workspace. */
export function createFlowEditing(deps: FlowEditingDeps): FlowEditing {
  const { grants } = deps;

  /** A flow path the page sent: granted, a `.json` file; absolute. */
  const flowFile = (path: string): string => {
    grants.check(path);
    const absolute = resolve(path);
    if (extname(absolute).toLowerCase() !== '.json') {
      throw new ServiceError('invalid_input', `flow files are .json files, not "${absolute}"`);
    }
    return absolute;
  };

  /** The `prompts/` folders offered for the flow at `file`: the workspace's first. */
  const promptFolders = (file: string): string[] => {
    const root = deps.root();
    const folders = root !== null && isInside(root, file) ? [join(root, 'prompts')] : [];
    return [...folders, join(dirname(file), 'prompts')];
  };

  /**
   * The file a save writes: the flow file, or the `.json` file it links to (as editors save
   * through a link, so the text read and the text written are the same file's).
   */
  const saveTarget = async (file: string): Promise<string> => {
    const info = await lstat(file).catch(() => null);
    if (!info?.isSymbolicLink()) return file;
    const target = await realpath(file).catch(() => null);
    if (target === null) {
      throw new ServiceError('invalid_input', `${file} is a link to a file that does not exist`);
    }
    if (extname(target).toLowerCase() !== '.json') {
      throw new ServiceError(
        'invalid_input',
        `${file} links to ${target}, which is not a .json file`,
      );
    }
    return target;
  };

  /** The real path of the recording `audio` names, if it lies where the editor may read. */
  const allowedRecording = async (file: string, audio: string): Promise<string> => {
    const flowDir = dirname(file);
    const root = deps.root();
    const folders = root === null ? [flowDir] : [flowDir, root];
    const wanted = isAbsolute(audio) ? resolve(audio) : resolve(flowDir, audio);
    const outside = (path: string, within: string[]): boolean =>
      !within.some((folder) => isInside(folder, path));
    const refuse = (): ServiceError =>
      new ServiceError(
        'forbidden',
        `recording "${audio}" is outside the flow's folder${root === null ? '' : ' and the workspace'}: put it in a prompts/ folder there`,
      );
    // Refused by its name first, so nothing outside is even looked at; then by where it really
    // is, so a link inside cannot lead out.
    if (outside(wanted, folders)) throw refuse();
    let real: string;
    try {
      real = await realpath(wanted);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        throw new ServiceError('not_found', `recording "${audio}" (${wanted}) does not exist`);
      }
      throw new ServiceError('invalid_input', `recording "${audio}" cannot be read (${code})`);
    }
    const realFolders = await Promise.all(folders.map((f) => realpath(f).catch(() => f)));
    if (outside(real, realFolders)) throw refuse();
    return real;
  };

  return {
    async text(path) {
      const file = flowFile(path);
      const read = await readBoundedText(file, MAX_FLOW_FILE_BYTES);
      if ('error' in read) throw readFailure(file, read.error);
      return { path: file, text: read.text };
    },

    async save(path, text, base) {
      const file = flowFile(path);
      const unsavable = unsavableFlowText(text, MAX_FLOW_FILE_BYTES);
      if (unsavable !== null) {
        throw new ServiceError('invalid_input', `the flow text ${unsavable}; it was not saved`);
      }
      const target = await saveTarget(file);
      const current = await readBoundedText(target, MAX_FLOW_FILE_BYTES);
      const changed = 'the flow file changed on disk since the editor opened it';
      if ('error' in current) {
        // A file gone since it was opened was deleted or moved on purpose: writing it back would
        // undo that unasked. Only a file the editor started empty (base '') is created.
        if (current.error !== 'does not exist') {
          throw new ServiceError('invalid_input', `${target} ${current.error}; it was not saved`);
        }
        if (base !== '') {
          throw new ServiceError(
            'conflict',
            `${changed}: ${file} was deleted or moved; nothing was written`,
          );
        }
      } else if (current.text !== base) {
        throw new ServiceError(
          'conflict',
          `${changed}: ${file} no longer holds the text the edits started from; nothing was written`,
        );
      }
      try {
        // No folder is created: a flow is saved only where a file was shown to the page.
        await writeFileAtomic(target, text);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          throw new ServiceError('not_found', `${dirname(target)} does not exist; not saved`);
        }
        throw new ServiceError(
          'failed',
          `${target} could not be written: ${(error as Error).message}`,
        );
      }
      return deps.flows.open(file);
    },

    async validate(path, text) {
      const file = flowFile(path);
      return (await validateFlowSource(text, file)).problems;
    },

    async listPrompts(flowPath) {
      const file = flowFile(flowPath);
      return listPromptFiles(promptFolders(file), dirname(file));
    },

    async readPrompt(flowPath, audio) {
      const file = flowFile(flowPath);
      const real = await allowedRecording(file, audio);
      try {
        return await readRecording(real);
      } catch (error) {
        if (error instanceof RecordingReadError) {
          const refusals = {
            'not-a-file': ['invalid_input', `recording "${audio}" is not a file`],
            'too-large': [
              'invalid_input',
              `recording "${audio}" is over ${MAX_RECORDING_BYTES / 1024 / 1024} MiB`,
            ],
            // Never handed to the page: it plays recordings only.
            'not-audio': ['forbidden', `"${audio}" is not a WAV, MP3 or Ogg recording`],
          } as const;
          const [code, message] = refusals[error.reason];
          throw new ServiceError(code, message);
        }
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new ServiceError('not_found', `recording "${audio}" is gone`);
        }
        throw new ServiceError('invalid_input', (error as Error).message);
      }
    },

    async pickPrompt(flowPath) {
      const file = flowFile(flowPath);
      if (!deps.pickAudio) {
        throw new ServiceError(
          'forbidden',
          "type the recording's path: browser mode has no file dialog",
        );
      }
      const flowDir = dirname(file);
      let start = flowDir;
      for (const folder of promptFolders(file)) {
        if ((await stat(folder).catch(() => null))?.isDirectory()) {
          start = folder;
          break;
        }
      }
      const chosen = await deps.pickAudio('Choose a recording', start);
      return chosen === null ? null : audioPathOf(flowDir, chosen);
    },
  };
}
