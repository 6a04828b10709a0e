/**
 * Jest's globalSetup: a temporary folder for this run (CASEBOOK_JEST_RUN_DIR, inherited by the workers),
 * where a file can leave a deterministic fixture that is slow to build for the run's other files
 * (tests/support/demo-library.ts). It lives only as long as the run, so nothing built by older code is
 * ever reused; jest-run-folder-teardown.js removes it.
 */
const { mkdtempSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async () => {
  process.env.CASEBOOK_JEST_RUN_DIR = mkdtempSync(path.join(os.tmpdir(), 'casebook-jest-run-'));
};
