/**
 * electron-vite's `?modulePath` imports (see `load-flow-file.ts`): bundled, the path of the
 * emitted chunk. Declared here rather than by `electron-vite/node`, whose other declarations
 * (a read-only `process.env.ELECTRON_RENDERER_URL`) would change the types of the whole project.
 */
declare module '*?modulePath' {
  const path: string;
  export default path;
}
