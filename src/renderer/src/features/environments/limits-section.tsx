/** The environment editor's limits section: each webhook limit, empty for the platform's own. */
import type { ReactElement } from 'react';
import { EnvSection } from './env-section.tsx';
import type { EnvironmentDraft } from './environment-draft.ts';
import { LIMIT_DEFAULTS, LIMITS } from './environment-draft.ts';

/** Props of {@link LimitsSection}. */
export interface LimitsSectionProps {
  /** The editor's id prefix, for the fields' ids. */
  id: string;
  limits: EnvironmentDraft['limits'];
  onChange(limits: EnvironmentDraft['limits']): void;
}

/** The limit fields of one environment. */
export function LimitsSection({ id, limits, onChange }: LimitsSectionProps): ReactElement {
  return (
    <EnvSection title="Limits">
      <p className="field__help">Empty: the platform&rsquo;s own limit (shown greyed).</p>
      <div className="env-limits">
        {LIMITS.map(({ name, label }) => (
          <div className="field" key={name}>
            <label className="field__label" htmlFor={`${id}-limit-${name}`}>
              {label}
            </label>
            <input
              id={`${id}-limit-${name}`}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={limits[name]}
              placeholder={String(LIMIT_DEFAULTS[name])}
              onChange={(e) => onChange({ ...limits, [name]: e.target.value })}
            />
          </div>
        ))}
      </div>
    </EnvSection>
  );
}
