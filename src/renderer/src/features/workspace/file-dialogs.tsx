/**
 * The dialogs of the header's file actions: Open flow… and Open folder… where paths are typed,
 * and New flow…; at most one is open.
 */
import type { ReactElement } from 'react';
import type { FlowEntry, WorkspaceState } from '../../../../shared/contract.ts';
import { NewFlowDialog } from './new-flow-dialog.tsx';
import type { NewFlowInput } from './new-flow-dialog.tsx';
import { OpenPathDialog } from './open-path-dialog.tsx';

/** Which dialog of the file actions is open. */
export type FileDialog = 'open-flow' | 'open-folder' | 'new-flow';

/** Props of {@link FileDialogs}. */
export interface FileDialogsProps {
  /** The open dialog, or null for none. */
  dialog: FileDialog | null;
  workspace: WorkspaceState | null;
  flows: readonly FlowEntry[];
  onOpenFlowPath(path: string): Promise<void>;
  onOpenFolderPath(path: string): Promise<void>;
  onCreateFlow(input: NewFlowInput): Promise<void>;
  /** From New flow…: there is no folder to create it in yet. */
  onOpenFolder(): void;
  onClose(): void;
}

/** The open dialog, if any. */
export function FileDialogs({
  dialog,
  workspace,
  flows,
  onOpenFlowPath,
  onOpenFolderPath,
  onCreateFlow,
  onOpenFolder,
  onClose,
}: FileDialogsProps): ReactElement {
  return (
    <>
      {(dialog === 'open-flow' || dialog === 'open-folder') && (
        <OpenPathDialog
          key={dialog}
          kind={dialog === 'open-flow' ? 'flow' : 'folder'}
          recent={
            (dialog === 'open-flow' ? workspace?.recentFlows : workspace?.recentWorkspaces) ?? []
          }
          onOpen={dialog === 'open-flow' ? onOpenFlowPath : onOpenFolderPath}
          onClose={onClose}
        />
      )}
      {dialog === 'new-flow' && (
        <NewFlowDialog
          workspace={workspace}
          samples={flows.filter((f) => f.group === 'sample')}
          onCreate={onCreateFlow}
          onOpenFolder={() => {
            onClose();
            onOpenFolder();
          }}
          onClose={onClose}
        />
      )}
    </>
  );
}
