/**
 * The session and test-case libraries as the page reaches them: every flow a listed session or
 * test file names becomes one the page may open or call (flow-path-grants.ts), a live re-run's
 * environment is looked up by the id the page picked, and a session is saved as a test case.
 */
import type { SavedTestCase, SessionPage, TestFileEntry } from '../../shared/contract.ts';
import type { RerunMode, RerunReport } from '../../shared/rerun/rerun-types.ts';
import type { SessionDetail, SessionQuery } from '../../shared/session-types.ts';
import type { EnvironmentLibrary } from './environment-library.ts';
import type { FlowPathGrants } from './flow-path-grants.ts';
import type { SessionLibrary } from './session-library.ts';
import type { TestCaseLibrary } from './test-case-library.ts';

/** What the Sessions screen and autopilot ask of the libraries. */
export interface LibraryAccess {
  listSessions(query: SessionQuery): SessionPage;
  /** @throws ServiceError `not_found` */
  getSession(id: string): SessionDetail;
  /** `environmentId`: what a live re-run points at (absent: the original's own values). */
  rerunSession(input: {
    id: string;
    mode: RerunMode;
    environmentId?: string | undefined;
  }): Promise<RerunReport>;
  saveSessionAsTest(input: { id: string; name?: string | undefined }): Promise<SavedTestCase>;
  listTests(): Promise<TestFileEntry[]>;
}

/** What library access is built from. */
export interface LibraryAccessDeps {
  sessions: SessionLibrary;
  tests: TestCaseLibrary;
  environments: EnvironmentLibrary;
  grants: FlowPathGrants;
}

/** Library access over `deps`. */
export function createLibraryAccess(deps: LibraryAccessDeps): LibraryAccess {
  const { sessions, tests, environments, grants } = deps;
  return {
    listSessions(query) {
      const page = sessions.list(query);
      for (const item of page.items) grants.grant(item.flowPath);
      return page;
    },
    getSession(id) {
      const session = sessions.get(id);
      grants.grant(session.flowPath);
      return session;
    },
    async rerunSession({ id, mode, environmentId }) {
      const environment =
        environmentId === undefined ? null : await environments.forCall(environmentId);
      return sessions.rerun(id, mode, environment);
    },
    saveSessionAsTest({ id, name }) {
      return tests.saveSession(sessions.get(id), name);
    },
    async listTests() {
      const files = await tests.list();
      for (const file of files) grants.grant(file.flowPath);
      return files;
    },
  };
}
