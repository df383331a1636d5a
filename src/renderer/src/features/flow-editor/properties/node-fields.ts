/**
 * The form fields of each node type, read from the flow's JSON Schema (resources/flow.schema.json,
 * generated from src/shared/flow/flow-schema.ts): a new node type or field in the schema gets its
 * form control with no new form code. Pure: no React, no DOM.
 */
import schemaJson from '../../../../../../resources/flow.schema.json' with { type: 'json' };

/** How a field is edited. */
export type FieldKind =
  | 'text'
  | 'template'
  | 'nodeRef'
  | 'variableName'
  | 'integer'
  | 'boolean'
  | 'enum'
  | 'audio'
  | 'templateMap'
  | 'textMap'
  | 'nodeRefMap'
  | 'cases'
  | 'object';

/** One field of a node type's form. */
export interface FieldSpec {
  /** The field's name in the flow file, also its label (../shared/spec/FLOW.md's name). */
  name: string;
  kind: FieldKind;
  required: boolean;
  /** The schema's default (what an absent optional field means), if it has one. */
  default?: unknown;
  /** The schema's description: the field's help. */
  description?: string;
  /** The allowed values of an `enum` field. */
  enum?: string[];
  min?: number;
  max?: number;
  /** The pattern a `text` or `variableName` value must match. */
  pattern?: string;
  /** The nested fields of an `object` field (http `timeouts`). */
  fields?: FieldSpec[];
}

/** The part of a JSON Schema the form reads. */
interface SchemaNode {
  type?: string | string[];
  const?: unknown;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  $ref?: string;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
}

// The JSON's inferred type is its literal shape; the form reads it through the schema's grammar.
const schema = schemaJson as unknown as SchemaNode & { $defs: Record<string, SchemaNode> };

const NODE_REF_DESCRIPTION = 'The id of another node in `nodes`.';
const NODE_REF_NAMES = new Set(['next', 'onFail', 'onError', 'onNotFound', 'default']);
const TEMPLATE_NAMES = new Set(['say', 'url', 'body', 'value', 'target', 'invalidSay']);
const TEMPLATE_MENTION = '${variable}';
/** A variable-name pattern (`^[a-z_][a-z0-9_]*$`), as opposed to e.g. a currency code's. */
const VARIABLE_PATTERN_START = '^[a-z_]';

/** The schema of every node type, by its `type` constant, in schema order. */
function nodeSchemas(): Map<string, SchemaNode> {
  const branches = schema.properties?.['nodes']?.additionalProperties;
  const variants = typeof branches === 'object' ? (branches.oneOf ?? []) : [];
  const byType = new Map<string, SchemaNode>();
  for (const variant of variants) {
    const type = variant.properties?.['type']?.const;
    if (typeof type === 'string') byType.set(type, variant);
  }
  return byType;
}

const NODE_SCHEMAS = nodeSchemas();

/** Every node type the schema knows, in schema order. */
export const NODE_TYPES: readonly string[] = [...NODE_SCHEMAS.keys()];

function isStringMap(
  field: SchemaNode,
): field is SchemaNode & { additionalProperties: SchemaNode } {
  const values = field.additionalProperties;
  return field.type === 'object' && typeof values === 'object' && values.type === 'string';
}

/** The kind of a field, from its name and schema (the brief's rules, in priority order). */
function kindOf(name: string, field: SchemaNode): FieldKind {
  if (name === 'audio') return 'audio';
  if (field.type === 'array') return 'cases';
  if (isStringMap(field)) {
    const values = field.additionalProperties;
    if (values.description === NODE_REF_DESCRIPTION) return 'nodeRefMap';
    return values.description?.includes(TEMPLATE_MENTION) ? 'templateMap' : 'textMap';
  }
  if (field.type === 'object') return 'object';
  if (field.type === 'integer' || field.type === 'number') return 'integer';
  if (field.type === 'boolean') return 'boolean';
  if (field.enum) return 'enum';
  if (field.description === NODE_REF_DESCRIPTION || NODE_REF_NAMES.has(name)) return 'nodeRef';
  if (field.description?.includes(TEMPLATE_MENTION) || TEMPLATE_NAMES.has(name)) return 'template';
  if (field.pattern?.startsWith(VARIABLE_PATTERN_START)) return 'variableName';
  return 'text';
}

function fieldSpec(name: string, field: SchemaNode, required: boolean): FieldSpec {
  const kind = kindOf(name, field);
  const spec: FieldSpec = { name, kind, required };
  if (field.default !== undefined) spec.default = field.default;
  if (field.description !== undefined) spec.description = field.description;
  else if (typeof field.additionalProperties === 'object') {
    // A map's help is on its values when the map has none of its own.
    const values = field.additionalProperties.description;
    if (values !== undefined) spec.description = values;
  }
  if (field.enum) spec.enum = field.enum.map(String);
  if (field.minimum !== undefined) spec.min = field.minimum;
  if (field.maximum !== undefined) spec.max = field.maximum;
  if (field.pattern !== undefined) spec.pattern = field.pattern;
  if (kind === 'object') spec.fields = fieldsOf(field);
  return spec;
}

function fieldsOf(object: SchemaNode): FieldSpec[] {
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties ?? {})
    .filter(([name]) => name !== 'type')
    .map(([name, field]) => fieldSpec(name, field, required.has(name)));
}

/**
 * The form fields of node type `type`, in schema order, without `type` itself (the panel shows it
 * as a heading); an empty list for a type the schema does not know.
 */
export function nodeFields(type: string): FieldSpec[] {
  const node = NODE_SCHEMAS.get(type);
  return node ? fieldsOf(node) : [];
}

/** The operators of a branch condition (`$defs.__schema1`), in schema order. */
export const CONDITION_OPS: readonly string[] = (() => {
  for (const variant of schema.$defs['__schema1']?.anyOf ?? []) {
    const ops = variant.properties?.['op']?.enum;
    if (ops) return ops.map(String);
  }
  return [];
})();
