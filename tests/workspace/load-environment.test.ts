import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EnvironmentProblem } from '../../src/main/workspace/environment-types.ts';
import {
  formatEnvironmentProblem,
  loadEnvironmentFile,
} from '../../src/main/workspace/load-environment.ts';
import type { TempFolder } from './fixtures.ts';
import { makeTempFolder } from './fixtures.ts';

let folder: TempFolder;
before(async () => {
  folder = await makeTempFolder();
});
after(async () => {
  await folder.remove();
});

/** Each problem as `line:column field: message`, the file left out (it is always the one read). */
function brief(problems: EnvironmentProblem[]): string[] {
  return problems.map((p) => `${p.line ?? '-'}:${p.column ?? '-'} ${p.field ?? '-'}: ${p.message}`);
}

async function problemsOf(name: string, text: string): Promise<string[]> {
  const loaded = await loadEnvironmentFile(await folder.write(name, text));
  assert.equal(loaded.environment, null, 'an environment with problems is not usable');
  for (const problem of loaded.problems) assert.equal(problem.file, folder.root + '/' + name);
  return brief(loaded.problems);
}

describe('environment files: valid', () => {
  test('every field (TLS files aside) is read', async () => {
    const file = await folder.write(
      'environments/full.yaml',
      `# comment
name: Full CRM
variables:
  crm_base: https://crm.example.com
  retries: 3
  strict: true
  account: { tier: gold, limits: { daily: 500 } }
  __proto__: plain
secrets: [crm_token, api_key]
headers:
  Authorization: Bearer \${secret.crm_token}
  X-Api-Key: \${secret.api_key}
  X-Base: \${crm_base}
tls:
  insecure: true
proxy: http://user:pass@proxy.example.com:3128
limits:
  connectTimeoutMs: 2000
  responseTimeoutMs: 8000
  maxBodyBytes: 131072
  maxKeys: 200
  maxValueLength: 512
  maxDepth: 4
demoCrm: false
`,
    );
    const loaded = await loadEnvironmentFile(file);
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.id, 'full');
    assert.equal(loaded.name, 'Full CRM');
    const env = loaded.environment!;
    assert.equal(env.file, file);
    assert.deepEqual(env.variables, {
      crm_base: 'https://crm.example.com',
      retries: 3,
      strict: true,
      account: { tier: 'gold', limits: { daily: 500 } },
      ['__proto__']: 'plain',
    });
    assert.equal(Object.getPrototypeOf(env.variables), Object.prototype);
    assert.deepEqual(env.secrets, ['crm_token', 'api_key']);
    assert.deepEqual(env.headers, {
      Authorization: 'Bearer ${secret.crm_token}',
      'X-Api-Key': '${secret.api_key}',
      'X-Base': '${crm_base}',
    });
    assert.deepEqual(env.tls, {
      ca: [],
      caFiles: [],
      cert: null,
      certFile: null,
      key: null,
      keyFile: null,
      insecure: true,
    });
    assert.equal(env.proxy, 'http://user:pass@proxy.example.com:3128');
    assert.deepEqual(env.limits, {
      connectTimeoutMs: 2000,
      responseTimeoutMs: 8000,
      maxBodyBytes: 131072,
      maxKeys: 200,
      maxValueLength: 512,
      maxDepth: 4,
    });
    assert.equal(env.demoCrm, false);
  });

  test('only name is required; empty sections mean none; .yml and .json are read too', async () => {
    const minimal = await loadEnvironmentFile(await folder.write('min.yml', 'name: Minimal\n'));
    assert.deepEqual(minimal.problems, []);
    assert.deepEqual(minimal.environment?.variables, {});
    assert.equal(minimal.environment?.proxy, null);
    const empty = await loadEnvironmentFile(
      await folder.write(
        'empty-sections.yaml',
        'name: E\nvariables:\nsecrets:\nheaders:\ntls:\nlimits:\n',
      ),
    );
    assert.deepEqual(empty.problems, []);
    const json = await loadEnvironmentFile(
      await folder.write(
        'j.json',
        '{\n  "name": "From JSON",\n  "variables": { "crm_base": "http://x" },\n  "demoCrm": true\n}\n',
      ),
    );
    assert.deepEqual(json.problems, []);
    assert.equal(json.environment?.name, 'From JSON');
    assert.equal(json.environment?.demoCrm, true);
  });
});

describe('environment files: every mistake, with its line and field', () => {
  test('YAML syntax error, with the parser position', async () => {
    assert.deepEqual(await problemsOf('syntax.yaml', 'name: x\nvariables: [a\nfoo: 1\n'), [
      '3:1 -: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  test('JSON syntax error, with line and column', async () => {
    assert.deepEqual(
      await problemsOf('bad.json', '{\n  "name": "x",\n  "variables": { "a": 1, }\n}\n'),
      ['3:26 -: invalid JSON: Expected double-quoted property name'],
    );
  });

  test('unknown field: the allowed ones listed, the closest suggested', async () => {
    assert.deepEqual(await problemsOf('unknown.yaml', 'name: x\nheader:\n  A: b\nfoo: 1\n'), [
      '2:1 header: unknown key (did you mean "headers"?); allowed here: name, variables, secrets, headers, tls, proxy, limits, demoCrm, mock',
      '4:1 foo: unknown key; allowed here: name, variables, secrets, headers, tls, proxy, limits, demoCrm, mock',
    ]);
  });

  test('wrong types and values', async () => {
    const text = `name: [x]
demoCrm: yes
limits: { maxKeys: 0, responseTimeoutMs: abc, foo: 1 }
tls: { insecure: 1 }
variables: { customer: a, uuid: b, Bad: 1, ok: [1], n: null, deep: { X: 1 } }
headers: { "a b": x, Content-Length: 1, X: "a\\nb", Y: "\${bad ref}" }
`;
    assert.deepEqual(await problemsOf('types.yaml', text), [
      '1:7 name: must be text, got a list',
      '2:10 demoCrm: must be true or false, got the text "yes"',
      '3:20 limits.maxKeys: must be a whole number from 1 to 100000, got 0',
      '3:42 limits.responseTimeoutMs: must be a whole number from 1 to 600000, got the text "abc"',
      '3:47 limits.foo: unknown key; allowed here: connectTimeoutMs, responseTimeoutMs, maxBodyBytes, maxKeys, maxValueLength, maxDepth',
      '4:18 tls.insecure: must be true or false, got 1',
      '5:14 variables.customer: a system variable; set it per call (--source, --destination, … or the call form), not in an environment',
      '5:27 variables.uuid: a system variable the call sets itself; it cannot be preset',
      '5:36 variables.Bad: invalid variable name (must match ^[a-z_][a-z0-9_]*$)',
      '5:48 variables.ok: a list cannot be a variable value (use a mapping, or text)',
      '5:56 variables.n: must be text, a number, true/false or a mapping, got nothing (an empty value)',
      '5:70 variables.deep: nested keys must be names matching ^[a-z_][a-z0-9_]*$, got "X"',
      "6:12 headers.a b: invalid header name (letters, digits and !#$%&'*+-.^_`|~ only)",
      '6:22 headers.Content-Length: set by the HTTP client itself; it cannot be an environment header',
      '6:44 headers.X: must be one line of text without control characters',
      '6:55 headers.Y: "${bad ref}" is not a valid reference (e.g. ${crm_base} or ${secret.crm_token})',
    ]);
  });

  test('duplicate keys, repeated secrets, a header twice in another case', async () => {
    const text = 'name: x\nvariables:\n  a: 1\n  a: 2\nheaders: { A: x, a: y }\nsecrets: [s, s]\n';
    assert.deepEqual(await problemsOf('dup.yaml', text), [
      '4:3 variables.a: duplicate key "a" (first on line 3); give each key once',
      '5:18 headers.a: the same header as "A" on line 5 (header names ignore case)',
      '6:14 secrets[1]: "s" is already listed on line 6',
    ]);
  });

  test('a missing name, an empty file, a list instead of a mapping', async () => {
    assert.deepEqual(await problemsOf('noname.yaml', 'variables: {}\n'), [
      '1:1 name: required: the name shown in the Environment picker',
    ]);
    assert.deepEqual(await problemsOf('blank.yaml', '# nothing yet\n'), [
      '1:1 -: the file is empty; an environment needs at least "name:"',
    ]);
    assert.deepEqual(await problemsOf('list.yaml', '- a\n'), [
      '1:1 -: must be a mapping (key: value lines), got a list',
    ]);
  });

  test('bad proxy URLs (the value is not echoed: it may hold a password)', async () => {
    assert.deepEqual(await problemsOf('proxy1.yaml', 'name: x\nproxy: ftp://p\n'), [
      '2:8 proxy: must be an http:// URL, got ftp://…; e.g. http://proxy.example.com:3128',
    ]);
    // The client speaks plain HTTP to its proxy: an https:// one is refused when the file loads.
    assert.deepEqual(await problemsOf('proxy-tls.yaml', 'name: x\nproxy: https://p:443\n'), [
      '2:8 proxy: must be an http:// URL, got https://…; e.g. http://proxy.example.com:3128',
    ]);
    assert.deepEqual(
      await problemsOf('proxy2.yaml', 'name: x\nproxy: "http://user:secret@exa mple.com"\n'),
      ['2:8 proxy: not a valid URL; e.g. http://proxy.example.com:3128'],
    );
    assert.deepEqual(await problemsOf('proxy3.yaml', 'name: x\nproxy: http://p:1/path\n'), [
      '2:8 proxy: a proxy URL is only scheme, host and port; e.g. http://proxy.example.com:3128',
    ]);
  });

  test('a secret used in a header but not declared', async () => {
    const text =
      'name: x\nsecrets: [a]\nheaders:\n  Authorization: Bearer ${secret.crm_token} ${secret.a}\n';
    assert.deepEqual(await problemsOf('secret.yaml', text), [
      '4:18 headers.Authorization: uses secret "crm_token", which "secrets" does not declare; add it there (undeclared, the header would be sent with an empty value)',
    ]);
  });

  test('a mocked node needs rules (the section itself: tests/workspace/mock-section.test.ts)', async () => {
    assert.deepEqual(await problemsOf('mock.yaml', 'name: x\nmock:\n  auth: []\n'), [
      '3:9 mock.auth: must list at least one rule, e.g. - json: { authenticated: true }',
    ]);
  });

  test('a file name that cannot be an id', async () => {
    const loaded = await loadEnvironmentFile(await folder.write('bad name!.yaml', 'name: x\n'));
    assert.deepEqual(brief(loaded.problems), [
      '-:- -: the file name "bad name!.yaml" cannot be an environment id: use letters, digits, "_", "-" and "." (starting with a letter or digit)',
    ]);
    assert.equal(
      formatEnvironmentProblem(loaded.problems[0]!),
      `${folder.root}/bad name!.yaml: the file name "bad name!.yaml" cannot be an environment id: use letters, digits, "_", "-" and "." (starting with a letter or digit)`,
    );
  });

  test('a missing file, a folder, a wrong extension, bytes that are not UTF-8', async () => {
    const missing = await loadEnvironmentFile(`${folder.root}/nope.yaml`);
    assert.deepEqual(brief(missing.problems), ['-:- -: the file does not exist']);
    await folder.write('dir.yaml/inside', '');
    const dir = await loadEnvironmentFile(`${folder.root}/dir.yaml`);
    assert.deepEqual(brief(dir.problems), ['-:- -: the file is a folder, not a file']);
    const txt = await loadEnvironmentFile(await folder.write('env.txt', 'name: x\n'));
    assert.deepEqual(brief(txt.problems), [
      '-:- -: an environment file ends in .yaml, .yml or .json',
    ]);
    const latin = await loadEnvironmentFile(
      await folder.write(
        'latin.yaml',
        Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]),
      ),
    );
    assert.deepEqual(brief(latin.problems), ['-:- -: the file is not valid UTF-8 text']);
  });
});

describe('environment files: hostile input', () => {
  test('an oversize file is refused without being read whole', async () => {
    const big = await folder.write('big.yaml', `name: x\n#${'x'.repeat(1024 * 1024)}\n`);
    const loaded = await loadEnvironmentFile(big);
    assert.deepEqual(brief(loaded.problems), [
      '-:- -: the file is too large (1048586 bytes; the limit is 1 MiB)',
    ]);
  });

  test('an alias bomb stops at the entry budget, never expanded', async () => {
    const lines = ['name: x', 'variables:', '  a0: &a0 { x: 1, y: 2, z: 3, w: 4 }'];
    for (let i = 1; i <= 20; i++) {
      lines.push(`  a${i}: &a${i} { p: *a${i - 1}, q: *a${i - 1}, r: *a${i - 1}, s: *a${i - 1} }`);
    }
    // Expanded, the aliases would make 4^20 entries: the reading would never end.
    const problems = await problemsOf('bomb.yaml', `${lines.join('\n')}\n`);
    assert.deepEqual(problems, [
      "3:19 variables: more than 1000 entries (nested ones and each use of an alias count); an environment's variables are limited to 1000",
    ]);
  });

  test('nesting deeper than 32 levels, and an alias that contains itself', async () => {
    const deep = `name: x\nvariables:\n  a: ${'{ b: '.repeat(40)}1${' }'.repeat(40)}\n`;
    const [problem] = await problemsOf('deep.yaml', deep);
    assert.match(problem!, /^3:166 variables\.a(\.b){32}: nested more than 32 levels deep$/);
    const [cycle] = await problemsOf('cycle.yaml', 'name: x\nvariables:\n  a: &a { b: *a }\n');
    assert.match(cycle!, /^3:9 variables\.a(\.b){32}: nested more than 32 levels deep$/);
  });

  test('absurd bracket nesting is refused before parsing (the parser would exhaust the stack)', async () => {
    assert.deepEqual(
      await problemsOf('nest.yaml', `name: x\nfoo: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`),
      ['2:262 -: nested too deeply: more than 256 levels of [ ] or { }'],
    );
    assert.deepEqual(
      await problemsOf(
        'nest.json',
        `{"name":"x","variables":${'['.repeat(300_000)}${']'.repeat(300_000)}}`,
      ),
      ['1:280 -: nested too deeply: more than 256 levels of [ ] or { }'],
    );
  });
});
