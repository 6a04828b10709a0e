/**
 * Jest's test order with the slowest files first. Jest runs first the files it timed before as slowest, but
 * a clean clone (CI) has no timings, and then it goes by file size, which puts the small, long fault sweeps
 * last: one worker then runs them alone at the end while the other core idles. These files start first,
 * in this order (by each file's time in a full run's test-output/jest-results.json); every other file
 * follows in Jest's own order.
 */
const Sequencer = require('@jest/test-sequencer').default;

const SLOWEST_FIRST = [
  'tests/security/fault-sweeps/weekly-summary.test.ts',
  'tests/integration/automation.test.ts',
  'tests/integration/playground-seed.test.ts',
  'tests/security/fault-sweeps/hourly-run.test.ts',
  'tests/integration/weekly-summary.test.ts',
  'tests/integration/audit-log.test.ts',
  'tests/browser/playground-queue.test.ts',
  'tests/integration/queue-cost.test.ts',
  'tests/browser/weekly-summary-pages.test.ts',
  'tests/security/fault-sweeps/archive.test.ts',
  'tests/security/fault-sweeps/submit.test.ts',
  'tests/browser/playground.test.ts',
  'tests/integration/intake-duplicates.test.ts',
  'tests/integration/sla-lifecycle.test.ts',
  'tests/integration/owner-settings.test.ts',
  'tests/integration/sealed-record-moves.test.ts',
  'tests/integration/playground-start.test.ts',
  'tests/integration/archive-cost.test.ts',
  'tests/integration/setup-rerun.test.ts',
  'tests/integration/validate-resume.test.ts',
  'tests/security/hostile-editor.test.ts',
  'tests/integration/case-view.test.ts',
];

class SlowestFirst extends Sequencer {
  sort(tests) {
    const rank = (test) => {
      const at = SLOWEST_FIRST.findIndex((file) => test.path.replaceAll('\\', '/').endsWith(file));
      return at < 0 ? SLOWEST_FIRST.length : at;
    };
    // Array sort is stable: unlisted files keep Jest's order (failed first, then slowest timed, then largest).
    return [...super.sort(tests)].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = SlowestFirst;
