/** Share 1 of the test files that share a process (tests/shared-process.ts). */
import { runSharedFiles } from './shared-process.ts';

await runSharedFiles(0);
