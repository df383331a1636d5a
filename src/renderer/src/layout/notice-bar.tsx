/**
 * Notices from main ("no text-to-speech engine…") as compact pills in the header: always in
 * sight, never pushing the console down. A pill opens to the full text, which can be dismissed.
 * The message is also announced once to screen readers.
 */
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, ReactElement } from 'react';
import type { Notice } from '../state/use-notices.ts';
import { CloseIcon } from '../ui/icons.tsx';

/** Props of {@link NoticeBar}. */
export interface NoticeBarProps {
  notices: Notice[];
  onDismiss(id: number): void;
}

/** The notices, or nothing. */
export function NoticeBar({ notices, onDismiss }: NoticeBarProps): ReactElement | null {
  const [openId, setOpenId] = useState<number | null>(null);
  const area = useRef<HTMLDivElement>(null);
  const open = openId !== null;

  useEffect(() => {
    if (!open) return undefined;
    // A click anywhere else closes the open notice, as a popover does.
    const onPointerDown = (event: PointerEvent): void => {
      if (!area.current?.contains(event.target as Node)) setOpenId(null);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    // Escape closes the notice; it must not also reach the softphone's hang-up shortcut.
    event.preventDefault();
    setOpenId(null);
  };

  if (notices.length === 0) return null;
  return (
    <div className="notices" ref={area} onKeyDown={onKeyDown}>
      {notices.map((notice) => {
        const expanded = openId === notice.id;
        const popoverId = `notice-${notice.id}`;
        return (
          <div key={notice.id} className={`notice notice--${notice.level}`}>
            <button
              type="button"
              className="notice__pill"
              aria-expanded={expanded}
              aria-controls={popoverId}
              title={notice.message}
              onClick={() => setOpenId(expanded ? null : notice.id)}
            >
              <span className="notice__mark" aria-hidden="true">
                !
              </span>
              <span className="notice__text">{notice.message}</span>
            </button>
            <div className="notice__popover" id={popoverId} hidden={!expanded}>
              <p>{notice.message}</p>
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  setOpenId(null);
                  onDismiss(notice.id);
                }}
              >
                <CloseIcon size={12} />
                Dismiss
              </button>
            </div>
          </div>
        );
      })}
      <p className="visually-hidden" role="status">
        {notices.at(-1)?.message}
      </p>
    </div>
  );
}
