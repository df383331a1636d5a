/**
 * Reads a flow file from disk and validates it, turning every way that can fail (missing file,
 * not UTF-8, not JSON, not a valid flow) into problems that name the file and the place.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FlowValidation } from '../../shared/flow/validate-flow.ts';
import { validateFlowText } from '../../shared/flow/validate-flow.ts';

/** A flow file's validation, with the file it came from. */
export interface LoadedFlow extends FlowValidation {
  /** Absolute path. */
  path: string;
  /** Set when the file could not be read at all (not found, a directory, not UTF-8). */
  readError: string | null;
}

/** Loads and validates the flow at `path` (relative to `cwd`). Never throws. */
export async function loadFlowFile(path: string, cwd = process.cwd()): Promise<LoadedFlow> {
  const absolute = resolve(cwd, path);
  let text: string;
  try {
    const bytes = await readFile(absolute);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, not a flow file'
          : error instanceof TypeError
            ? 'not valid UTF-8'
            : (error as Error).message;
    return { path: absolute, readError: message, ok: false, flow: null, problems: [] };
  }
  return { path: absolute, readError: null, ...validateFlowText(text) };
}
