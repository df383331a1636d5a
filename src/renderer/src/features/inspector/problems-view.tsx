/**
 * Every violation of the platform's rules (any one means nothing from the reply applies) and
 * every warning, with the key path and the offending size or excerpt.
 */
import type { ReactElement } from 'react';
import type { Violation, WebhookWarning } from '../../../../shared/webhook-types.ts';

/** Props of {@link ProblemsView}. */
export interface ProblemsViewProps {
  violations: Violation[];
  warnings: WebhookWarning[];
}

/** Lists an exchange's rule violations, then its warnings, each with its code and key path. */
export function ProblemsView({ violations, warnings }: ProblemsViewProps): ReactElement {
  return (
    <ul className="problems">
      {violations.map((v, index) => (
        <li key={`v${index}`} className="problem problem--error">
          <span className="problem__code">{v.code}</span>
          {v.key && <code className="problem__key">{v.key}</code>}
          <span className="problem__detail">{v.detail}</span>
        </li>
      ))}
      {warnings.map((w, index) => (
        <li key={`w${index}`} className="problem problem--warning">
          <span className="problem__code">{w.code}</span>
          {w.key && <code className="problem__key">{w.key}</code>}
          {w.detail && <span className="problem__detail">{w.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
