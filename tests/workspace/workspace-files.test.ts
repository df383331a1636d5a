import assert from 'node:assert/strict';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  findWorkspaceRoot,
  listEnvironmentFiles,
  listWorkspaceFlows,
  resolveEnvironmentArgument,
  WorkspaceError,
} from '../../src/main/workspace/workspace-files.ts';
import type { TempFolder } from './fixtures.ts';
import { makeTempFolder } from './fixtures.ts';

let folder: TempFolder;
before(async () => {
  folder = await makeTempFolder();
});
after(async () => {
  await folder.remove();
});

const FLOW = '{ "id": "f", "start": "a", "nodes": {} }\n';

describe('findWorkspaceRoot', () => {
  test('--workspace wins, relative to the working directory', () => {
    assert.equal(
      findWorkspaceRoot({ workspace: 'ws', flowPath: '/elsewhere/f.json', cwd: '/home/me' }),
      '/home/me/ws',
    );
  });

  test('else the nearest folder at or above the flow with an environments/ folder', async () => {
    await folder.write('repo/environments/staging.yaml', 'name: S\n');
    await folder.write('repo/ivr/flows/main.json', FLOW);
    await folder.write('repo/ivr/flows/sub/environments/dev.yaml', 'name: D\n');
    const root = join(folder.root, 'repo');
    assert.equal(
      findWorkspaceRoot({ flowPath: 'repo/ivr/flows/main.json', cwd: folder.root }),
      root,
    );
    assert.equal(
      findWorkspaceRoot({ flowPath: join(root, 'ivr/flows/sub/x.json'), cwd: '/' }),
      join(root, 'ivr/flows/sub'),
      'the nearest one, not the outermost',
    );
  });

  test('else the working directory', async () => {
    await folder.write('plain/flow.json', FLOW);
    // A file named environments is not the folder the rule asks for.
    await folder.write('plain/environments', 'not a folder');
    const cwd = join(folder.root, 'cwd');
    assert.equal(findWorkspaceRoot({ flowPath: join(folder.root, 'plain/flow.json'), cwd }), cwd);
    assert.equal(findWorkspaceRoot({ cwd }), cwd);
  });
});

describe('environment files of a workspace', () => {
  test('environments/*.yaml|yml|json, sorted; other files and folders left out', async () => {
    await folder.write('ws/environments/staging.yaml', 'name: Staging\n');
    await folder.write('ws/environments/dev.yml', 'name: Dev\n');
    await folder.write('ws/environments/prod.json', '{ "name": "Prod" }\n');
    await folder.write('ws/environments/notes.md', '# notes\n');
    await folder.write('ws/environments/.hidden.yaml', 'name: H\n');
    await folder.write('ws/environments/old.yaml/x', '');
    const envs = join(folder.root, 'ws/environments');
    assert.deepEqual(await listEnvironmentFiles(join(folder.root, 'ws')), [
      join(envs, 'dev.yml'),
      join(envs, 'prod.json'),
      join(envs, 'staging.yaml'),
    ]);
    assert.deepEqual(await listEnvironmentFiles(join(folder.root, 'no-such')), []);
  });

  test('--env NAME is looked up in the workspace; --env FILE is read as a file', async () => {
    const root = join(folder.root, 'ws');
    const byName = await resolveEnvironmentArgument('staging', root, '/');
    assert.equal(byName.name, 'Staging');
    assert.equal(byName.file, join(root, 'environments/staging.yaml'));
    const byPath = await resolveEnvironmentArgument('environments/prod.json', root, root);
    assert.equal(byPath.name, 'Prod');
    await folder.write('elsewhere/local', 'name: Local\n');
    // An existing file is a file even without a slash or an extension (loaded, and refused for
    // its extension, rather than looked up as a name).
    const existing = await resolveEnvironmentArgument(
      'local',
      root,
      join(folder.root, 'elsewhere'),
    );
    assert.equal(existing.id, 'local');
    assert.deepEqual(
      existing.problems.map((p) => p.message),
      ['an environment file ends in .yaml, .yml or .json'],
    );
  });

  test('an unknown name lists the names there are; a missing file is named', async () => {
    const root = join(folder.root, 'ws');
    await assert.rejects(
      resolveEnvironmentArgument('stagign', root, '/'),
      new WorkspaceError(
        `no environment "stagign" in ${join(root, 'environments')}; there are: dev, prod, staging`,
      ),
    );
    await assert.rejects(
      resolveEnvironmentArgument('x', join(folder.root, 'empty'), '/'),
      new WorkspaceError(
        `no environment "x": ${join(folder.root, 'empty/environments')} has no environment files`,
      ),
    );
    await assert.rejects(
      resolveEnvironmentArgument('./gone.yaml', root, root),
      new WorkspaceError(`no environment file ${join(root, 'gone.yaml')}`),
    );
  });

  test('two files with the same base name are refused by name', async () => {
    await folder.write('twins/environments/qa.yaml', 'name: QA\n');
    await folder.write('twins/environments/qa.json', '{ "name": "QA" }\n');
    await assert.rejects(
      resolveEnvironmentArgument('qa', join(folder.root, 'twins'), '/'),
      new WorkspaceError(
        '"qa" is defined by 2 files (qa.json, qa.yaml); keep one, or pass the file itself',
      ),
    );
  });
});

describe('listWorkspaceFlows', () => {
  test('every *.json with "nodes", sorted; non-flows, node_modules and dot folders skipped', async () => {
    await folder.write('flows-ws/flows/b.json', FLOW);
    await folder.write('flows-ws/flows/a.json', FLOW);
    await folder.write('flows-ws/top.json', FLOW);
    await folder.write('flows-ws/package.json', '{ "name": "crm" }\n');
    await folder.write('flows-ws/list.json', '[{ "nodes": 1 }]\n');
    await folder.write('flows-ws/broken.json', '{ "nodes": ');
    await folder.write('flows-ws/flow.yaml', 'nodes: {}\n');
    await folder.write('flows-ws/node_modules/pkg/flow.json', FLOW);
    await folder.write('flows-ws/.git/x.json', FLOW);
    await folder.write('flows-ws/.cache/x.json', FLOW);
    await folder.write('flows-ws/environments/prod.json', '{ "name": "Prod" }\n');
    const root = join(folder.root, 'flows-ws');
    assert.deepEqual(await listWorkspaceFlows(root), [
      { path: join(root, 'flows/a.json'), relative: join('flows', 'a.json') },
      { path: join(root, 'flows/b.json'), relative: join('flows', 'b.json') },
      { path: join(root, 'top.json'), relative: 'top.json' },
    ]);
  });

  test('deep trees stop at 8 levels; symlinked folders are not followed', async () => {
    const levels = (n: number): string =>
      Array.from({ length: n }, (_, i) => `d${i + 1}`).join('/');
    await folder.write(`deep-ws/${levels(8)}/ok.json`, FLOW);
    await folder.write(`deep-ws/${levels(9)}/too-deep.json`, FLOW);
    const root = join(folder.root, 'deep-ws');
    await symlink(root, join(root, 'loop'), 'dir');
    const found = await listWorkspaceFlows(root);
    assert.deepEqual(
      found.map((f) => f.relative),
      [join(levels(8), 'ok.json')],
    );
  });

  test('files over 5 MiB are skipped unread; the walk stops after 2,000 files', async () => {
    await folder.write(
      'big-ws/big.json',
      `{ "nodes": {}, "pad": "${'x'.repeat(5 * 1024 * 1024)}" }`,
    );
    for (let i = 0; i < 2000; i++)
      await folder.write(`big-ws/a/f${String(i).padStart(4, '0')}.txt`, '');
    await folder.write('big-ws/b/late.json', FLOW);
    await folder.write('big-ws/early.json', FLOW);
    const found = await listWorkspaceFlows(join(folder.root, 'big-ws'));
    assert.deepEqual(
      found.map((f) => f.relative),
      ['early.json'],
    );
  });

  test('a workspace that is not a folder is a clear error', async () => {
    await assert.rejects(
      listWorkspaceFlows(join(folder.root, 'nowhere')),
      (error: unknown) =>
        error instanceof WorkspaceError && error.message.startsWith('cannot open the workspace'),
    );
  });
});
