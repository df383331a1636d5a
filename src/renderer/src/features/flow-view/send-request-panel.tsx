/**
 * Send request: one http node's request fired on its own, between calls, with the environment
 * picked on the phone. The form lists the `${refs}` the node reads, starting from the flow's and
 * the environment's values; the reply is shown exactly as the Webhooks inspector shows an
 * exchange. No call is placed and nothing is logged.
 */
import { useEffect, useId, useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import type { Environment, SentRequest } from '../../../../shared/contract.ts';
import type { Flow, HttpNode } from '../../../../shared/flow/flow-schema.ts';
import { DEMO_DESTINATION, DEMO_SOURCE } from '../../../../shared/demo-numbers.ts';
import type { Scalar } from '../../../../shared/variables.ts';
import { call } from '../../api/ivr-api.ts';
import { CloseIcon, SendIcon } from '../../ui/icons.tsx';
import { ExchangeDetail } from '../inspector/exchange-detail.tsx';
import '../inspector/inspector.css';
import { environmentHint } from '../environments/environment-status.ts';
import { parseEditedValue } from '../variables/parse-edited-value.ts';
import type { RequestReference } from './request-references.ts';
import { requestReferences } from './request-references.ts';
import './send-request.css';

/** Props of {@link SendRequestPanel}. */
export interface SendRequestPanelProps {
  flowPath: string;
  flow: Flow;
  nodeId: string;
  node: HttpNode;
  /** The environment picked on the phone; null when there is none. */
  environment: Environment | null;
  onOpenEnvironments(): void;
  onClose(): void;
}

const SYSTEM_VALUES: Record<string, string> = {
  source: DEMO_SOURCE,
  destination: DEMO_DESTINATION,
  uuid: 'a new id for each request',
  vccsys_shortid: 'from the new id',
};

/** What a reference the tester cannot type says instead of a field. */
function sourceOf(reference: RequestReference): string {
  switch (reference.kind) {
    case 'secret':
      return 'from the environment';
    case 'system':
      return SYSTEM_VALUES[reference.path] ?? 'set for each request';
    default:
      return reference.text
        ? `${reference.text} (from the variables)`
        : 'set by an earlier step; empty here';
  }
}

/**
 * The values to send: what the tester changed or added. Unchanged values need not travel (main
 * starts from the same flow and environment values) and keep their type that way.
 */
function typedValues(
  references: RequestReference[],
  texts: Record<string, string>,
): { values: Record<string, Scalar> } | { error: string } {
  const values: Record<string, Scalar> = {};
  for (const reference of references) {
    if (reference.kind !== 'typed') continue;
    const text = texts[reference.path] ?? reference.text;
    if (text === reference.text && reference.value !== undefined) continue;
    if (text === '' && reference.value === undefined) continue;
    const parsed = parseEditedValue(text, reference.value);
    if (!parsed.ok) return { error: `${reference.path}: ${parsed.error}` };
    values[reference.path] = parsed.value;
  }
  return { values };
}

/**
 * The headers a workspace environment adds to every request (they may read variables and
 * secrets); none for a built-in one or while they load.
 */
function useEnvironmentHeaders(environment: Environment | null): { name: string; value: string }[] {
  const [loaded, setLoaded] = useState<{ id: string; headers: { name: string; value: string }[] }>({
    id: '',
    headers: [],
  });
  const wanted = environment?.kind === 'workspace' ? environment.id : null;
  useEffect(() => {
    if (!wanted) return undefined;
    let alive = true;
    call('environments.get', { id: wanted }).then(
      (detail) => alive && setLoaded({ id: wanted, headers: detail.form.headers }),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [wanted]);
  return wanted !== null && loaded.id === wanted ? loaded.headers : [];
}

/** Lets the tester fill in the node's `${refs}`, fire its request, and read the exchange it got. */
export function SendRequestPanel({
  flowPath,
  flow,
  nodeId,
  node,
  environment,
  onOpenEnvironments,
  onClose,
}: SendRequestPanelProps): ReactElement {
  const id = useId();
  const headers = useEnvironmentHeaders(environment);
  const references = requestReferences(
    node,
    flow.variables,
    environment?.variables ?? {},
    headers.map((h) => h.value),
  );
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<SentRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hint = environmentHint(environment ?? undefined);
  const typed = references.filter((r) => r.kind === 'typed');
  const elsewhere = references.filter((r) => r.kind !== 'typed');

  const send = (event: FormEvent): void => {
    event.preventDefault();
    if (!environment) return setError('Pick an environment on the phone first.');
    const values = typedValues(references, texts);
    if ('error' in values) return setError(values.error);
    setSending(true);
    setError(null);
    call('request.send', {
      flowPath,
      nodeId,
      environmentId: environment.id,
      ...(Object.keys(values.values).length > 0 ? { variables: values.values } : {}),
    }).then(
      (result) => {
        setSending(false);
        setSent(result);
      },
      (reason: Error) => {
        setSending(false);
        setSent(null);
        setError(reason.message);
      },
    );
  };

  return (
    <section
      className="send-request"
      aria-labelledby={`${id}-title`}
      data-testid="send-request"
      aria-busy={sending}
    >
      <header className="send-request__header">
        <h3 id={`${id}-title`}>
          Send request <code className="send-request__node">{nodeId}</code>
        </h3>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the request"
          onClick={onClose}
        >
          <CloseIcon />
        </button>
      </header>
      <div className="send-request__body">
        <p className="send-request__line">
          <span className={`method method--${node.method.toLowerCase()}`}>{node.method}</span>
          <code className="send-request__url">{node.url}</code>
        </p>
        <p className="send-request__environment">
          <span className="muted">Environment</span> <strong>{environment?.name ?? 'none'}</strong>
          <span className="muted"> · picked on the phone</span>
        </p>
        {headers.length > 0 && (
          <p className="send-request__headers">
            <span className="muted">Headers from the environment</span>{' '}
            {headers.map((h) => (
              <code key={h.name}>
                {h.name}: {h.value}
              </code>
            ))}
          </p>
        )}
        {hint && (
          <p className="note note--warning send-request__hint">
            {environment?.name}: {hint.text}.{' '}
            <button type="button" className="button button--small" onClick={onOpenEnvironments}>
              {hint.action}
            </button>
          </p>
        )}
        <form className="send-request__form" onSubmit={send} noValidate>
          {references.length === 0 ? (
            <p className="muted">The request reads no variables.</p>
          ) : (
            <dl className="send-request__refs">
              {typed.map((reference) => (
                <div key={reference.path} className="send-request__ref">
                  <dt>
                    <label htmlFor={`${id}-${reference.path}`}>{reference.path}</label>
                  </dt>
                  <dd>
                    <input
                      id={`${id}-${reference.path}`}
                      type="text"
                      value={texts[reference.path] ?? reference.text}
                      placeholder="not set"
                      onChange={(e) =>
                        setTexts((current) => ({ ...current, [reference.path]: e.target.value }))
                      }
                      autoComplete="off"
                      spellCheck={false}
                    />
                  </dd>
                </div>
              ))}
              {elsewhere.map((reference) => (
                <div key={reference.path} className="send-request__ref">
                  <dt>
                    <code>{reference.path}</code>
                  </dt>
                  <dd className="muted">{sourceOf(reference)}</dd>
                </div>
              ))}
            </dl>
          )}
          <div className="send-request__actions">
            <button type="submit" className="button button--primary" disabled={sending}>
              <SendIcon size={14} />
              Send request
            </button>
            {sending && <span className="muted">Sending…</span>}
          </div>
        </form>
        {error && (
          <p className="note note--error" role="alert">
            {error}
          </p>
        )}
        {sent && (
          <div className="send-request__result" data-testid="send-request-result">
            <ExchangeDetail exchange={sent.exchange} />
          </div>
        )}
      </div>
    </section>
  );
}
