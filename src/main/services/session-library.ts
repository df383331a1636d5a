/**
 * The Sessions screen's side of main: every logged call paged and searched, one opened, deleted,
 * exported, or re-run through its flow as it is now and compared with the original. Plain
 * TypeScript over the session store and the flow catalog; the IPC handlers only translate.
 */
import type { RecordingFile } from '../../shared/recording-file.ts';
import type { ExportedFile, SessionPage } from '../../shared/contract.ts';
import type { SessionDetail, SessionQuery } from '../../shared/session-types.ts';
import type { RerunMode, RerunReport } from '../../shared/rerun/rerun-types.ts';
import type { CallEnvironment } from '../calls/call-environment.ts';
import { APP_EXPORTER } from '../export/exporter.ts';
import { exportExtension, exportMimeType, exportSession } from '../export/export-session.ts';
import type { ExportFormat } from '../export/export-session.ts';
import { describeCallerScript } from '../rerun/caller-script.ts';
import { rerunSession } from '../rerun/rerun-session.ts';
import type { SessionStore } from '../store/session-store.ts';
import { StoreError } from '../store/store-error.ts';
import type { FlowCatalog } from './flow-catalog.ts';
import { runnableFlow } from './runnable-flow.ts';
import { assertMockable, saveMockFromCall } from './mock-from-call.ts';
import type { SavedMockEnvironment } from './mock-from-call.ts';
import { serveRecording } from './serve-recording.ts';
import { ServiceError } from './service-errors.ts';

/** What the Sessions screen can do. */
export interface SessionLibrary {
  list(query: SessionQuery): SessionPage;
  /** @throws ServiceError `not_found` */
  get(id: string): SessionDetail;
  /** @throws ServiceError `not_found` */
  delete(id: string): void;
  /** @throws ServiceError `not_found` */
  export(id: string, format: ExportFormat): ExportedFile;
  /**
   * Re-runs the session's caller input through its flow file as it is now. `variables` go over
   * the original's start variables (the demo CRM's `crm_base` for a live re-run against it).
   *
   * @throws ServiceError `not_found` (session or flow file), `conflict` (running session, flow
   *   with errors)
   */
  /** `environment`: what a live re-run points at (null: the original's own values). */
  rerun(id: string, mode: RerunMode, environment: CallEnvironment | null): Promise<RerunReport>;
  /**
   * A recorded prompt of the session's flow file as it is now, for replay to play.
   *
   * @throws ServiceError `not_found` (session, flow file, or a recording the flow does not play)
   */
  recording(id: string, audio: string): Promise<RecordingFile>;
  /**
   * "Mock from this call": an environment whose mocks give back every reply the call received,
   * saved in the open workspace's environments/ folder.
   *
   * @throws ServiceError `not_found`, `conflict` (no workspace open, no webhook in the call)
   */
  mockFromCall(id: string): Promise<SavedMockEnvironment>;
}

/** How far past the page a total is counted before it becomes "at least". */
export const COUNT_PAST_PAGE = 10_000;

/**
 * The library over `store`, loading flows through `flows`; `workspaceRoot` is the open
 * workspace's folder (null when none is open).
 */
export function createSessionLibrary(
  store: SessionStore,
  flows: FlowCatalog,
  workspaceRoot: () => string | null = () => null,
): SessionLibrary {
  const get = (id: string): SessionDetail => {
    let session: SessionDetail | null;
    try {
      session = store.get(id);
    } catch (error) {
      // An ambiguous prefix names its candidates: the user's input, so `invalid_input`.
      if (error instanceof StoreError && error.code === 'ambiguous_prefix') {
        throw new ServiceError('invalid_input', error.message);
      }
      throw error;
    }
    if (session === null) throw new ServiceError('not_found', `no session "${id}"`);
    return session;
  };

  return {
    list(query) {
      const items = store.list(query);
      // Counted no further than 10,000 past this page: enough to page on, and a broad search of
      // a million sessions answers at once (see SessionPage.atLeast).
      const atMost = (query.offset ?? 0) + COUNT_PAST_PAGE + 1;
      const total = store.count(query, atMost);
      return total < atMost ? { total, items } : { total: atMost - 1, atLeast: true, items };
    },
    get,
    mockFromCall: (id) => saveMockFromCall(get(id), workspaceRoot()),
    delete(id) {
      if (!store.delete(id)) throw new ServiceError('not_found', `no session "${id}"`);
    },
    export(id, format) {
      const session = get(id);
      if (format === 'mock') assertMockable(session);
      return {
        fileName: `session-${session.id.slice(0, 8)}${exportExtension(format)}`,
        mimeType: exportMimeType(format),
        content: exportSession(session, format, APP_EXPORTER),
      };
    },
    async rerun(id, mode, environment) {
      const session = get(id);
      if (session.status === 'running') {
        throw new ServiceError('conflict', `session ${session.id} is still running`);
      }
      if (session.flowPath === null) {
        throw new ServiceError('not_found', `session ${session.id} has no flow file to re-run`);
      }
      const document = await flows.openToRun(session.flowPath);
      const result = await rerunSession({
        session,
        flow: runnableFlow(document),
        flowPath: document.path,
        recordings: document.recordings,
        mode,
        ...(environment
          ? {
              variables: environment.variables,
              secrets: environment.secrets,
              limits: environment.limits,
              network: environment.network,
            }
          : {}),
        store: null,
      });
      return {
        sessionId: result.sessionId,
        flowId: result.flowId,
        flowPath: result.flowPath,
        mode: result.mode,
        script: describeCallerScript(result.steps),
        unusedSteps: result.unusedSteps,
        original: result.original,
        rerun: result.rerun,
        rerunSessionId: result.rerunSessionId,
        comparison: result.comparison,
      };
    },
    async recording(id, audio) {
      const { flowPath } = get(id);
      if (flowPath === null) {
        throw new ServiceError('not_found', `session ${id} has no flow file to play from`);
      }
      const document = await flows.openToRun(flowPath);
      return serveRecording(document.path, document.recordings, audio);
    },
  };
}
