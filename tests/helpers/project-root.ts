/**
 * The project root, for every test helper that reads the sources, starts the CLI or builds the
 * app: found from this file's place, so that it holds whatever folder the tests run from.
 */
import { resolve } from 'node:path';

/** The project root. */
export const ROOT = resolve(import.meta.dirname, '../..');
