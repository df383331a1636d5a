/**
 * How a flow reads in the picker: its name, and for a flow that cannot run, how many errors keep
 * it from running (the option is disabled).
 */
import type { FlowEntry } from '../../../../shared/contract.ts';

/** `Balance read-back`, or `Broken flow (2 errors)`. */
export function flowLabel(flow: Pick<FlowEntry, 'name' | 'valid' | 'errors'>): string {
  if (flow.valid) return flow.name;
  return `${flow.name} (${flow.errors} error${flow.errors === 1 ? '' : 's'})`;
}
