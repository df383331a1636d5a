/** The environment editor's proxy section: a proxy URL, or the console's own environment's. */
import type { ReactElement } from 'react';
import { EnvSection } from './env-section.tsx';

/** Props of {@link ProxySection}. */
export interface ProxySectionProps {
  /** The editor's id prefix, for the field's ids. */
  id: string;
  proxy: string;
  onChange(proxy: string): void;
}

/** The proxy field of one environment. */
export function ProxySection({ id, proxy, onChange }: ProxySectionProps): ReactElement {
  return (
    <EnvSection title="Proxy">
      <div className="field env-editor__proxy">
        <label className="field__label" htmlFor={`${id}-proxy`}>
          Proxy URL
        </label>
        <input
          id={`${id}-proxy`}
          type="text"
          value={proxy}
          placeholder="http://proxy.example.com:3128"
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={`${id}-proxy-help`}
          autoComplete="off"
          spellCheck={false}
        />
        <p className="field__help" id={`${id}-proxy-help`}>
          Empty: the <code>HTTPS_PROXY</code>, <code>HTTP_PROXY</code> and <code>NO_PROXY</code> of
          the console&rsquo;s environment apply.
        </p>
      </div>
    </EnvSection>
  );
}
