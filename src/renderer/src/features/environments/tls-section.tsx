/**
 * The environment editor's TLS section: the CA, client certificate and key files (typed, or
 * chosen through the system's file picker in the desktop app), and the insecure switch.
 */
import { useState } from 'react';
import type { ReactElement } from 'react';
import { call } from '../../api/ivr-api.ts';
import { EnvSection } from './env-section.tsx';
import type { EnvironmentDraft } from './environment-draft.ts';

type TlsFile = 'ca' | 'cert' | 'key';
const TLS_FILES: readonly { name: TlsFile; label: string; placeholder: string }[] = [
  { name: 'ca', label: 'CA certificates', placeholder: '../certs/ca.pem' },
  { name: 'cert', label: 'Client certificate', placeholder: '../certs/client.pem' },
  { name: 'key', label: 'Client key', placeholder: '../certs/client-key.pem' },
];

/** Props of {@link TlsSection}. */
export interface TlsSectionProps {
  /** The editor's id prefix, for the fields' ids. */
  id: string;
  environmentId: string;
  tls: EnvironmentDraft['tls'];
  /** Where paths are typed (browser mode): no Choose… buttons. */
  typedPaths: boolean;
  onChange(patch: Partial<EnvironmentDraft['tls']>): void;
}

/** The TLS fields of one environment. */
export function TlsSection({
  id,
  environmentId,
  tls,
  typedPaths,
  onChange: setTls,
}: TlsSectionProps): ReactElement {
  const [pickError, setPickError] = useState<string | null>(null);

  const choose = (purpose: TlsFile): void => {
    setPickError(null);
    call('environments.pickFile', { id: environmentId, purpose }).then(
      (path) => {
        if (path !== null) setTls({ [purpose]: path });
      },
      (reason: Error) => setPickError(reason.message),
    );
  };

  return (
    <EnvSection title="TLS">
      <p className="field__help">Paths relative to the environment file.</p>
      <div className="env-tls">
        {TLS_FILES.map(({ name, label, placeholder }) => (
          <div className="field env-tls__file" key={name}>
            <label className="field__label" htmlFor={`${id}-tls-${name}`}>
              {label}
            </label>
            <div className="env-tls__row">
              {name === 'ca' && tls.ca.includes('\n') ? (
                <textarea
                  id={`${id}-tls-${name}`}
                  value={tls.ca}
                  rows={tls.ca.split('\n').length}
                  onChange={(e) => setTls({ ca: e.target.value })}
                  spellCheck={false}
                />
              ) : (
                <input
                  id={`${id}-tls-${name}`}
                  type="text"
                  value={tls[name]}
                  placeholder={placeholder}
                  onChange={(e) => setTls({ [name]: e.target.value })}
                  autoComplete="off"
                  spellCheck={false}
                />
              )}
              {!typedPaths && (
                <button type="button" className="button button--small" onClick={() => choose(name)}>
                  Choose…<span className="visually-hidden"> {label}</span>
                </button>
              )}
            </div>
          </div>
        ))}
      </div>
      {pickError && (
        <p className="note note--error" role="alert">
          {pickError}
        </p>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={tls.insecure}
          onChange={(e) => setTls({ insecure: e.target.checked })}
        />
        Accept any certificate (insecure)
      </label>
      {tls.insecure && (
        <p className="note note--warning" role="note">
          Certificates are not checked: anyone between the console and the CRM can read and change
          the requests, secrets included. Every exchange says so. For a test server only.
        </p>
      )}
    </EnvSection>
  );
}
