/**
 * Variables (surface 2): the call's user variables and the locked system ones, nested values
 * expandable, the last step's changes highlighted, user variables editable while the call runs.
 */
import { useCallback, useMemo, useState } from 'react';
import type { ReactElement } from 'react';
import type { Scalar, VarMap } from '../../../../shared/variables.ts';
import { isSystemVariable, SYSTEM_VARIABLES } from '../../../../shared/variables.ts';
import type { CallView } from '../../state/call-view.ts';
import { LockIcon } from '../../ui/icons.tsx';
import { changedPaths } from './changed-paths.ts';
import type { TreeContext } from './variable-node.tsx';
import { VariableNode } from './variable-node.tsx';
import './variables.css';

/** Props of {@link VariablesPanel}. */
export interface VariablesPanelProps {
  view: CallView;
  /** Null when the values cannot be edited (a replay shows the log; it changes nothing). */
  setVariable: ((name: string, value: Scalar) => Promise<void>) | null;
}

function split(variables: VarMap): {
  user: [string, VarMap[string]][];
  system: [string, VarMap[string]][];
} {
  const user = Object.entries(variables).filter(([name]) => !isSystemVariable(name));
  // System variables in the platform's own order, whatever order they arrived in.
  const system = SYSTEM_VARIABLES.filter((name) => Object.hasOwn(variables, name)).map(
    (name): [string, VarMap[string]] => [name, variables[name] as VarMap[string]],
  );
  return { user, system };
}

/** One line on what the last step did, or how to edit. */
function summary(view: CallView, count: number, editable: boolean): string {
  const step = view.lastChanges;
  if (step && count > 0) {
    const values = `${count} value${count === 1 ? '' : 's'}`;
    const byUser = Object.values(step.changes).every((c) => c.source === 'user');
    if (byUser) return `Your edit changed ${values}`;
    return `Last step${step.node ? ` (${step.node})` : ''} changed ${values}`;
  }
  return view.phase === 'active' && editable
    ? 'Use the pencil to change a user variable mid-call'
    : '\u00a0';
}

/** Shows user and system variables as a tree, marks the last step's changes, edits user ones. */
export function VariablesPanel({ view, setVariable }: VariablesPanelProps): ReactElement {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const changes = useMemo(() => changedPaths(view.lastChanges), [view.lastChanges]);
  const { user, system } = useMemo(() => split(view.variables), [view.variables]);
  const active = view.phase === 'active' && setVariable !== null;

  const toggle = useCallback((path: string) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });
  }, []);

  const tree: TreeContext = {
    changes,
    expanded,
    toggle,
    editing: active ? editing : null,
    startEdit: active ? setEditing : null,
    stopEdit: () => setEditing(null),
    save: setVariable ?? (() => Promise.reject(new Error('a replay cannot change variables'))),
  };

  if (user.length === 0 && system.length === 0) {
    return (
      <div className="empty">
        <p className="empty__title">No variables yet</p>
        <p>
          Place a call: its system variables (locked) and the flow&apos;s own variables show here,
          and each step&apos;s changes light up as the call runs.
        </p>
      </div>
    );
  }

  return (
    <div className="variables">
      <p className="variables__summary" aria-live="polite">
        {summary(view, changes.changed.size, setVariable !== null)}
      </p>
      <h3 className="variables__heading">
        Call variables <span className="count">{user.length}</span>
      </h3>
      {user.length === 0 ? (
        <p className="variables__none">None yet.</p>
      ) : (
        <ul className="var-list" aria-label="Call variables">
          {user.map(([name, value]) => (
            <VariableNode
              key={name}
              name={name}
              path={name}
              value={value}
              depth={0}
              system={false}
              tree={tree}
            />
          ))}
        </ul>
      )}
      <h3 className="variables__heading">
        <LockIcon size={13} /> System <span className="count">{system.length}</span>
        <span className="variables__note">set by the platform, read-only</span>
      </h3>
      <ul className="var-list var-list--system" aria-label="System variables">
        {system.map(([name, value]) => (
          <VariableNode
            key={name}
            name={name}
            path={name}
            value={value}
            depth={0}
            system
            tree={tree}
          />
        ))}
      </ul>
    </div>
  );
}
