/**
 * The JSON Schema of flow files, generated from the zod definition so the two can never drift.
 * Shipped as `resources/flow.schema.json` (`npm run schema`); a test checks the file is current.
 */
import { z } from 'zod';
import { FlowSchema } from './flow-schema.ts';

/** Where the shipped schema lives, relative to the project root. */
export const FLOW_SCHEMA_FILE = 'resources/flow.schema.json';

/** The flow JSON Schema (draft 2020-12), describing files as written (defaults optional). */
export function buildFlowJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(FlowSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    $schema: schema.$schema,
    $id: 'https://ivr-test-console.local/flow.schema.json',
    title: 'IVR Test Console flow',
    ...schema,
  };
}

/** The schema as the file's text (2-space JSON and a final newline). */
export function flowJsonSchemaText(): string {
  return JSON.stringify(buildFlowJsonSchema(), null, 2) + '\n';
}
