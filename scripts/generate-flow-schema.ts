/**
 * Writes `resources/flow.schema.json` from the zod flow definition (`npm run schema`).
 */
import { writeFileSync } from 'node:fs';
import { FLOW_SCHEMA_FILE, flowJsonSchemaText } from '../src/shared/flow/flow-json-schema.ts';

writeFileSync(FLOW_SCHEMA_FILE, flowJsonSchemaText());
console.log(`wrote ${FLOW_SCHEMA_FILE}`);
