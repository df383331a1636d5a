import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { APP_EXPORTER } from '../../src/main/export/exporter.ts';
import { sessionToHar } from '../../src/main/export/session-har.ts';
import type { SessionJsonDocument } from '../../src/main/export/session-json.ts';
import { tempDir } from '../helpers/cli-process.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import type { ExportFixtures } from './export-fixtures.ts';
import { createExportFixtures, readSession } from './export-fixtures.ts';

let fixtures: ExportFixtures;

function exportCli(...args: string[]): ReturnType<typeof runCliInProcess> {
  return runCliInProcess(['sessions', 'export', ...args, '--db', fixtures.db]);
}

before(async () => {
  fixtures = await createExportFixtures();
});

describe('ivr-console sessions export', () => {
  test('--format json: the session as sessions show --json has it, under a versioned header', async () => {
    const id = fixtures.ids.balance;
    const run = await exportCli(id, '--format', 'json');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const doc = JSON.parse(run.stdout) as SessionJsonDocument;
    assert.deepEqual(doc.format, { name: 'ivr-test-console/session', version: 1 });
    assert.deepEqual(doc.exportedBy, { name: 'IVR Test Console', version: APP_EXPORTER.version });
    const show = await runCliInProcess(['sessions', 'show', id, '--db', fixtures.db, '--json']);
    assert.equal(show.code, 0, show.stderr);
    const shown = JSON.parse(show.stdout);
    assert.deepEqual(doc.session.events, shown.events);
    assert.deepEqual(doc.session, shown);
    assert.equal(run.stdout, JSON.stringify(doc, null, 2) + '\n', 'pretty-printed');
    const again = await exportCli(id, '--format', 'json');
    assert.equal(again.stdout, run.stdout, 'stable: the same bytes every time');
  });

  test('--format har on stdout is the exporter output for the stored session', async () => {
    const id = fixtures.ids.meter;
    const run = await exportCli(id, '--format', 'har');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, sessionToHar(readSession(fixtures.db, id), APP_EXPORTER));
  });

  test('a unique prefix of 4+ characters works as in sessions show', async () => {
    const id = fixtures.ids.meter;
    const full = await exportCli(id, '--format', 'har');
    const prefixed = await exportCli(id.slice(0, 8), '--format', 'har');
    assert.equal(prefixed.code, 0, prefixed.stderr);
    assert.equal(prefixed.stdout, full.stdout);
  });

  test('--output writes the file atomically and prints its path to stderr', async () => {
    const dir = tempDir('ivr-export-out-');
    const file = join(dir, 'call.har');
    const run = await exportCli(fixtures.ids.secret, '--format', 'har', '--output', file);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '', 'stdout stays empty');
    assert.ok(run.stderr.includes(file), run.stderr);
    const stdout = await exportCli(fixtures.ids.secret, '--format', 'har');
    assert.equal(readFileSync(file, 'utf8'), stdout.stdout);
    assert.deepEqual(readdirSync(dir), ['call.har'], 'no temporary file left behind');
    // Overwriting an existing export replaces it whole.
    const json = await exportCli(fixtures.ids.secret, '--format', 'json', '--output', file);
    assert.equal(json.code, 0, json.stderr);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).session.id, fixtures.ids.secret);
    assert.deepEqual(readdirSync(dir), ['call.har']);
  });

  test('a file that cannot be written: exit 1 naming it, nothing left behind', async () => {
    const dir = tempDir('ivr-export-out-');
    const file = join(dir, 'missing-folder', 'call.json');
    const run = await exportCli(fixtures.ids.balance, '--format', 'json', '--output', file);
    assert.equal(run.code, 1);
    assert.ok(run.stderr.includes(`cannot write ${file}`), run.stderr);
    assert.deepEqual(readdirSync(dir), []);
  });

  test('an unknown session: exit 1 naming the id and the database', async () => {
    const run = await exportCli('00000000-0000-0000-0000-000000000000', '--format', 'json');
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /no session "00000000-0000-0000-0000-000000000000" in /);
    assert.ok(run.stderr.includes(fixtures.db), run.stderr);
    const missingDb = join(tempDir(), 'none.db');
    const none = await runCliInProcess([
      'sessions',
      'export',
      'abcd',
      '--format',
      'har',
      '--db',
      missingDb,
    ]);
    assert.equal(none.code, 1);
    assert.ok(none.stderr.includes(missingDb), none.stderr);
    assert.equal(existsSync(missingDb), false, 'no empty database is created');
  });

  test('usage errors: exit 2 with the reason', async () => {
    const id = fixtures.ids.balance;
    const cases: [string[], RegExp][] = [
      [[id], /--format is required \(json, har or mock\)/],
      [[id, '--format', 'xml'], /unknown --format "xml" \(json, har or mock\)/],
      [['--format', 'json'], /name one session id/],
      [[id, id, '--format', 'json'], /name one session id/],
      [[id, '--format', 'json', '--pretty'], /sessions export: Unknown option '--pretty'/],
      // --db follows, so the value is missing.
      [[id, '--format'], /sessions export: Option '--format' argument is ambiguous/],
    ];
    for (const [args, message] of cases) {
      const run = await exportCli(...args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    }
  });

  test('the help lists the command', async () => {
    const run = await runCliInProcess(['--help']);
    assert.match(run.stdout, /sessions show <id>.*\n {2}sessions export <id> +--format json\|har/);
  });
});
