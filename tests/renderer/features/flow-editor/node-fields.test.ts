/**
 * The properties form's fields (src/renderer/src/features/flow-editor/properties/node-fields.ts),
 * pure, under Node: read from the generated flow schema, every property of every node type but
 * `type` is a field, in schema order, with the kind, required flag, help, enum and bounds the
 * form needs; an unknown type has none.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  CONDITION_OPS,
  NODE_TYPES,
  nodeFields,
} from '../../../../src/renderer/src/features/flow-editor/properties/node-fields.ts';
import { CONDITION_OPS as SCHEMA_OPS } from '../../../../src/shared/flow/flow-schema.ts';
import type { FieldSpec } from '../../../../src/renderer/src/features/flow-editor/properties/node-fields.ts';

interface Variant {
  properties: Record<string, { const?: string }>;
  required: string[];
}

// Read from disk here, independently of the module's own JSON import.
const schema = JSON.parse(
  readFileSync(new URL('../../../../resources/flow.schema.json', import.meta.url), 'utf8'),
) as { properties: { nodes: { additionalProperties: { oneOf: Variant[] } } } };
const variants = schema.properties.nodes.additionalProperties.oneOf;

function field(type: string, name: string): FieldSpec {
  const found = nodeFields(type).find((spec) => spec.name === name);
  assert.ok(found, `${type} has a field ${name}`);
  return found;
}

describe('nodeFields', () => {
  test('every node type of the schema, in order', () => {
    assert.deepEqual(
      NODE_TYPES,
      variants.map((variant) => variant.properties['type']?.const),
    );
    assert.deepEqual(NODE_TYPES, [
      'play',
      'getDigits',
      'menu',
      'http',
      'setVariable',
      'queryData',
      'branch',
      'readBack',
      'transfer',
      'hangup',
    ]);
  });

  for (const variant of variants) {
    const type = variant.properties['type']?.const ?? '';
    test(`${type}: every property but type, in schema order, required as the schema says`, () => {
      const fields = nodeFields(type);
      const names = Object.keys(variant.properties).filter((name) => name !== 'type');
      assert.deepEqual(
        fields.map((spec) => spec.name),
        names,
      );
      for (const spec of fields) {
        assert.equal(spec.required, variant.required.includes(spec.name), `${type}.${spec.name}`);
      }
    });
  }

  test('kinds of the listed fields', () => {
    const expected: [string, string, string][] = [
      ['play', 'say', 'template'],
      ['play', 'audio', 'audio'],
      ['play', 'next', 'nodeRef'],
      ['play', 'description', 'text'],
      ['getDigits', 'variable', 'variableName'],
      ['getDigits', 'minDigits', 'integer'],
      ['getDigits', 'terminator', 'enum'],
      ['getDigits', 'invalidSay', 'template'],
      ['getDigits', 'onFail', 'nodeRef'],
      ['menu', 'options', 'nodeRefMap'],
      ['http', 'method', 'enum'],
      ['http', 'url', 'template'],
      ['http', 'body', 'template'],
      ['http', 'headers', 'templateMap'],
      ['http', 'setVariable', 'variableName'],
      ['http', 'sendOnHangup', 'boolean'],
      ['http', 'timeouts', 'object'],
      ['http', 'onError', 'nodeRef'],
      ['setVariable', 'assign', 'templateMap'],
      ['queryData', 'dataset', 'text'],
      ['queryData', 'match', 'templateMap'],
      ['queryData', 'assign', 'textMap'],
      ['queryData', 'onNotFound', 'nodeRef'],
      ['branch', 'cases', 'cases'],
      ['branch', 'default', 'nodeRef'],
      ['readBack', 'value', 'template'],
      ['readBack', 'sayAs', 'enum'],
      ['readBack', 'currency', 'text'],
      ['transfer', 'target', 'template'],
      ['hangup', 'say', 'template'],
    ];
    for (const [type, name, kind] of expected) {
      assert.equal(field(type, name).kind, kind, `${type}.${name}`);
    }
  });

  test('help, defaults, enums, bounds and nested fields come from the schema', () => {
    const minDigits = field('getDigits', 'minDigits');
    assert.deepEqual(
      { default: minDigits.default, min: minDigits.min, max: minDigits.max },
      { default: 1, min: 1, max: 64 },
    );
    assert.equal(field('getDigits', 'timeoutMs').description, 'Wait for the first digit.');
    assert.equal(field('getDigits', 'next').description, 'The id of another node in `nodes`.');
    assert.deepEqual(field('http', 'method').enum, ['GET', 'POST', 'PUT', 'DELETE']);
    assert.equal(field('http', 'contentType').default, 'form');
    assert.equal(field('http', 'sendOnHangup').default, false);
    assert.equal(field('getDigits', 'variable').pattern, '^[a-z_][a-z0-9_]*$');
    // A map without help of its own takes its values' help.
    assert.equal(field('http', 'headers').description, 'Text with `${variable}` references.');
    assert.deepEqual(
      field('http', 'timeouts').fields?.map((spec) => [spec.name, spec.kind, spec.min, spec.max]),
      [
        ['connectMs', 'integer', 1, 120000],
        ['responseMs', 'integer', 1, 120000],
      ],
    );
  });

  test('an unknown type, or none, has no fields', () => {
    assert.deepEqual(nodeFields('teleport'), []);
    assert.deepEqual(nodeFields(''), []);
  });

  test('the condition operators of the schema', () => {
    // Read from the JSON schema, they are the zod definition's, in its order.
    assert.deepEqual(CONDITION_OPS, [...SCHEMA_OPS]);
  });
});
