// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import local from './eslint-rules/layering.ts';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // The layers of src/ (../shared/spec/CODEBASE.md, "Layers stated as a rule"). The folder a
    // message names is the importing file's layer: a folder right under src/main, else under src.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { local },
    rules: {
      'local/layering': [
        'error',
        {
          layerRoots: ['src', 'src/main'],
          rules: [
            {
              from: ['src'],
              except: ['src/main/app', 'src/preload'],
              deny: ['electron'],
              because:
                'only src/main/app and src/preload run inside Electron: the CLI and browser mode run the rest under plain Node, the page runs in a browser',
            },
            {
              from: ['src/main/engine', 'src/main/webhook', 'src/main/store'],
              deny: ['src/main/services', 'src/main/cli', 'src/main/app', 'src/main/web'],
              because:
                'the engine, webhook client and store serve the app, browser mode and the CLI alike',
            },
            {
              from: ['src/main/call-tests', 'src/main/services'],
              deny: ['src/main/cli'],
              because:
                'the app never depends on the CLI; the CLI maps library errors to usage errors',
            },
            {
              from: ['src/renderer'],
              deny: ['src/main'],
              because:
                'the page reaches the main process only through the preload bridge, with the types in src/shared',
            },
            {
              from: ['src/shared'],
              deny: ['src/main', 'src/renderer'],
              because: 'src/shared is loaded by both sides of the bridge and knows neither',
            },
          ],
        },
      ],
    },
  },
  {
    // In tests an assertion that fails is the point: `x!` after an assert reads better than guards.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
