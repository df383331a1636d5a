/**
 * Session rows to the shared SessionSummary / SessionDetail shapes.
 */
import type { CallEvent, EndedBy } from '../../shared/call-events.ts';
import type { SessionStatus } from '../../shared/session-statuses.ts';
import type { SessionDetail, SessionSummary } from '../../shared/session-types.ts';
import type { VarMap } from '../../shared/variables.ts';
import { fromJson } from './json-column.ts';

/** The summary columns (see SUMMARY_COLUMNS in session-sql.ts). */
export interface SessionRow {
  id: string;
  flow_id: string;
  flow_name: string;
  flow_path: string | null;
  source: string;
  destination: string;
  started_at: number;
  duration_ms: number | null;
  status: string;
  ended_by: string | null;
  transfer_target: string | null;
  event_count: number;
  webhook_count: number;
}

/** The summary columns plus the final variables. */
export interface SessionDetailRow extends SessionRow {
  variables_json: string | null;
}

/** One list entry. */
export function rowToSummary(row: SessionRow): SessionSummary {
  return {
    id: row.id,
    flowId: row.flow_id,
    flowName: row.flow_name,
    flowPath: row.flow_path,
    source: row.source,
    destination: row.destination,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    status: row.status as SessionStatus,
    endedBy: row.ended_by as EndedBy | null,
    transferTarget: row.transfer_target,
    eventCount: row.event_count,
    webhookCount: row.webhook_count,
  };
}

/** A whole session, given its events in order. */
export function rowToDetail(row: SessionDetailRow, events: CallEvent[]): SessionDetail {
  return {
    ...rowToSummary(row),
    variables: row.variables_json === null ? null : fromJson<VarMap>(row.variables_json),
    events,
  };
}
