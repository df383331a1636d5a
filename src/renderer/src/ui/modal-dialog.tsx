/**
 * A modal dialog on the platform's `<dialog>`: focus moves into it and stays there, Escape and
 * the close button cancel, the page behind is inert. Open while mounted, like the settings dialog.
 */
import { useEffect, useId, useRef } from 'react';
import type { FormEvent, ReactElement, ReactNode } from 'react';
import { CloseIcon } from './icons.tsx';
import './dialog.css';

/** Props of {@link ModalDialog}. */
export interface ModalDialogProps {
  title: string;
  onClose(): void;
  /** With it, the body is a form and Enter in a field submits it. */
  onSubmit?: () => void;
  /** The footer's buttons (a submit button submits `onSubmit`). */
  footer?: ReactNode;
  children: ReactNode;
  /** A wider dialog (lists of paths). */
  wide?: boolean;
  testId?: string;
}

/** Opens modally while mounted; Escape or the close button calls `onClose`. */
export function ModalDialog({
  title,
  onClose,
  onSubmit,
  footer,
  children,
  wide = false,
  testId,
}: ModalDialogProps): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onSubmit?.();
  };
  const body = (
    <>
      <div className="dialog__body">{children}</div>
      {footer && <footer className="dialog__footer">{footer}</footer>}
    </>
  );

  return (
    <dialog
      ref={dialog}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          <CloseIcon />
        </button>
      </header>
      {onSubmit ? (
        <form className="dialog__form" onSubmit={submit} noValidate>
          {body}
        </form>
      ) : (
        body
      )}
    </dialog>
  );
}

/** Props of {@link DialogActions}. */
export interface DialogActionsProps {
  /** The submit button's label (`Create`, `Open`). */
  submitLabel: string;
  /** True while the request runs: the submit button waits. */
  busy: boolean;
  onCancel(): void;
}

/** Cancel and the submit button, the footer of a form dialog. */
export function DialogActions({ submitLabel, busy, onCancel }: DialogActionsProps): ReactElement {
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button--primary" disabled={busy}>
        {submitLabel}
      </button>
    </>
  );
}
