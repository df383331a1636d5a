/**
 * The open workspace in the header: its folder name, and on click a small menu with its path,
 * Close folder, and the folders opened before (Open recent; Open folder… is beside it).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactElement } from 'react';
import type { WorkspaceState } from '../../../../shared/contract.ts';
import { ChevronIcon, FolderIcon } from '../../ui/icons.tsx';
import { baseName } from './base-name.ts';

/** Props of {@link WorkspaceMenu}. */
export interface WorkspaceMenuProps {
  workspace: WorkspaceState;
  /** Opens a folder opened before. */
  onOpenRecent(path: string): void;
  onCloseFolder(): void;
}

/** The button and its menu. */
export function WorkspaceMenu({
  workspace,
  onOpenRecent,
  onCloseFolder,
}: WorkspaceMenuProps): ReactElement {
  const [open, setOpen] = useState(false);
  const area = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return undefined;
    // A click anywhere else closes the menu, as a popover does.
    const onPointerDown = (event: PointerEvent): void => {
      if (!area.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !open) return;
    // Escape closes the menu; it must not also reach the softphone's hang-up shortcut.
    event.preventDefault();
    setOpen(false);
    button.current?.focus();
  };
  const act = (action: () => void) => () => {
    setOpen(false);
    action();
  };

  const recent = workspace.recentWorkspaces.filter((path) => path !== workspace.root);
  return (
    <div className="workspace-menu" ref={area} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className={`workspace-menu__button${workspace.root ? '' : ' is-empty'}`}
        aria-expanded={open}
        aria-controls={id}
        title={workspace.root ?? 'No workspace folder open'}
        aria-label={`Workspace: ${workspace.name ?? 'no folder'}`}
        data-testid="workspace-name"
        onClick={() => setOpen(!open)}
      >
        <FolderIcon size={15} />
        <span className="workspace-menu__name">{workspace.name ?? 'No folder'}</span>
        <ChevronIcon size={12} />
      </button>
      <div className="workspace-menu__popover" id={id} hidden={!open}>
        {workspace.root ? (
          <div className="workspace-menu__current">
            <span className="dialog__section-title">Workspace</span>
            <code className="workspace-menu__path">{workspace.root}</code>
            <button type="button" className="button button--small" onClick={act(onCloseFolder)}>
              Close folder
            </button>
          </div>
        ) : (
          <p className="muted">
            No workspace folder is open: the samples and the flows opened before are listed.
          </p>
        )}
        <div className="workspace-menu__recent">
          <span className="dialog__section-title" id={`${id}-recent`}>
            Open recent
          </span>
          {recent.length === 0 ? (
            <p className="muted">No other folder opened yet.</p>
          ) : (
            <ul className="path-list" aria-labelledby={`${id}-recent`}>
              {recent.map((path) => (
                <li key={path}>
                  <button
                    type="button"
                    className="path-list__item"
                    title={path}
                    onClick={act(() => onOpenRecent(path))}
                  >
                    <span className="path-list__name">{baseName(path)}</span>
                    <span className="path-list__path">{path}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
