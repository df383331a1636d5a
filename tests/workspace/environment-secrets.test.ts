import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  missingSecretMessage,
  missingSecrets,
} from '../../src/main/workspace/environment-secrets.ts';
import type { ResolvedEnvironment } from '../../src/main/workspace/environment-types.ts';

const staging: ResolvedEnvironment = {
  id: 'staging',
  name: 'Staging CRM',
  file: '/ws/environments/staging.yaml',
  variables: {},
  secrets: ['crm_token', 'api_key'],
  headers: {},
  tls: {
    ca: [],
    caFiles: [],
    cert: null,
    certFile: null,
    key: null,
    keyFile: null,
    insecure: false,
  },
  proxy: null,
  limits: {},
  demoCrm: false,
};

describe('secrets an environment needs', () => {
  test('declared secrets without a value (empty counts as none), in declaration order', () => {
    assert.deepEqual(missingSecrets(staging, {}), ['crm_token', 'api_key']);
    assert.deepEqual(missingSecrets(staging, { api_key: 'k', crm_token: '' }), ['crm_token']);
    assert.deepEqual(missingSecrets(staging, { api_key: 'k', crm_token: 't', other: 'x' }), []);
    // Inherited properties are not values.
    assert.deepEqual(missingSecrets({ ...staging, secrets: ['constructor'] }, {}), ['constructor']);
  });

  test('the message names each secret and how to set it where the call starts', () => {
    assert.equal(
      missingSecretMessage(['crm_token'], staging, 'cli'),
      'environment "Staging CRM" needs a value for secret crm_token: pass --secret crm_token=…, or set IVR_SECRET_CRM_TOKEN',
    );
    assert.equal(
      missingSecretMessage(['crm_token', 'api_key'], staging, 'cli'),
      'environment "Staging CRM" needs values for secrets crm_token and api_key: pass --secret crm_token=… --secret api_key=…, or set IVR_SECRET_CRM_TOKEN and IVR_SECRET_API_KEY',
    );
    assert.equal(
      missingSecretMessage(['crm_token'], staging, 'app'),
      'environment "Staging CRM" needs a value for secret crm_token: enter it in Environments (stored encrypted on this machine)',
    );
    assert.equal(
      missingSecretMessage(['crm_token', 'api_key'], staging, 'browser'),
      'environment "Staging CRM" needs values for secrets crm_token and api_key: enter them in Environments (kept in memory until the console stops)',
    );
  });
});
