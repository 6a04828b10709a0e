/** Casebook's version: injected by the build from package.json; 'dev' when the source runs unbuilt (unit tests). */
declare const __CASEBOOK_VERSION__: string | undefined;

export const CASEBOOK_VERSION: string =
  typeof __CASEBOOK_VERSION__ === 'string' ? __CASEBOOK_VERSION__ : 'dev';
