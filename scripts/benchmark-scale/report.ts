/**
 * docs/benchmarks/scale.md from the scale benchmark's results: one table per library size (every
 * operation and the tutorial's per-row submit and validate), then issue 19's targets beside what was
 * measured, PASS or MISS, with the figure each is judged on said plainly.
 */
import type { Cost } from './measure';
import { NAIVE_OPERATIONS, OPERATIONS, type Operation } from './operations';
import { NAIVE_MEASURED_UP_TO, NEAR_LIMIT_CASES, type SizeResult } from './run';

export const CELL_LIMIT = 10_000_000;
/** Long jobs stop before 4.5 minutes and resume (issue 19, point 2). */
const RESUME_WITHIN_MS = 4.5 * 60_000;
const SIDEBAR_ACTIONS: readonly Operation[] = [
  'Submit',
  'Duplicate check',
  'Case view',
  'Save',
  'Work note',
  'Claim next',
];
const JOBS: readonly Operation[] = [
  'Set up tracker re-run',
  'Validate library',
  'Hourly SLA sweep',
  'Weekly summary',
];

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : 'n/a');
const seconds = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(ms < 10_000 ? 2 : 1) : 'n/a');
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function costRow(name: string, c: Cost): string {
  return `| ${name} | ${int(c.calls)} | ${int(c.cellsRead)} | ${int(c.cellsWritten)} | ${seconds(c.modelledMs)} | ${seconds(c.nodeCpuMs)} | ${seconds(c.modelledWithCpuMs)} | ${seconds(c.wallMs)} | ${int(c.heapMb)} | ${c.lockHeldMs > 0 ? seconds(c.lockHeldMs) : '-'} | ${cell(c.outcome)} |`;
}

function sizeTable(r: SizeResult): string {
  const rows = [
    ...OPERATIONS.map((op) => costRow(op, r.operations[op])),
    ...NAIVE_OPERATIONS.map((op) =>
      costRow(r.naive[op].extrapolated ? `${op} (extrapolated)` : op, r.naive[op]),
    ),
  ];
  return `### ${int(r.cases)} cases

Library made in ${seconds(r.seedWallMs)} s here; the spreadsheet then used ${int(r.seededCellsInUse)} cells (${((100 * r.seededCellsInUse) / CELL_LIMIT).toFixed(1)}% of the limit).

| Operation | Service calls | Cells read | Cells written | Modelled s | Node CPU s | Modelled + CPU s | Node wall s | Heap MB | Document lock held s | Outcome |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${rows.join('\n')}
`;
}

const failed = (c: Cost) => c.outcome.startsWith('FAILED');

interface Verdict {
  target: string;
  measured: string;
  pass: boolean;
}

/** A long job passes when it finishes within `limitMs`, or stops with a saved cursor within 4.5 minutes. */
function jobVerdict(name: string, c: Cost, limitMs: number, limitText: string): Verdict {
  const resumed = /saved cursor/.test(c.outcome);
  return {
    target: `${name}: finishes in <= ${limitText} or resumes`,
    measured: `${seconds(c.modelledWithCpuMs)} s, ${failed(c) ? 'failed' : resumed ? 'stopped with a saved cursor' : 'one run'}`,
    pass:
      !failed(c) && (c.modelledWithCpuMs <= limitMs || (resumed && c.modelledWithCpuMs <= RESUME_WITHIN_MS)),
  };
}

function verdictsAt100k(r: SizeResult): Verdict[] {
  const op = r.operations;
  const within = (name: Operation, limitS: number): Verdict => ({
    target: `${name} <= ${limitS} s`,
    measured: `${seconds(op[name].modelledWithCpuMs)} s${failed(op[name]) ? ', failed' : ''}`,
    pass: !failed(op[name]) && op[name].modelledWithCpuMs <= limitS * 1000,
  });
  const longestLock = SIDEBAR_ACTIONS.reduce((a, b) => (op[b].lockHeldMs > op[a].lockHeldMs ? b : a));
  return [
    within('Submit', 2),
    within('Duplicate check', 2),
    within('Case view', 2),
    within('Save', 2),
    within('Status edit', 3),
    {
      target: 'Document lock held <= 2 s by any sidebar action',
      measured: `${seconds(op[longestLock].lockHeldMs)} s (${longestLock})`,
      pass: op[longestLock].lockHeldMs <= 2000,
    },
    jobVerdict('Validate library', op['Validate library'], 60_000, '60 s'),
    jobVerdict('Hourly SLA sweep', op['Hourly SLA sweep'], 60_000, '60 s'),
    within('Weekly summary', 45),
    within('Set up tracker re-run', 10),
  ];
}

function verdictsAt200k(r: SizeResult): Verdict[] {
  const jobs = JOBS.map((name) => jobVerdict(name, r.operations[name], 5 * 60_000, '5 minutes'));
  const peak = Math.max(r.seededCellsInUse, ...OPERATIONS.map((name) => r.operations[name].cellsInUse));
  const refused = OPERATIONS.filter(
    (name) => /cell/i.test(r.operations[name].outcome) && failed(r.operations[name]),
  );
  return [
    ...jobs,
    {
      target: 'The cell limit is never crossed (10,000,000 cells)',
      measured: `${int(peak)} cells at most${refused.length ? `; failed at the limit: ${refused.join(', ')}` : ''}`,
      pass: peak <= CELL_LIMIT && refused.length === 0,
    },
  ];
}

function verdictTable(title: string, verdicts: Verdict[]): string {
  return `### ${title}

| Target | Measured (modelled + CPU) | Result |
| --- | --- | --- |
${verdicts.map((v) => `| ${v.target} | ${v.measured} | ${v.pass ? 'PASS' : 'MISS'} |`).join('\n')}
`;
}

export interface ReportContext {
  date: string;
  machine: string;
  /** Said when the run did not cover every size the issue asks for. */
  note: string;
}

export function scaleReport(results: readonly SizeResult[], context: ReportContext): string {
  const at = (cases: number) => results.find((r) => r.cases === cases);
  const r100 = at(100_000);
  const nearLimit = [...results].reverse().find((r) => r.cases >= NEAR_LIMIT_CASES);
  const targets = [
    r100
      ? verdictTable('At 100,000 cases', verdictsAt100k(r100))
      : '### At 100,000 cases\n\nNot measured in this run.\n',
    nearLimit
      ? verdictTable(`At ${int(nearLimit.cases)} cases, near the cell limit`, verdictsAt200k(nearLimit))
      : `### Near the cell limit (${int(NEAR_LIMIT_CASES)} cases)\n\nNot measured in this run.\n`,
  ];
  const cpuSource =
    '"Modelled + CPU" adds the bundle\'s own script CPU as the latency model prices it (Node CPU of Casebook\'s code between service calls, times the V8 factor in emulator/runtime/latency.ts)';
  return `# Scale benchmark

Measured by \`npm run benchmark:scale\` (scripts/benchmark-scale.ts) on ${context.date}, ${context.machine}.
${context.note}

Each size is a fresh tracker (tests/support/report-tracker.ts): set up, Settings typed (Berlin, a report
folder, two managers, a team), automation on, five cases logged through the New case form and the rest
realistic rows over nine weeks written in one batch and sealed by the owner's Set up tracker. Each
operation then runs once, in this order, through the built bundle (build/Code.js) in the emulator as the
integration tests drive it: Set up tracker again on the unchanged tracker, Submit (New case form), the
duplicate check, the case view and a save of the new case (case sidebar), typing a new Status into its
cell (the edit triggers), a work note, Claim next on the Breached queue, Validate library from the menu,
the hourly run (SLA sweep and whatever else is due), and Generate weekly summary from the menu.

The realistic rows are the heaviest case for the two long jobs: they leave out the LIVE date, enforcement
action, automated decision and summary, and use some values the default Lists tab lacks, so nearly every
row fails validation and Validate library marks almost every row; and their SLA columns were never
computed by Casebook, so the measured hourly run is the library's first, recomputing and auditing nearly
every open case (a catch-up run, not an ordinary hour).

The tutorial rows are plain Apps Script written the per-row way (scripts/benchmark-scale/naive-tutorial.js:
one getValue per cell read, one setValue or setNote per cell written; validate checks the always-required
fields of every row), loaded into the same workspace and run on the same tracker with the same ledger.
They are measured up to ${int(NAIVE_MEASURED_UP_TO)} cases; beyond that they are extrapolated along the line
through the two largest sizes measured (calls, cells and times only), as marked.

Columns: "Service calls" and "Cells" come from the emulator's ledger (cells written include notes and
formats; the ledger counts no cells for single-cell getters such as getValue, so the benchmark counts one
each). "Modelled s" is the latency model (emulator/runtime/latency.ts): an estimate of Apps Script time from
the calls made and cells moved. "Node CPU s" is this process's CPU time during the operation; ${cpuSource}.
"Node wall s" and "Heap MB" (heapUsed after the operation) are this machine running the emulator.
"Document lock held s" is the longest hold of the document lock, in modelled time from the call that took
it to its release (emulator/runtime/lock-holds.ts); "-" when the operation did not take it.
A job "resumes" when it stopped leaving a cursor in its properties (a property whose name says cursor or
resume) within 4.5 minutes; targets are judged on "Modelled + CPU".

The issue asks for 200,000 cases "near the cell limit", but 200,000 rows of the Cases tab's 51 columns are
10.2 million cells on their own, past Google's 10 million cell limit
(https://support.google.com/drive/answer/37603) before any other tab: the emulator refuses to grow the tab.
The last size is therefore ${int(NEAR_LIMIT_CASES)} cases (the size at which the issue saw the sweep break
the limit), and the 200,000-case targets are judged there.

## Targets (issue 19)

${targets.join('\n')}
## Measurements

${results.map(sizeTable).join('\n')}`;
}
