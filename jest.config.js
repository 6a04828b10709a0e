// Jest runs four layers as projects; @swc/jest strips types (tsc --noEmit is the type gate).
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs', lazy: true } },
  ],
};
const layer = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  transform,
  testMatch: [`<rootDir>/tests/${name}/**/*.test.ts`],
  ...extra,
});

/** @type {import('jest').Config} */
module.exports = {
  // The slowest files start first, so the last minutes are not one long file running alone.
  testSequencer: '<rootDir>/tests/support/slow-first-sequencer.js',
  // A temporary folder for the run, where slow deterministic fixtures are shared between files.
  globalSetup: '<rootDir>/tests/support/jest-run-folder-setup.js',
  globalTeardown: '<rootDir>/tests/support/jest-run-folder-teardown.js',
  // A worker that kept a large library's garbage from an earlier file can spend most of the next file
  // collecting it (one file took 800 s after a 50,000-case test ran in its worker): a worker above this
  // much memory after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '1GB',
  projects: [
    layer('unit'),
    layer('emulator'),
    layer('integration'),
    layer('security'),
    layer('browser', { slowTestThreshold: 20 }),
  ],
};
