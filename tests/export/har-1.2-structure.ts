// Over 300 lines: the HAR 1.2 schema written out as data, field by field.
/**
 * The HAR 1.2 structure (http://www.softwareishard.com/blog/har-12-spec/) as a JSON Schema, a
 * small validator for the keywords it uses, and the rules a schema cannot say (an entry's `time`
 * is the sum of its timings, `pageref` names a page). Written from the spec rather than from the
 * exporter, so a test of the export against it checks the format, not the code against itself.
 */

/** The JSON Schema keywords used here (a subset of draft 2020-12, same meaning). */
export interface Schema {
  type?: JsonType | JsonType[];
  required?: string[];
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  additionalProperties?: false;
  items?: Schema;
  const?: unknown;
  enum?: unknown[];
  minimum?: number;
  anyOf?: Schema[];
  format?: 'date-time';
}

type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** One problem, at the JSON Pointer of the offending value. */
export interface Problem {
  path: string;
  message: string;
}

const string: Schema = { type: 'string' };
const boolean: Schema = { type: 'boolean' };
const dateTime: Schema = { type: 'string', format: 'date-time' };
/** Optional timings: -1 when they do not apply, else a duration. */
const optionalTiming: Schema = { anyOf: [{ const: -1 }, { type: 'number', minimum: 0 }] };
const timing: Schema = { type: 'number', minimum: 0 };
/** headersSize, bodySize: -1 when unknown. */
const size: Schema = { type: 'integer', minimum: -1 };

/** An object with HAR's rule for fields of one's own: they start with an underscore. */
function object(properties: Record<string, Schema>, required: string[]): Schema {
  return {
    type: 'object',
    required,
    properties: { ...properties, comment: string },
    patternProperties: { '^_': {} },
    additionalProperties: false,
  };
}

const nameValue = object({ name: string, value: string }, ['name', 'value']);

const cookie = object(
  {
    name: string,
    value: string,
    path: string,
    domain: string,
    expires: dateTime,
    httpOnly: boolean,
    secure: boolean,
  },
  ['name', 'value'],
);

const postData = object(
  {
    mimeType: string,
    text: string,
    params: {
      type: 'array',
      items: object({ name: string, value: string, fileName: string, contentType: string }, [
        'name',
      ]),
    },
  },
  ['mimeType'],
);

const request = object(
  {
    method: string,
    url: string,
    httpVersion: string,
    cookies: { type: 'array', items: cookie },
    headers: { type: 'array', items: nameValue },
    queryString: { type: 'array', items: nameValue },
    postData,
    headersSize: size,
    bodySize: size,
  },
  ['method', 'url', 'httpVersion', 'cookies', 'headers', 'queryString', 'headersSize', 'bodySize'],
);

const content = object(
  {
    size: { type: 'integer', minimum: 0 },
    compression: { type: 'integer' },
    mimeType: string,
    text: string,
    encoding: string,
  },
  ['size', 'mimeType'],
);

const response = object(
  {
    status: { type: 'integer', minimum: 0 },
    statusText: string,
    httpVersion: string,
    cookies: { type: 'array', items: cookie },
    headers: { type: 'array', items: nameValue },
    content,
    redirectURL: string,
    headersSize: size,
    bodySize: size,
  },
  [
    'status',
    'statusText',
    'httpVersion',
    'cookies',
    'headers',
    'content',
    'redirectURL',
    'headersSize',
    'bodySize',
  ],
);

const cacheEntry = object(
  { expires: dateTime, lastAccess: dateTime, eTag: string, hitCount: { type: 'integer' } },
  ['lastAccess', 'eTag', 'hitCount'],
);
const cache = object(
  {
    beforeRequest: { anyOf: [{ type: 'null' }, cacheEntry] },
    afterRequest: { anyOf: [{ type: 'null' }, cacheEntry] },
  },
  [],
);

const timings = object(
  {
    blocked: optionalTiming,
    dns: optionalTiming,
    connect: optionalTiming,
    send: timing,
    wait: timing,
    receive: timing,
    ssl: optionalTiming,
  },
  ['send', 'wait', 'receive'],
);

const entry = object(
  {
    pageref: string,
    startedDateTime: dateTime,
    time: { type: 'number', minimum: 0 },
    request,
    response,
    cache,
    timings,
    serverIPAddress: string,
    connection: string,
  },
  ['startedDateTime', 'time', 'request', 'response', 'cache', 'timings'],
);

const page = object(
  {
    startedDateTime: dateTime,
    id: string,
    title: string,
    pageTimings: object({ onContentLoad: optionalTiming, onLoad: optionalTiming }, []),
  },
  ['startedDateTime', 'id', 'title', 'pageTimings'],
);

const creator = object({ name: string, version: string }, ['name', 'version']);

/** A HAR file's shape as the spec defines it, from `log` down; exports are validated against it. */
export const HAR_1_2_SCHEMA: Schema = object(
  {
    log: object(
      {
        version: { const: '1.2' },
        creator,
        browser: creator,
        pages: { type: 'array', items: page },
        entries: { type: 'array', items: entry },
      },
      ['version', 'creator', 'entries'],
    ),
  },
  ['log'],
);

/** ISO 8601 with a time and a zone, as HAR requires for dates. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

function hasType(value: unknown, type: JsonType): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function pointer(path: string, key: string | number): string {
  return `${path}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** Every place `value` breaks `schema`, with its JSON Pointer. */
export function validate(schema: Schema, value: unknown, path = ''): Problem[] {
  const problems: Problem[] = [];
  const at = (message: string): void => void problems.push({ path: path || '/', message });
  if (schema.anyOf) {
    const fits = schema.anyOf.some((option) => validate(option, value, path).length === 0);
    if (!fits) at(`${JSON.stringify(value)} matches none of the allowed forms`);
  }
  if ('const' in schema && value !== schema.const) {
    at(`expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(value)}`);
  }
  if (schema.enum && !schema.enum.includes(value)) {
    at(`expected one of ${JSON.stringify(schema.enum)}, got ${JSON.stringify(value)}`);
  }
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => hasType(value, type))) {
      at(`expected ${types.join(' or ')}, got ${typeOf(value)}`);
      return problems;
    }
  }
  if (schema.minimum !== undefined && typeof value === 'number' && value < schema.minimum) {
    at(`${value} is below the minimum ${schema.minimum}`);
  }
  if (schema.format === 'date-time' && typeof value === 'string') {
    if (!ISO_8601.test(value) || Number.isNaN(Date.parse(value))) {
      at(`"${value}" is not an ISO 8601 date-time`);
    }
  }
  if (schema.items && Array.isArray(value)) {
    value.forEach((item, index) =>
      problems.push(...validate(schema.items!, item, pointer(path, index))),
    );
  }
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (!(name in record))
        problems.push({ path: pointer(path, name), message: 'missing required field' });
    }
    for (const [name, field] of Object.entries(record)) {
      const known = schema.properties?.[name];
      const patterned = Object.entries(schema.patternProperties ?? {}).filter(([pattern]) =>
        new RegExp(pattern).test(name),
      );
      if (known) problems.push(...validate(known, field, pointer(path, name)));
      for (const [, fieldSchema] of patterned) {
        problems.push(...validate(fieldSchema, field, pointer(path, name)));
      }
      if (!known && patterned.length === 0 && schema.additionalProperties === false) {
        problems.push({
          path: pointer(path, name),
          message: 'unknown field (HAR custom fields start with an underscore)',
        });
      }
    }
  }
  return problems;
}

interface EntryLike {
  pageref?: unknown;
  startedDateTime?: unknown;
  time?: unknown;
  timings?: Record<string, unknown>;
}

/** The rules of the HAR text that a schema cannot express. */
function ruleProblems(har: unknown): Problem[] {
  const problems: Problem[] = [];
  const log = (har as { log?: { pages?: { id?: unknown }[]; entries?: EntryLike[] } }).log;
  if (!Array.isArray(log?.entries)) return problems;
  const pageIds = new Set((log.pages ?? []).map((p) => p.id));
  let previous = -Infinity;
  log.entries.forEach((entry, index) => {
    const path = `/log/entries/${index}`;
    if (entry.pageref !== undefined && !pageIds.has(entry.pageref)) {
      problems.push({
        path: `${path}/pageref`,
        message: `no page has id ${JSON.stringify(entry.pageref)}`,
      });
    }
    const t = entry.timings ?? {};
    const phases = ['blocked', 'dns', 'connect', 'send', 'wait', 'receive'] as const;
    // ssl is part of connect (HAR 1.1 compatibility), so it is not added again.
    const sum = phases.reduce((acc, name) => {
      const value = t[name];
      return typeof value === 'number' && value >= 0 ? acc + value : acc;
    }, 0);
    if (typeof entry.time === 'number' && Math.abs(entry.time - sum) > 1e-6) {
      problems.push({
        path: `${path}/time`,
        message: `${entry.time} is not the sum of the timings (${sum})`,
      });
    }
    if (
      typeof t.ssl === 'number' &&
      t.ssl >= 0 &&
      !(typeof t.connect === 'number' && t.connect >= t.ssl)
    ) {
      problems.push({
        path: `${path}/timings/ssl`,
        message: 'ssl time must be included in connect',
      });
    }
    const started =
      typeof entry.startedDateTime === 'string' ? Date.parse(entry.startedDateTime) : NaN;
    if (started < previous) {
      problems.push({ path: `${path}/startedDateTime`, message: 'entries are not in start order' });
    }
    if (!Number.isNaN(started)) previous = started;
  });
  return problems;
}

/** Every way `har` fails HAR 1.2: structure (the schema) and the cross-field rules. */
export function harProblems(har: unknown): Problem[] {
  return [...validate(HAR_1_2_SCHEMA, har), ...ruleProblems(har)];
}
