/**
 * Logged sessions as the store returns them: shared by the store, the CLI and the UI.
 */
import type { CallEvent, EndedBy } from './call-events.ts';
import type { SessionStatus } from './session-statuses.ts';
import type { VarMap } from './variables.ts';

/** What is known when a call starts. */
export interface SessionStart {
  id: string;
  flowId: string;
  flowName: string;
  /** Absolute path of the flow file, when it came from one. */
  flowPath: string | null;
  source: string;
  destination: string;
  /** Wall-clock start, epoch ms. */
  startedAt: number;
}

/** How the call ended. */
export interface SessionEnd {
  outcome: 'hangup' | 'transfer' | 'error';
  endedBy: EndedBy;
  transferTarget: string | null;
  durationMs: number;
  variables: VarMap;
}

/** One row of the session list. */
export interface SessionSummary {
  id: string;
  flowId: string;
  flowName: string;
  flowPath: string | null;
  source: string;
  destination: string;
  startedAt: number;
  /** Null while running or when interrupted. */
  durationMs: number | null;
  status: SessionStatus;
  endedBy: EndedBy | null;
  transferTarget: string | null;
  eventCount: number;
  webhookCount: number;
}

/** A session with everything it logged. */
export interface SessionDetail extends SessionSummary {
  /** Final variables (null while running or when interrupted). */
  variables: VarMap | null;
  events: CallEvent[];
}

/** Filters for listing sessions; newest first. */
export interface SessionQuery {
  limit?: number;
  offset?: number;
  flowId?: string;
  status?: SessionStatus;
  /**
   * Matches caller, called number, flow id/name or a final variable value (substring,
   * case-insensitive).
   */
  search?: string;
}
