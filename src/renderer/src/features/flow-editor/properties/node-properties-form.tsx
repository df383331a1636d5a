/**
 * The properties form of one node, built from the flow's JSON Schema (node-fields.ts): a
 * labelled control per field of the node's type, named exactly as in ../shared/spec/FLOW.md, with the schema's
 * description as its help and the validator's problems under it. Every change goes through
 * `onSet` with a path relative to the node; the editor keeps the flow and its undo stack.
 */
import { useEffect, useId, useRef } from 'react';
import type { ReactElement } from 'react';
import { AudioField } from './audio-field.tsx';
import type { PromptSource } from './audio-field.tsx';
import { CasesField } from './cases-field.tsx';
import {
  BooleanControl,
  EnumControl,
  IntegerControl,
  NodeRefSelect,
  TextControl,
  valueText,
} from './field-controls.tsx';
import { FieldHelp, FieldProblems, helpText } from './field-help.tsx';
import type { FieldProblem } from './field-problems.ts';
import { focusPaths, problemsOfField, problemsOfNode } from './field-problems.ts';
import { MapField } from './map-field.tsx';
import type { FieldSpec } from './node-fields.ts';
import { nodeFields } from './node-fields.ts';
import { TemplateInput } from './template-input.tsx';
import './properties.css';

type Path = (string | number)[];

/** Props of {@link NodePropertiesForm}. */
export interface NodePropertiesFormProps {
  nodeId: string;
  /** The node's raw JSON as in the file (may be invalid). */
  node: Record<string, unknown>;
  /** Every node id of the flow, for the node selects. */
  nodeIds: string[];
  /** Variable paths known at this node (for `${` completion). */
  variables: string[];
  /** Problems whose pointer is inside this node (`/nodes/<id>/...`). */
  problems: FieldProblem[];
  /** Path relative to the node; `undefined` removes the field. */
  onSet(path: Path, value: unknown): void;
  /** A problem's pointer clicked in the problem list: that field is focused and scrolled to. */
  focusPointer?: string | null;
  /** The `audio` field's picker and player. */
  prompts?: PromptSource;
}

/** Kinds edited as a group of controls: a <fieldset> named by its legend. */
const GROUP_KINDS = new Set(['templateMap', 'textMap', 'nodeRefMap', 'cases', 'object']);

interface FieldProps extends Omit<NodePropertiesFormProps, 'node' | 'problems' | 'focusPointer'> {
  spec: FieldSpec;
  value: unknown;
  problems: FieldProblem[];
  /** Where the field is in the node, `/`-joined (`timeouts/connectMs`); its name by default. */
  path?: string;
}

/** The control of one field, by its kind. */
function Control({
  spec,
  value,
  problems,
  onSet,
  ...props
}: FieldProps & { id: string; describedBy?: string }) {
  const set = (next: unknown): void => onSet([spec.name], next);
  const control = {
    id: props.id,
    spec,
    value,
    onSet: set,
    describedBy: props.describedBy,
    invalid: problems.length > 0,
  };
  switch (spec.kind) {
    case 'template':
      return (
        <TemplateInput
          id={props.id}
          value={valueText(value)}
          variables={props.variables}
          multiline={spec.name === 'say' || spec.name === 'body'}
          describedBy={props.describedBy}
          invalid={problems.length > 0}
          onCommit={(text) => set(text === '' && !spec.required ? undefined : text)}
        />
      );
    case 'integer':
      return <IntegerControl {...control} />;
    case 'boolean':
      return <BooleanControl {...control} />;
    case 'enum':
      return <EnumControl {...control} />;
    case 'nodeRef':
      return <NodeRefSelect {...control} nodeIds={props.nodeIds} />;
    case 'audio':
      return <AudioField {...control} prompts={props.prompts} />;
    case 'templateMap':
    case 'textMap':
    case 'nodeRefMap':
      return <MapField {...control} nodeIds={props.nodeIds} variables={props.variables} />;
    case 'cases':
      return (
        <CasesField
          spec={spec}
          value={value}
          onSet={onSet}
          nodeIds={props.nodeIds}
          variables={props.variables}
        />
      );
    case 'object':
      return (
        <ObjectFields {...props} spec={spec} value={value} problems={problems} onSet={onSet} />
      );
    default:
      return <TextControl {...control} />;
  }
}

/** The nested fields of an object field (http `timeouts`); the last one removed removes it. */
function ObjectFields({ spec, value, onSet, ...props }: FieldProps & { id: string }): ReactElement {
  const object =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return (
    <div className="prop-object">
      {(spec.fields ?? []).map((inner) => (
        <FieldRow
          key={inner.name}
          {...props}
          spec={inner}
          path={`${spec.name}/${inner.name}`}
          value={object[inner.name]}
          problems={[]}
          onSet={(path, next) => {
            const rest = Object.keys(object).filter((key) => key !== inner.name);
            if (next === undefined && rest.length === 0) onSet([spec.name], undefined);
            else onSet([spec.name, ...path], next);
          }}
        />
      ))}
    </div>
  );
}

/** One field: its label (the field's name), control, help and problems. */
function FieldRow(props: FieldProps): ReactElement {
  const id = useId();
  const { spec, problems } = props;
  const help = helpText(spec);
  const helpId = `${id}-help`;
  const problemsId = `${id}-problems`;
  const describedBy =
    [help ? helpId : '', problems.length > 0 ? problemsId : ''].filter(Boolean).join(' ') ||
    undefined;
  const below = (
    <>
      {help && <FieldHelp id={helpId} text={help} />}
      {problems.length > 0 && <FieldProblems id={problemsId} problems={problems} />}
    </>
  );
  if (GROUP_KINDS.has(spec.kind)) {
    return (
      <fieldset
        className="prop-field prop-group"
        data-path={props.path ?? spec.name}
        aria-labelledby={`${id}-legend`}
        aria-describedby={describedBy}
        aria-invalid={problems.length > 0 || undefined}
      >
        <legend id={`${id}-legend`}>{spec.name}</legend>
        {below}
        <Control {...props} id={id} />
      </fieldset>
    );
  }
  const checkbox = spec.kind === 'boolean';
  return (
    <div
      className={checkbox ? 'field prop-field prop-field--check' : 'field prop-field'}
      data-path={props.path ?? spec.name}
    >
      <div className="prop-field__control">
        {checkbox && <Control {...props} id={id} describedBy={describedBy} />}
        <label htmlFor={id}>{spec.name}</label>
        {spec.required && (
          <span className="prop-field__required" aria-hidden="true">
            required
          </span>
        )}
      </div>
      {!checkbox && <Control {...props} id={id} describedBy={describedBy} />}
      {below}
    </div>
  );
}

/** The form of one node; the editor gives it a `key` per node. */
export function NodePropertiesForm(props: NodePropertiesFormProps): ReactElement {
  const { nodeId, node, problems, focusPointer } = props;
  const type = typeof node['type'] === 'string' ? node['type'] : '';
  const fields = nodeFields(type);
  const container = useRef<HTMLDivElement>(null);

  // A problem clicked in the list: bring the control it is about (the closest one the form has:
  // a case's `next`, else the case, else the field) into view and put the focus in it.
  useEffect(() => {
    const root = container.current;
    if (!focusPointer || !root) return;
    for (const path of focusPaths(focusPointer, nodeId)) {
      const target = root.querySelector(`[data-path="${CSS.escape(path)}"]`);
      if (!target) continue;
      target.scrollIntoView({ block: 'nearest' });
      const control = target.matches('input, select, textarea')
        ? target
        : (target.querySelector('input, select, textarea') ??
          target.querySelector('button:not(:disabled)'));
      if (control instanceof HTMLElement) control.focus();
      return;
    }
  }, [focusPointer, nodeId]);

  const general = problemsOfNode(
    problems,
    nodeId,
    fields.map((field) => field.name),
  );
  return (
    <div className="prop-form" ref={container}>
      {fields.length === 0 && (
        <p className="note note--error" role="note">
          {type === '' ? 'This node has no type' : `Unknown node type "${type}"`}: only its id, and
          the file itself, can be edited.
        </p>
      )}
      {general.length > 0 && <FieldProblems id={`${nodeId}-problems`} problems={general} />}
      {fields.map((spec) => (
        <FieldRow
          key={spec.name}
          spec={spec}
          value={node[spec.name]}
          problems={problemsOfField(problems, nodeId, spec.name)}
          nodeId={nodeId}
          nodeIds={props.nodeIds}
          variables={props.variables}
          onSet={props.onSet}
          prompts={props.prompts}
        />
      ))}
    </div>
  );
}
