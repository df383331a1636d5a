/**
 * The options of the flow and environment pickers, shared by the phone's call set-up and the Load
 * screen: flows in the picker's groups (the workspace's, those opened before, the samples), an
 * invalid flow listed but not pickable; environments built in, then the workspace's, one whose
 * file has problems listed with them as its tooltip but not pickable.
 */
import type { ReactElement } from 'react';
import type { Environment, FlowEntry } from '../../../../shared/contract.ts';
import { FLOW_GROUPS, flowLabel } from './flow-label.ts';

/** The flow picker's options, in their groups. */
export function flowOptions(flows: FlowEntry[]): ReactElement[] {
  const option = (f: FlowEntry) => (
    <option key={f.path} value={f.path} disabled={!f.valid} title={f.path}>
      {flowLabel(f)}
    </option>
  );
  return FLOW_GROUPS.flatMap(({ group, heading }) => {
    const members = flows.filter((f) => f.group === group);
    if (members.length === 0) return [];
    return [
      <optgroup key={group} label={heading}>
        {members.map(option)}
      </optgroup>,
    ];
  });
}

/** The environment picker's options: grouped once the workspace has environments of its own. */
export function environmentOptions(environments: Environment[]): ReactElement[] {
  const option = (e: Environment) => (
    <option
      key={e.id}
      value={e.id}
      disabled={e.problems.length > 0}
      title={e.problems.length > 0 ? e.problems.join('\n') : e.description}
    >
      {e.name}
    </option>
  );
  const builtIn = environments.filter((e) => e.kind !== 'workspace');
  const workspace = environments.filter((e) => e.kind === 'workspace');
  if (workspace.length === 0) return builtIn.map(option);
  return [
    <optgroup key="builtin" label="Built in">
      {builtIn.map(option)}
    </optgroup>,
    <optgroup key="workspace" label="Workspace">
      {workspace.map(option)}
    </optgroup>,
  ];
}
