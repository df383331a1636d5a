/**
 * How a flow reads in the picker: its name, and for a flow that cannot run, how many errors keep
 * it from running (the option is disabled). A flow of the workspace or opened from a file also
 * says which file it is (two files may carry the same name); the samples need no file name.
 */
import type { FlowEntry, FlowGroup } from '../../../../shared/contract.ts';

/** `Balance read-back`, `Broken flow (2 errors)`, or `Card activation — flows/card.json`. */
export function flowLabel(
  flow: Pick<FlowEntry, 'name' | 'valid' | 'errors'> & Partial<Pick<FlowEntry, 'group' | 'label'>>,
): string {
  const name =
    flow.group && flow.group !== 'sample' && flow.label && flow.label !== flow.name
      ? `${flow.name} — ${flow.label}`
      : flow.name;
  if (flow.valid) return name;
  return `${name} (${flow.errors} error${flow.errors === 1 ? '' : 's'})`;
}

/** The picker's groups, in order, with their headings. */
export const FLOW_GROUPS: readonly { group: FlowGroup; heading: string }[] = [
  { group: 'workspace', heading: 'Workspace' },
  { group: 'recent', heading: 'Recent' },
  { group: 'sample', heading: 'Samples' },
];
