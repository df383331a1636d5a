/**
 * The error the workspace functions throw where there is nothing else to return: an environment
 * name that names nothing, a folder that cannot be read, a file the form cannot be saved into.
 * Its message is written for the person at the keyboard and is shown as is.
 */

/** A clear, user-facing failure of a workspace operation. */
export class WorkspaceError extends Error {
  override readonly name = 'WorkspaceError';
}
