/**
 * The side panel when no node is selected: the flow's own fields (name, description, locale,
 * start) and its variables and datasets as tables.
 */
import type { ReactElement } from 'react';
import { DatasetsEditor } from './flow-data/datasets-table.tsx';
import { VariablesTable } from './flow-data/variables-table.tsx';
import { isObject } from './raw-json.ts';

/** Props of {@link FlowSettingsPanel}. */
export interface FlowSettingsPanelProps {
  raw: Record<string, unknown>;
  nodeIds: string[];
  /** Sets (undefined: removes) a value at `path` from the flow's root. */
  onSet(path: (string | number)[], value: unknown): void;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** One of the flow's text fields, committed on Enter or leaving it. */
function FlowTextField(props: {
  name: 'name' | 'description' | 'locale';
  value: string;
  help: string;
  optional: boolean;
  onSet: FlowSettingsPanelProps['onSet'];
}): ReactElement {
  const id = `editor-flow-${props.name}`;
  const commit = (value: string): void => {
    if (value === props.value) return;
    props.onSet([props.name], value === '' && props.optional ? undefined : value);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.name}</label>
      <input
        id={id}
        key={props.value}
        className="input"
        defaultValue={props.value}
        aria-describedby={`${id}-help`}
        onBlur={(event) => commit(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit(event.currentTarget.value);
          }
        }}
      />
      <p className="field__help" id={`${id}-help`}>
        {props.help}
      </p>
    </div>
  );
}

/** The flow's settings, variables and datasets. */
export function FlowSettingsPanel({ raw, nodeIds, onSet }: FlowSettingsPanelProps): ReactElement {
  const start = text(raw['start']);
  return (
    <section className="editor-side" aria-label="Flow settings">
      <h3 className="editor-side__title">Flow</h3>
      <p className="field__help">Select a node to edit it, or edit the flow itself here.</p>
      <FlowTextField
        name="name"
        value={text(raw['name'])}
        help="Shown in the flow picker."
        optional={false}
        onSet={onSet}
      />
      <FlowTextField
        name="description"
        value={text(raw['description'])}
        help="Free text for people reading the flow."
        optional
        onSet={onSet}
      />
      <FlowTextField
        name="locale"
        value={text(raw['locale'])}
        help="BCP 47 locale for read-backs (en-US when empty)."
        optional
        onSet={onSet}
      />
      <div className="field">
        <label htmlFor="editor-flow-start">start</label>
        <select
          id="editor-flow-start"
          className="input"
          value={nodeIds.includes(start) ? start : ''}
          onChange={(event) => onSet(['start'], event.currentTarget.value)}
        >
          {!nodeIds.includes(start) && <option value="">(no start node)</option>}
          {nodeIds.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </div>
      <VariablesTable
        variables={isObject(raw['variables']) ? raw['variables'] : {}}
        onSet={onSet}
      />
      <DatasetsEditor datasets={isObject(raw['datasets']) ? raw['datasets'] : {}} onSet={onSet} />
    </section>
  );
}
