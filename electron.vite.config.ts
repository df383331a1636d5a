import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        // index: the Electron app; cli: the same engine as the packaged `ivr-console` bin.
        input: {
          index: resolve('src/main/app/main.ts'),
          cli: resolve('src/main/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload must be a single CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      // electron-vite leaves every output unminified; the page is parsed at each window start,
      // so its code ships minified. The manifest lets scripts/first-screen-size.ts follow what
      // the first screen loads.
      minify: true,
      manifest: true,
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
