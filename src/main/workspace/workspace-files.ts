/**
 * A workspace's files, in one import: which folder is the workspace, its environment files, the
 * environment an `--env` argument names, and its flows. Each lives in its own module.
 */
export { findWorkspaceRoot } from './find-workspace-root.ts';
export type { WorkspaceHints } from './find-workspace-root.ts';
export { listEnvironmentFiles } from './list-environment-files.ts';
export { listWorkspaceFlows } from './list-workspace-flows.ts';
export type { WorkspaceFlow } from './list-workspace-flows.ts';
export { resolveEnvironmentArgument } from './resolve-environment-argument.ts';
export { WorkspaceError } from './workspace-error.ts';
