/**
 * The header's file actions: the open workspace (with Open recent and Close folder), Open flow…,
 * Open folder…, New flow….
 */
import type { ReactElement } from 'react';
import type { WorkspaceState } from '../../../../shared/contract.ts';
import { WorkspaceMenu } from './workspace-menu.tsx';
import './workspace.css';

/** Props of {@link FileActions}. */
export interface FileActionsProps {
  /** Null when main could not say: the actions still work, the workspace is not shown. */
  workspace: WorkspaceState | null;
  onOpenFlow(): void;
  onOpenFolder(): void;
  onNewFlow(): void;
  onOpenRecentFolder(path: string): void;
  onCloseFolder(): void;
}

/** Buttons to open a flow or a folder and to make a new flow, after the open workspace's menu. */
export function FileActions({
  workspace,
  onOpenFlow,
  onOpenFolder,
  onNewFlow,
  onOpenRecentFolder,
  onCloseFolder,
}: FileActionsProps): ReactElement {
  return (
    <div className="file-actions" role="group" aria-label="Files">
      {workspace && (
        <WorkspaceMenu
          workspace={workspace}
          onOpenRecent={onOpenRecentFolder}
          onCloseFolder={onCloseFolder}
        />
      )}
      <button type="button" className="file-actions__button" onClick={onOpenFlow}>
        Open flow…
      </button>
      <button type="button" className="file-actions__button" onClick={onOpenFolder}>
        Open folder…
      </button>
      <button type="button" className="file-actions__button" onClick={onNewFlow}>
        New flow…
      </button>
    </div>
  );
}
