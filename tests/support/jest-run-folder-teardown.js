/** Jest's globalTeardown: removes the run's temporary folder (see jest-run-folder-setup.js). */
const { rmSync } = require('node:fs');

module.exports = async () => {
  const folder = process.env.CASEBOOK_JEST_RUN_DIR;
  if (folder) rmSync(folder, { recursive: true, force: true });
};
