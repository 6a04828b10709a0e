/**
 * Every place Casebook grows a tab (new case rows, Audit log rows, Reports, Lists, the Dashboard, import,
 * setup) goes through the 10 million cell check before it writes (issue 19). The source is scanned for
 * calls that add rows, columns or tabs; each must be listed here with the check that guards it, and the
 * check must be in the named file. A new growth call fails this test until it is guarded and listed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const GROWTH =
  /\.(insertRowsAfter|insertRowsBefore|insertRowAfter|insertRowBefore|insertColumnsAfter|insertColumnsBefore|insertColumnAfter|insertColumnBefore|insertSheet|appendRow|duplicateActiveSheet|copyTo)\(|\b(addSheet|appendDimension|insertDimension|duplicateSheet)\b/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** "file: call" for every growth call in src/, comments left out. */
function growthSites(): string[] {
  const sites: string[] = [];
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const relative = path.relative(root, file).split(path.sep).join('/');
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const code = line.trim();
      if (code.startsWith('*') || code.startsWith('/*') || code.startsWith('//')) continue;
      for (const match of code.matchAll(GROWTH)) sites.push(`${relative}: ${match[1] ?? match[2]}`);
    }
  }
  return sites.sort();
}

/** Each growth call, what it grows, and the check before it (file and text that must be there). */
const GUARDED: { site: string; grows: string; guard: [file: string, text: string] }[] = [
  {
    site: 'src/adapters/archive-book.ts: insertColumnsAfter',
    grows: "a new archive spreadsheet's Cases columns",
    guard: ['src/adapters/archive-book.ts', 'assertRoomForCells(book, adding * first.getMaxRows()'],
  },
  {
    site: 'src/adapters/archive-live.ts: insertRowsAfter',
    grows: 'the Cases spare rows the archive deleted, put back (never past the cells freed)',
    guard: [
      'src/adapters/archive-live.ts',
      'assertRoomForCells(sheet.getParent(), count * sheet.getMaxColumns()',
    ],
  },
  {
    site: 'src/adapters/cell-budget.ts: insertRowsAfter',
    grows: 'Audit log, Reports, Lists synonyms and Dashboard rows (growRows)',
    guard: [
      'src/adapters/cell-budget.ts',
      'assertRoomForCells(sheet.getParent(), count * sheet.getMaxColumns(), what);',
    ],
  },
  {
    site: 'src/adapters/cell-budget.ts: insertSheet',
    grows: 'the Dashboard and a Reports tab made outside setup (insertTab)',
    guard: ['src/adapters/cell-budget.ts', 'assertRoomForCells(ss, NEW_TAB_CELLS, what);'],
  },
  {
    site: 'src/adapters/disputes-tab.ts: insertColumnsAfter',
    grows: 'the Case ID and Request ID columns an older Disputes tab lacks',
    guard: [
      'src/adapters/disputes-tab.ts',
      "assertRoomForCells(sheet.getParent(), wanted * sheet.getMaxRows(), 'dispute columns');",
    ],
  },
  {
    site: 'src/adapters/cases-tab.ts: insertRowsAfter',
    grows: 'case rows (submit, import, queue writes)',
    guard: ['src/adapters/cases-tab.ts', 'assertRoomForCells(ss, added * columns'],
  },
  {
    site: 'src/adapters/safe-write.ts: appendRow',
    // Submit (intake.ts) asks roomForOneCase for the cell below the last row; rows are added, checked, only
    // when there is none.
    grows: 'the one new case row of a submit',
    guard: ['src/adapters/cases-tab.ts', 'const grown = ensureRoomForCases(table, 1);'],
  },
  {
    site: 'src/adapters/legacy-import.ts: insertRowsAfter',
    grows: 'imported case rows',
    guard: ['src/server/legacy-import.ts', 'importGrowthCells(ss, table, checked.tab, importPlan)'],
  },
  {
    site: 'src/adapters/legacy-import.ts: insertSheet',
    grows: "the import's report tab",
    guard: ['src/adapters/legacy-import.ts', ': Math.max(1_000, reportRows) * 26'],
  },
  {
    site: 'src/adapters/tracker-setup.ts: insertSheet',
    grows: "setup's missing tabs",
    guard: [
      'src/server/setup.ts',
      "assertRoomForCells(ss, missingTabs * NEW_TAB_CELLS, 'setting up the missing tabs')",
    ],
  },
  {
    site: 'src/adapters/tracker-tab-check.ts: insertColumnsAfter',
    grows: "setup's added columns",
    guard: [
      'src/adapters/tracker-tab-check.ts',
      'assertRoomForCells(sheet.getParent(), count * tab.rows, what);',
    ],
  },
  {
    site: 'src/adapters/tracker-tab-check.ts: insertRowsAfter',
    grows: "setup's Lists and Settings rows",
    guard: [
      'src/adapters/tracker-tab-check.ts',
      'assertRoomForCells(sheet.getParent(), (rows - tab.rows) * tab.columns, what);',
    ],
  },
];

test('every call that grows a tab is listed with the cell check that guards it', () => {
  const listed = GUARDED.map((g) => g.site);
  // A site may appear more than once in a file (legacy import inserts rows in two places).
  expect([...new Set(growthSites())]).toEqual([...new Set(listed)].sort());
});

test.each(GUARDED)('$site ($grows) is checked first', ({ guard: [file, text] }) => {
  expect(readFileSync(path.join(root, file), 'utf8')).toContain(text);
});

test('the tabs that grow through growRows or insertTab call no raw insert of their own', () => {
  for (const file of [
    'audit-log.ts',
    'reports-tab.ts',
    'lists-synonyms.ts',
    'dashboard-tab.ts',
    'complaints-tab.ts',
    'disputes-tab.ts',
  ]) {
    const source = readFileSync(path.join(root, 'src/adapters', file), 'utf8');
    expect(source).toMatch(/growRows\(|insertTab\(/);
    expect(source).not.toMatch(/\.insertRowsAfter\(|\.insertSheet\(/);
  }
});
