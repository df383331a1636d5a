/**
 * One variable (or one key of a nested object) in the variables tree: name, typed value, an
 * expander for objects, the last step's change marked, and an edit button for user variables.
 */
import type { ReactElement } from 'react';
import type { Scalar, VarValue } from '../../../../shared/variables.ts';
import { isVarObject } from '../../../../shared/variables.ts';
import { ChevronIcon, LockIcon, PencilIcon } from '../../ui/icons.tsx';
import { valuePreview } from '../../lib/value-preview.ts';
import { ValueText } from '../../ui/value-text.tsx';
import type { ChangedPaths } from './changed-paths.ts';
import { VariableEditor } from './variable-editor.tsx';

/** What every node of the tree shares. */
export interface TreeContext {
  changes: ChangedPaths;
  expanded: ReadonlySet<string>;
  toggle(path: string): void;
  /** The top-level variable being edited, if any. */
  editing: string | null;
  /** Null when nothing may be edited now (no active call). */
  startEdit: ((name: string) => void) | null;
  stopEdit(): void;
  save(name: string, value: Scalar): Promise<void>;
}

/** Props of {@link VariableNode}. */
export interface VariableNodeProps {
  name: string;
  path: string;
  value: VarValue;
  depth: number;
  system: boolean;
  tree: TreeContext;
}

function changeBadge(tree: TreeContext, path: string): ReactElement | null {
  const change = tree.changes.changed.get(path);
  if (!change) return null;
  const title =
    change.from === undefined
      ? `New, set by ${change.source}`
      : `Was ${valuePreview(change.from)}; set by ${change.source}`;
  return (
    <span className="var__badge" title={title}>
      {change.from === undefined ? 'new' : 'changed'}
    </span>
  );
}

/** A node and, when expanded, its children. */
export function VariableNode({
  name,
  path,
  value,
  depth,
  system,
  tree,
}: VariableNodeProps): ReactElement {
  const object = isVarObject(value);
  const open = object && tree.expanded.has(path);
  const changed = tree.changes.changed.has(path);
  const within = tree.changes.containsChange.has(path);
  const editable = !system && depth === 0 && !object && tree.startEdit !== null;
  const editing = tree.editing === path;
  const rowClass = ['var__row', changed && 'is-changed', within && 'has-change']
    .filter(Boolean)
    .join(' ');
  return (
    <li className="var" data-var-path={path}>
      <div className={rowClass} style={{ paddingLeft: `${depth * 16 + 4}px` }}>
        {object ? (
          <button
            type="button"
            className="var__toggle"
            aria-expanded={open}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${path}`}
            onClick={() => tree.toggle(path)}
          >
            <ChevronIcon size={14} />
          </button>
        ) : (
          <span className="var__toggle" aria-hidden="true" />
        )}
        <span className="var__name" title={path}>
          {name}
        </span>
        <span className="var__value" data-testid="var-value" title={valuePreview(value)}>
          {open ? (
            <span className="value value--object">{`{ ${Object.keys(value).length} keys }`}</span>
          ) : (
            <ValueText value={value} />
          )}
        </span>
        {changeBadge(tree, path)}
        {system && depth === 0 ? (
          <span className="var__lock" title="System variable: set by the platform, locked">
            <LockIcon size={13} />
            <span className="visually-hidden">locked</span>
          </span>
        ) : editable ? (
          <button
            type="button"
            className="var__edit"
            aria-label={`Edit ${name}`}
            title={`Edit ${name}`}
            onClick={() => tree.startEdit?.(path)}
          >
            <PencilIcon size={13} />
          </button>
        ) : (
          <span className="var__edit-spacer" aria-hidden="true" />
        )}
      </div>
      {editing && !isVarObject(value) && (
        <VariableEditor
          name={name}
          current={value}
          onSave={(v) => tree.save(name, v)}
          onClose={tree.stopEdit}
        />
      )}
      {open && (
        <ul className="var__children">
          {Object.entries(value).map(([key, child]) => (
            <VariableNode
              key={key}
              name={key}
              path={`${path}.${key}`}
              value={child}
              depth={depth + 1}
              system={system}
              tree={tree}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
