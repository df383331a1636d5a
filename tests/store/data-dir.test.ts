/**
 * The default database location matches Electron's userData for "IVR Test Console".
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { defaultDataDir, defaultDatabasePath } from '../../src/main/store/data-dir.ts';

test('IVR_CONSOLE_DATA_DIR wins everywhere', () => {
  for (const platform of ['linux', 'darwin', 'win32'] as const) {
    const env = { IVR_CONSOLE_DATA_DIR: '/data/ivr', APPDATA: 'C:\\x', XDG_CONFIG_HOME: '/x' };
    assert.equal(defaultDataDir(env, platform, '/home/ann'), '/data/ivr');
  }
  assert.equal(
    defaultDatabasePath({ IVR_CONSOLE_DATA_DIR: '/data/ivr' }, 'linux', '/h'),
    '/data/ivr/sessions.db',
  );
});

test('Linux: $XDG_CONFIG_HOME, else ~/.config', () => {
  assert.equal(defaultDataDir({}, 'linux', '/home/ann'), '/home/ann/.config/IVR Test Console');
  assert.equal(
    defaultDataDir({ XDG_CONFIG_HOME: '/home/ann/cfg' }, 'linux', '/home/ann'),
    '/home/ann/cfg/IVR Test Console',
  );
  assert.equal(
    defaultDataDir({ XDG_CONFIG_HOME: '' }, 'linux', '/home/ann'),
    '/home/ann/.config/IVR Test Console',
  );
  assert.equal(
    defaultDatabasePath({}, 'linux', '/home/ann'),
    '/home/ann/.config/IVR Test Console/sessions.db',
  );
});

test('macOS: ~/Library/Application Support', () => {
  assert.equal(
    defaultDataDir({ XDG_CONFIG_HOME: '/ignored' }, 'darwin', '/Users/ann'),
    '/Users/ann/Library/Application Support/IVR Test Console',
  );
});

test('Windows: %APPDATA%, else the roaming AppData folder', () => {
  assert.equal(
    defaultDataDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann'),
    'C:\\Users\\ann\\AppData\\Roaming\\IVR Test Console',
  );
  assert.equal(
    defaultDataDir({}, 'win32', 'C:\\Users\\ann'),
    'C:\\Users\\ann\\AppData\\Roaming\\IVR Test Console',
  );
  assert.equal(
    defaultDatabasePath({ APPDATA: 'D:\\roam' }, 'win32', 'C:\\Users\\ann'),
    'D:\\roam\\IVR Test Console\\sessions.db',
  );
});

test('the defaults read the real environment', () => {
  assert.equal(defaultDataDir(), defaultDataDir(process.env, process.platform));
  assert.ok(defaultDatabasePath().endsWith('sessions.db'));
});
