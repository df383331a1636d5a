/**
 * A variable value, coloured by type (string, number, boolean, object preview).
 */
import type { ReactElement } from 'react';
import type { VarValue } from '../../../shared/variables.ts';
import { isVarObject } from '../../../shared/variables.ts';
import { valuePreview } from '../lib/value-preview.ts';

/** The value, styled by type. */
export function ValueText({ value }: { value: VarValue }): ReactElement {
  const type = isVarObject(value) ? 'object' : typeof value;
  return <span className={`value value--${type}`}>{valuePreview(value)}</span>;
}
