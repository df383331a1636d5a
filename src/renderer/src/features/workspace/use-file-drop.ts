/**
 * A file dropped on the page in browser mode. The page cannot see where a dropped file lives
 * (browsers give it the contents, never the path), and the console opens flows by path; so the
 * drop is caught (else the browser would leave the console to show the file) and the user is
 * told how to open it. In the desktop app the drop is left alone: main opens it (open-dropped.ts).
 */
import { useEffect } from 'react';

const hasFiles = (event: DragEvent): boolean =>
  event.dataTransfer !== null && Array.from(event.dataTransfer.types).includes('Files');

/** Listens while `active`; `onNotice` is told what to do with each dropped file. */
export function useFileDrop(active: boolean, onNotice: (message: string) => void): void {
  useEffect(() => {
    if (!active) return undefined;
    const onDragOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      for (const file of Array.from(event.dataTransfer?.files ?? [])) {
        onNotice(
          file.name.toLowerCase().endsWith('.json')
            ? `Use Open flow… to open ${file.name}`
            : `${file.name} is not a flow file (.json)`,
        );
      }
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [active, onNotice]);
}
