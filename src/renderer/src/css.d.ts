/**
 * Vite bundles imported CSS; the import itself yields nothing the code uses. (A script file: an
 * ambient wildcard module cannot be declared inside a module.)
 */
declare module '*.css';
