/**
 * The contract's flows and workspace: the flow picker's entries, an opened flow file, and the
 * open workspace with what the console remembers.
 */
import type { FlowProblem } from '../flow/validate-flow.ts';
import type { Flow } from '../flow/flow-schema.ts';

/** Where a flow in the picker comes from. */
export type FlowGroup = 'workspace' | 'recent' | 'sample';

/** One flow file the console knows. */
export interface FlowEntry {
  path: string;
  /** The picker's group: the open workspace, flows opened before, or the samples. */
  group: FlowGroup;
  /** The path relative to the workspace (workspace flows), else the file name. */
  label: string;
  id: string | null;
  name: string;
  description: string | null;
  sample: boolean;
  valid: boolean;
  errors: number;
  warnings: number;
}

/** A flow file opened: the flow when valid, and every problem. */
export interface FlowDocument {
  path: string;
  flow: Flow | null;
  problems: FlowProblem[];
  readError: string | null;
}

/** The open workspace and what the console remembers. */
export interface WorkspaceState {
  /** Absolute path of the open workspace folder, or null. */
  root: string | null;
  /** Its folder name. */
  name: string | null;
  /** Most recent first. */
  recentWorkspaces: string[];
  recentFlows: string[];
  /**
   * True where paths are typed (browser mode); false in the desktop app, which asks the system's
   * open dialog instead and accepts no path it did not choose.
   */
  typedPaths: boolean;
}
