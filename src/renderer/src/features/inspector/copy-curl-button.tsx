/**
 * "Copy as cURL": the exact request (secrets redacted) as a shell command, confirmed in place.
 */
import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import { copyText } from '../../lib/copy-text.ts';
import { CopyIcon } from '../../ui/icons.tsx';

/** The button. Give it `key={curl}` so another exchange starts unconfirmed. */
export function CopyCurlButton({ curl }: { curl: string }): ReactElement {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  const label = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy as cURL';
  return (
    <button
      type="button"
      className={`button button--small copy-curl copy-curl--${state}`}
      onClick={() => void copyText(curl).then((ok) => setState(ok ? 'copied' : 'failed'))}
    >
      <CopyIcon size={14} />
      <span aria-live="polite">{label}</span>
    </button>
  );
}
