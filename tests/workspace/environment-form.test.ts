import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EnvironmentForm } from '../../src/shared/contract.ts';
import {
  applyFormToText,
  environmentToForm,
  newEnvironmentText,
} from '../../src/main/workspace/environment-form.ts';
import { loadEnvironmentFile } from '../../src/main/workspace/load-environment.ts';
import { WorkspaceError } from '../../src/main/workspace/workspace-error.ts';
import type { TempFolder } from './fixtures.ts';
import { makeTempFolder } from './fixtures.ts';

let folder: TempFolder;
before(async () => {
  folder = await makeTempFolder();
});
after(async () => {
  await folder.remove();
});

const STAGING = `# environments/staging.yaml
name: Staging CRM                      # shown in the Environment picker
variables:                             # user variables preset for every call
  crm_base: https://crm-staging.example.com
  account: { tier: gold }

  # the queue agents pick up
  queue: 'support'
secrets: [crm_token]                   # names only
headers:
  Authorization: Bearer \${secret.crm_token}
tls:
  ca: ../certs/staging-ca.pem          # extra trusted CAs
  insecure: false
limits: { responseTimeoutMs: 8000 }    # optional
# proxy: http://proxy.example.com:3128
`;

function edit(text: string, change: (form: EnvironmentForm) => void): string {
  const form = environmentToForm(text);
  change(form);
  return applyFormToText(text, form, 'yaml');
}

describe('environment form: reading', () => {
  test('the text as the form shows it', () => {
    assert.deepEqual(environmentToForm(STAGING), {
      name: 'Staging CRM',
      variables: [
        { name: 'crm_base', value: 'https://crm-staging.example.com' },
        { name: 'account', value: '{"tier":"gold"}' },
        { name: 'queue', value: 'support' },
      ],
      secrets: ['crm_token'],
      headers: [{ name: 'Authorization', value: 'Bearer ${secret.crm_token}' }],
      tls: { ca: '../certs/staging-ca.pem', cert: '', key: '', insecure: false },
      proxy: '',
      limits: { responseTimeoutMs: 8000 },
    });
  });

  test('several CA files are one per line; text that does not parse gives an empty form', () => {
    assert.equal(environmentToForm('name: x\ntls:\n  ca: [a.pem, b.pem]\n').tls.ca, 'a.pem\nb.pem');
    assert.equal(environmentToForm('name: [x\n').name, '');
  });
});

describe('environment form: saving keeps the rest of the file', () => {
  test('an unchanged form gives the identical text (YAML and JSON)', () => {
    assert.equal(applyFormToText(STAGING, environmentToForm(STAGING), 'yaml'), STAGING);
    const json = '{"name":"J",   "variables": {"a": 1}}';
    assert.equal(applyFormToText(json, environmentToForm(json), 'json'), json);
  });

  test('changed values are written in place, comments, alignment and order kept', () => {
    const next = edit(STAGING, (form) => {
      form.name = 'Staging CRM (EU)';
      form.variables[0]!.value = 'https://crm-eu.example.com';
      form.variables[2]!.value = "agents' queue";
      form.limits.responseTimeoutMs = 9000;
    });
    assert.equal(
      next,
      STAGING.replace('name: Staging CRM     ', 'name: Staging CRM (EU)')
        .replace('crm-staging.example', 'crm-eu.example')
        .replace("queue: 'support'", "queue: 'agents'' queue'")
        .replace('responseTimeoutMs: 8000 }   ', 'responseTimeoutMs: 9000 }   '),
    );
  });

  test('new keys go at the end of their mapping; flow collections stay flow', () => {
    const next = edit(STAGING, (form) => {
      form.variables.push({ name: 'region', value: 'eu-west' });
      form.secrets.push('api_key');
      form.headers.push({ name: 'X-Api-Key', value: '${secret.api_key}' });
      form.limits.maxKeys = 50;
      form.proxy = 'http://proxy.example.com:3128';
      form.tls.cert = '../certs/client.pem';
      form.tls.key = '../certs/client-key.pem';
    });
    assert.equal(
      next,
      `# environments/staging.yaml
name: Staging CRM                      # shown in the Environment picker
variables:                             # user variables preset for every call
  crm_base: https://crm-staging.example.com
  account: { tier: gold }

  # the queue agents pick up
  queue: 'support'
  region: eu-west
secrets: [crm_token, api_key]          # names only
headers:
  Authorization: Bearer \${secret.crm_token}
  X-Api-Key: \${secret.api_key}
tls:
  ca: ../certs/staging-ca.pem          # extra trusted CAs
  insecure: false
  cert: ../certs/client.pem
  key: ../certs/client-key.pem
limits: { responseTimeoutMs: 8000, maxKeys: 50 } # optional
proxy: http://proxy.example.com:3128
# proxy: http://proxy.example.com:3128
`,
    );
  });

  test('removed keys go with their line; sections left empty go too', () => {
    const next = edit(STAGING, (form) => {
      form.variables = form.variables.filter((v) => v.name !== 'account');
      form.headers = [];
      form.secrets = [];
      form.tls.ca = '';
      form.limits = {};
    });
    assert.equal(
      next,
      `# environments/staging.yaml
name: Staging CRM                      # shown in the Environment picker
variables:                             # user variables preset for every call
  crm_base: https://crm-staging.example.com

  # the queue agents pick up
  queue: 'support'
tls:
  insecure: false
# proxy: http://proxy.example.com:3128
`,
    );
    const none = edit(next, (form) => {
      form.variables = [];
      form.tls.insecure = true;
    });
    assert.equal(
      none,
      `# environments/staging.yaml
name: Staging CRM                      # shown in the Environment picker
tls:
  insecure: true
# proxy: http://proxy.example.com:3128
`,
    );
    assert.equal(
      edit(none, (form) => {
        form.tls.insecure = false;
      }),
      `# environments/staging.yaml
name: Staging CRM                      # shown in the Environment picker
# proxy: http://proxy.example.com:3128
`,
    );
  });

  test('nested values, several CA files, text that needs quotes', () => {
    const next = edit('name: x\nvariables:\n  a: 1\n', (form) => {
      form.variables[0]!.value = '{"b":{"c":true}}';
      form.variables.push({ name: 'pin', value: '0012' }, { name: 'note', value: 'a: b # c' });
      form.tls.ca = 'one.pem\ntwo.pem';
    });
    assert.equal(
      next,
      `name: x
variables:
  a:
    b:
      c: true
  pin: "0012"
  note: "a: b # c"
tls:
  ca:
    - one.pem
    - two.pem
`,
    );
    assert.deepEqual(environmentToForm(next).variables, [
      { name: 'a', value: '{"b":{"c":true}}' },
      { name: 'pin', value: '0012' },
      { name: 'note', value: 'a: b # c' },
    ]);
  });

  test('a JSON file stays JSON, two-space indented, key order kept', () => {
    const json = '{"name":"J","variables":{"b":1,"a":2},"demoCrm":true}\n';
    const next = applyFormToText(
      json,
      {
        ...environmentToForm(json),
        variables: [
          { name: 'b', value: 3 },
          { name: 'c', value: 'x' },
        ],
        proxy: 'http://p:1',
      },
      'json',
    );
    assert.equal(
      next,
      `{
  "name": "J",
  "variables": {
    "b": 3,
    "c": "x"
  },
  "demoCrm": true,
  "proxy": "http://p:1"
}
`,
    );
  });

  test('a change the text edit cannot place is still saved, through the Document API', () => {
    const text = '# top\nname: |\n  Multi\n  line\nproxy: http://a:1 # kept\n';
    const next = edit(text, (form) => {
      form.name = 'Single';
    });
    assert.equal(environmentToForm(next).name, 'Single');
    assert.equal(environmentToForm(next).proxy, 'http://a:1');
    assert.match(next, /^# top$/m);
    assert.match(next, /# kept$/m);
  });

  test('__proto__ is an ordinary variable name when saving, in YAML and JSON', () => {
    const add = (form: EnvironmentForm): void => {
      form.variables.push({ name: '__proto__', value: '{"polluted":true}' });
    };
    const yaml = edit('name: x\nvariables:\n  a: 1\n', add);
    assert.equal(yaml, 'name: x\nvariables:\n  a: 1\n  __proto__:\n    polluted: true\n');
    const json = applyFormToText('{"name":"x"}', { ...environmentToForm('{"name":"x"}') }, 'json');
    assert.equal(json, '{"name":"x"}');
    const form = environmentToForm('{"name":"x"}');
    add(form);
    assert.equal(
      applyFormToText('{"name":"x"}', form, 'json'),
      '{\n  "name": "x",\n  "variables": {\n    "__proto__": {\n      "polluted": true\n    }\n  }\n}\n',
    );
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  test('text that is not a mapping cannot take the form', () => {
    const form = { ...environmentToForm('name: x\n'), proxy: 'http://p:1' };
    assert.throws(() => applyFormToText('name: [x\n', form, 'yaml'), WorkspaceError);
    assert.throws(() => applyFormToText('- a\n', form, 'yaml'), WorkspaceError);
    assert.throws(() => applyFormToText('{"name": ', form, 'json'), WorkspaceError);
    const bomb = ['name: x', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      bomb.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    assert.deepEqual(environmentToForm(bomb.join('\n')).name, '', 'aliases are not expanded');
    assert.throws(
      () => applyFormToText(bomb.join('\n'), form, 'yaml'),
      new WorkspaceError('the file uses more YAML aliases than can be followed; edit its text'),
    );
  });
});

describe('new environment text', () => {
  test('a short commented template that loads clean and edits cleanly', async () => {
    const text = newEnvironmentText('QA: night');
    assert.match(text, /^name: "QA: night"$/m);
    assert.match(text, /^# secrets: \[crm_token\]/m);
    const loaded = await loadEnvironmentFile(await folder.write('qa.yaml', text));
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.name, 'QA: night');
    const next = edit(text, (form) => {
      form.variables.push({ name: 'crm_base', value: 'https://qa.example.com' });
    });
    assert.equal(
      next,
      text.replace(
        'name: "QA: night"\n',
        'name: "QA: night"\nvariables:\n  crm_base: https://qa.example.com\n',
      ),
    );
  });
});
