/**
 * The node properties form rendered to static HTML under Node (react-dom/server), for a node of
 * every type the schema knows: every field is there, its <label> (or its group's legend) saying
 * exactly the field's name and pointing at a control, its help linked by aria-describedby, and a
 * problem at a field shown under it with the control marked invalid.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import './tsx-hooks.ts';
import type { FieldProblem } from '../../../../src/renderer/src/features/flow-editor/properties/field-problems.ts';
import {
  NODE_TYPES,
  nodeFields,
} from '../../../../src/renderer/src/features/flow-editor/properties/node-fields.ts';

/**
 * React and the form are loaded by a specifier tsc does not follow: the test project has no JSX
 * and no DOM types, and React's types would add empty DOM interfaces to every test's globals.
 */
const REACT: string = 'react';
const REACT_DOM_SERVER: string = 'react-dom/server';
const { createElement } = (await import(REACT)) as {
  createElement(type: unknown, props: unknown): unknown;
};
const { renderToStaticMarkup } = (await import(REACT_DOM_SERVER)) as {
  renderToStaticMarkup(element: unknown): string;
};

/** The form's props, as node-properties-form.tsx declares them. */
interface FormProps {
  nodeId: string;
  node: Record<string, unknown>;
  nodeIds: string[];
  variables: string[];
  problems: FieldProblem[];
  onSet(path: (string | number)[], value: unknown): void;
  focusPointer?: string | null;
  prompts?: { list(): Promise<string[]>; play(audio: string): void };
}

const FORM = new URL(
  '../../../../src/renderer/src/features/flow-editor/properties/node-properties-form.tsx',
  import.meta.url,
);
const { NodePropertiesForm } = (await import(FORM.href)) as {
  NodePropertiesForm(props: FormProps): unknown;
};

/** A node of `type` with a value in each field (as a sample flow would have). */
const SAMPLE: Record<string, Record<string, unknown>> = {
  menu: { options: { '1': 'bye', '0': 'agent' } },
  http: {
    method: 'POST',
    url: '${crm}/x',
    headers: { 'X-Id': '${uuid}' },
    timeouts: { connectMs: 500 },
  },
  setVariable: { assign: { seen: 'yes' } },
  queryData: { dataset: 'customers', match: { phone: '${source}' }, assign: { name: 'name' } },
  branch: {
    cases: [
      { if: { var: 'tier', op: 'eq', value: 'gold' }, next: 'bye' },
      {
        if: { any: [{ var: 'a', op: 'exists' }, { all: [{ var: 'b', op: 'gt', value: 3 }] }] },
        next: 'agent',
      },
    ],
    default: 'bye',
  },
};

function render(props: Partial<FormProps> & { node: Record<string, unknown> }): string {
  return renderToStaticMarkup(
    createElement(NodePropertiesForm, {
      nodeId: 'here',
      nodeIds: ['here', 'bye', 'agent'],
      variables: ['uuid', 'source', 'crm'],
      problems: [],
      onSet: () => undefined,
      prompts: { list: async () => [], play: () => undefined },
      ...props,
    }),
  );
}

/** The attributes of the element whose id is `id`. */
function elementWithId(html: string, id: string): string {
  const match = new RegExp(`<(input|select|textarea)[^>]*\\bid="${id}"[^>]*>`).exec(html);
  assert.ok(match, `a control with id ${id}`);
  return match[0];
}

describe('NodePropertiesForm', () => {
  for (const type of NODE_TYPES) {
    test(`${type}: every field labelled with its name`, () => {
      const html = render({ node: { type, ...SAMPLE[type] } });
      for (const spec of nodeFields(type)) {
        const label = new RegExp(`<label for="([^"]+)">${spec.name}</label>`).exec(html);
        const legend = new RegExp(
          `<fieldset[^>]*aria-labelledby="([^"]+)"[^>]*><legend id="\\1">${spec.name}</legend>`,
        ).exec(html);
        assert.ok(label ?? legend, `${type}.${spec.name} has a label or legend`);
        if (label) elementWithId(html, label[1] ?? '');
      }
    });
  }

  test('help is linked to its control; a problem marks the field invalid under it', () => {
    const html = render({
      node: { type: 'getDigits', variable: '', next: 'nowhere' },
      problems: [
        {
          severity: 'error',
          pointer: '/nodes/here/variable',
          code: 'bad-name',
          message: 'invalid name',
        },
      ],
    });
    const id = /<label for="([^"]+)">variable<\/label>/.exec(html)?.[1] ?? '';
    const control = elementWithId(html, id);
    assert.match(control, /aria-invalid="true"/);
    const describedBy = /aria-describedby="([^"]+)"/.exec(control)?.[1]?.split(' ') ?? [];
    assert.equal(describedBy.length, 2);
    assert.match(html, new RegExp(`id="${describedBy[0]}"[^>]*>A variable name`));
    assert.match(
      html,
      new RegExp(`id="${describedBy[1]}"[^>]*><li[^>]*><span[^>]*>error: </span>invalid name`),
    );
    // A reference to a node that does not exist stays, marked.
    assert.match(html, /<option value="nowhere" selected="">nowhere \(missing\)<\/option>/);
  });

  test('a template naming an unknown variable lists it and is invalid', () => {
    const html = render({
      node: { type: 'play', say: 'Hi ${nobody} ${secret.x} ${uuid}', next: 'bye' },
    });
    assert.match(html, /unknown variable \$\{nobody\}/);
    assert.doesNotMatch(html, /unknown variable \$\{(secret|uuid)/);
    assert.match(html, /<textarea[^>]*role="combobox"[^>]*aria-invalid="true"/);
  });

  test('a node of no known type says so', () => {
    assert.match(render({ node: { type: 'teleport' } }), /Unknown node type &quot;teleport&quot;/);
  });
});
