/**
 * The handful of line icons the console uses, inline so the strict CSP and offline use need no
 * icon font or file. Decorative: each is hidden from assistive technology; the control it sits in
 * carries the label.
 */
import type { ReactElement } from 'react';

/** Props shared by every icon. */
interface IconProps {
  size?: number;
}

function Svg({ size = 16, children }: IconProps & { children: ReactElement | ReactElement[] }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** A telephone handset. */
export function PhoneIcon(props: IconProps): ReactElement {
  return (
    <Svg {...props}>
      <path d="M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1.9.4 1.8.7 2.7a2 2 0 0 1-.5 2.1L8 9.8a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.7.7a2 2 0 0 1 1.7 2z" />
    </Svg>
  );
}

/** A handset put down (hang up). */
export function HangUpIcon(props: IconProps): ReactElement {
  return (
    <Svg {...props}>
      <path d="M3.7 14.6 2.3 13.2a1.6 1.6 0 0 1 0-2.3C5.2 8 8.5 6.9 12 6.9s6.8 1.1 9.7 4a1.6 1.6 0 0 1 0 2.3l-1.4 1.4a1.6 1.6 0 0 1-2 .2l-2-1.3a1.6 1.6 0 0 1-.7-1.3v-2a12.7 12.7 0 0 0-7.2 0v2a1.6 1.6 0 0 1-.7 1.3l-2 1.3a1.6 1.6 0 0 1-2-.2z" />
    </Svg>
  );
}

/** A cog (settings). */
export function GearIcon(props: IconProps): ReactElement {
  return (
    <Svg {...props}>
      <circle cx="12" cy="12" r="3" />
      <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
    </Svg>
  );
}

/** A padlock (locked system variables). */
export function LockIcon(props: IconProps): ReactElement {
  return (
    <Svg {...props}>
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </Svg>
  );
}

/** Two sheets (copy). */
export function CopyIcon(props: IconProps): ReactElement {
  return (
    <Svg {...props}>
      <rect x="9" y="9" width="12" height="12" rx="2" />
      <path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1" />
    </Svg>
  );
}

/** A chevron pointing right; rotated by CSS when its row is expanded. */
export function ChevronIcon(props: IconProps): ReactElement {
  return (
    <Svg {...props}>
      <path d="m9 6 6 6-6 6" />
    </Svg>
  );
}

/** A pencil (edit). */
export function PencilIcon(props: IconProps): ReactElement {
  return (
    <Svg {...props}>
      <path d="M17 3a2.8 2.8 0 1 1 4 4L7.5 20.5 2 22l1.5-5.5z" />
    </Svg>
  );
}

/** A cross (dismiss). */
export function CloseIcon(props: IconProps): ReactElement {
  return (
    <Svg {...props}>
      <path d="M18 6 6 18M6 6l12 12" />
    </Svg>
  );
}

/** Play (a right-pointing triangle). */
export function PlayIcon(props: IconProps): ReactElement {
  return (
    <Svg {...props}>
      <path d="M7 4.5v15l12-7.5z" fill="currentColor" />
    </Svg>
  );
}

/** Pause (two bars). */
export function PauseIcon(props: IconProps): ReactElement {
  return (
    <Svg {...props}>
      <path d="M8 5v14M16 5v14" strokeWidth="3" />
    </Svg>
  );
}

/** Step forward (a triangle against a bar). */
export function StepForwardIcon(props: IconProps): ReactElement {
  return (
    <Svg {...props}>
      <path d="M6 5v14l9-7z" fill="currentColor" />
      <path d="M18 5v14" />
    </Svg>
  );
}

/** Step back (a bar, then a triangle pointing left). */
export function StepBackIcon(props: IconProps): ReactElement {
  return (
    <Svg {...props}>
      <path d="M18 5v14l-9-7z" fill="currentColor" />
      <path d="M6 5v14" />
    </Svg>
  );
}

/** Start again (a circular arrow). */
export function RestartIcon(props: IconProps): ReactElement {
  return (
    <Svg {...props}>
      <path d="M3 12a9 9 0 1 0 3-6.7L3 8" />
      <path d="M3 3v5h5" />
    </Svg>
  );
}

/** A folder (the workspace). */
export function FolderIcon(props: IconProps): ReactElement {
  return (
    <Svg {...props}>
      <path d="M3 6.5A1.5 1.5 0 0 1 4.5 5h4l2 2.5h9A1.5 1.5 0 0 1 21 9v9.5a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 18.5z" />
    </Svg>
  );
}

/** An eye (reveal a hidden value). */
export function EyeIcon(props: IconProps): ReactElement {
  return (
    <Svg {...props}>
      <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
    </Svg>
  );
}

/** A plus (add a row). */
export function PlusIcon(props: IconProps): ReactElement {
  return (
    <Svg {...props}>
      <path d="M12 5v14M5 12h14" />
    </Svg>
  );
}

/** A paper plane (send a request). */
export function SendIcon(props: IconProps): ReactElement {
  return (
    <Svg {...props}>
      <path d="M22 2 11 13" />
      <path d="M22 2 15 22l-4-9-9-4z" />
    </Svg>
  );
}
