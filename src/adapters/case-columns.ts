/**
 * Some columns of every case: the header row, then each run of adjacent wanted columns over all rows in
 * one read. For the jobs and lists that go through every case but need only some fields (the weekly
 * summary, the Dashboard), so cells read grow by the wanted columns per row, never by the tab's width.
 * And some columns of some rows (readFieldsAt), for the queues, which narrow the rows column by column.
 */

import type { RecordFields } from '../core/cases/case-record';
import { withWindowFields } from '../core/report/report-read-plan';
import type { FieldKey } from '../core/schema/case-schema';
import { columnLetter } from '../core/tracker/formats';
import { TABS } from '../core/tracker/layout';
import type { CaseRow } from '../core/validation/validate-case';
import { type CasesLayout, columnRuns, readCasesLayout } from './case-lookup';
import { keepForRun, keptForRun } from './run-memo';
import {
  apiAvailable,
  apiCallsFor,
  type CellBlock,
  isDateField,
  readRawBlocksByApi,
} from './sheet-values-api';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface CaseColumns {
  layout: CasesLayout;
  /** The rows with a Case ID or any other wanted field filled, holding only the wanted fields. */
  rows: CaseRow[];
  /** rowNumbers[i] is the sheet row of rows[i]. */
  rowNumbers: number[];
  /** The last row with content as read (1 when the tab holds only its header). */
  lastRow: number;
}

/**
 * The fields `keys` of rows 2 to the last row, one read per run of adjacent columns (a column between two
 * wanted ones costs as many cells as a row count, more than a call, so it is never read along). Rows
 * whose wanted cells are all blank are left out. `rangeList` names the runs' ranges in one getRangeList
 * (worth it from three runs on). Not through the Sheets API: every row's dates would be turned from
 * serial numbers in the script, CPU dearer than the calls it saves (measured at 100,000 rows).
 */
export function readColumns(
  ss: Spreadsheet,
  keys: readonly FieldKey[],
  options: { rangeList?: boolean } = {},
): CaseColumns {
  const layout = readCasesLayout(ss);
  const lastRow = layout.sheet.getLastRow();
  return { layout, ...readColumnsOf(layout, lastRow, keys, options), lastRow };
}

interface ReadRows {
  rows: CaseRow[];
  rowNumbers: number[];
}

/**
 * readColumns on a layout and last row already read: the rows with any of `keys` filled. With `into` (rows
 * read before, of rows 2 to lastRow), the fields go into those rows' own objects, and the rows either read
 * found filled are returned, as one read of both reads' fields would.
 */
function readColumnsOf(
  layout: Pick<CasesLayout, 'sheet' | 'columnOf'>,
  lastRow: number,
  keys: readonly FieldKey[],
  options: { rangeList?: boolean; into?: ReadRows },
): ReadRows {
  const rows: CaseRow[] = [];
  const rowNumbers: number[] = [];
  if (lastRow < 2 || keys.length === 0) return options.into ?? { rows, rowNumbers };
  const height = lastRow - 1;
  const keyAt = new Map(keys.map((key) => [layout.columnOf.get(key) as number, key]));
  const read: CaseRow[] = new Array(height);
  // Whether each row has any wanted cell filled, noted as the cells go in (no second pass over the rows).
  const filled = new Uint8Array(height);
  const earlier = options.into;
  if (earlier)
    for (let j = 0; j < earlier.rows.length; j++) {
      const i = (earlier.rowNumbers[j] as number) - 2;
      read[i] = earlier.rows[j] as CaseRow;
      filled[i] = 1;
    }
  for (let i = 0; i < height; i++) if (read[i] === undefined) read[i] = {};
  const runs = columnRuns([...keyAt.keys()], 1);
  // With options.rangeList, all the runs' ranges come from one getRangeList: two calls, not one getRange a
  // run (the weekly summary's 14 runs).
  const ranges = options.rangeList
    ? layout.sheet
        .getRangeList(runs.map((run) => `${columnLetter(run.first)}2:${columnLetter(run.last)}${lastRow}`))
        .getRanges()
    : null;
  runs.forEach((run, r) => {
    const range = ranges?.[r] ?? layout.sheet.getRange(2, run.first, height, run.last - run.first + 1);
    const lines = range.getValues();
    const runKeys: FieldKey[] = [];
    for (let column = run.first; column <= run.last; column++) runKeys.push(keyAt.get(column) as FieldKey);
    // Field by field down the rows (a library's 100,000 rows are millions of cells): one key per inner loop
    // keeps the store fast, where a different key on every cell made each one a slow dictionary lookup.
    for (let k = 0; k < runKeys.length; k++) {
      const key = runKeys[k] as FieldKey;
      for (let i = 0; i < height; i++) {
        const value = (lines[i] as unknown[])[k];
        (read[i] as CaseRow)[key] = value;
        if (value !== '' && value !== null && value !== undefined) filled[i] = 1;
      }
    }
  });
  for (let i = 0; i < height; i++) {
    if (filled[i] === 0) continue;
    rows.push(read[i] as CaseRow);
    rowNumbers.push(i + 2);
  }
  return { rows, rowNumbers };
}

/**
 * Cells worth one more call: a round trip of some 50 ms is the time of moving about 4,000 cells
 * (emulator/runtime/latency.ts, 0.0125 ms a cell). A read of its own is a getRange and its getValues, so
 * reading rows or columns in between is cheaper than one up to READ_WORTH_CELLS.
 */
const CALL_WORTH_CELLS = 4_000;
const READ_WORTH_CELLS = 2 * CALL_WORTH_CELLS;

/**
 * What one more range in a Values.batchGet costs: no round trip, only its share of the call's URL (some 30
 * of sheet-values-api.ts's URL_RANGES_BUDGET characters, so about 1/200 of a call): some 20 cells.
 */
const RANGE_WORTH_CELLS = 20;

/** Sorted rows in blocks: rows whose gap costs fewer cells (`width` a row) than a read go together. */
function costBlocks(rows: readonly number[], width: number, worth = READ_WORTH_CELLS): number[][] {
  const blocks: number[][] = [];
  for (const row of [...new Set(rows)].sort((a, b) => a - b)) {
    const block = blocks[blocks.length - 1];
    const gap = block ? row - (block[block.length - 1] as number) - 1 : Number.POSITIVE_INFINITY;
    if (block && gap * width <= worth) block.push(row);
    else blocks.push([row]);
  }
  return blocks;
}

/** Sorted columns in runs: columns between two wanted ones are read along when fewer cells than a read. */
function costRuns(
  columns: readonly number[],
  height: number,
  worth = READ_WORTH_CELLS,
): { first: number; last: number }[] {
  const runs: { first: number; last: number }[] = [];
  for (const column of [...new Set(columns)].sort((a, b) => a - b)) {
    const run = runs[runs.length - 1];
    if (run && (column - run.last - 1) * height <= worth) run.last = column;
    else runs.push({ first: column, last: column });
  }
  return runs;
}

/**
 * The fields `keys` of the given sheet rows, added to each row's entry in `into` (made when missing): rows
 * and columns read together where the cells between cost less than another read, so every row of the tab
 * is a few full columns and a handful of scattered rows is a read each.
 */
export function readFieldsAt(
  layout: Pick<CasesLayout, 'sheet' | 'columnOf'>,
  rows: readonly number[],
  keys: readonly FieldKey[],
  into: Map<number, CaseRow>,
): Map<number, CaseRow> {
  if (keys.length === 0) return into;
  const keyAt = new Map(keys.map((key) => [layout.columnOf.get(key) as number, key]));
  for (const block of costBlocks(rows, keyAt.size)) {
    const top = block[0] as number;
    const height = (block[block.length - 1] as number) - top + 1;
    const fields = block.map((row) => {
      const entry = into.get(row) ?? {};
      into.set(row, entry);
      return entry;
    });
    for (const run of costRuns([...keyAt.keys()], height)) {
      const lines = layout.sheet.getRange(top, run.first, height, run.last - run.first + 1).getValues();
      for (const [column, key] of keyAt) {
        if (column < run.first || column > run.last) continue;
        block.forEach((row, i) => {
          (fields[i] as CaseRow)[key] = (lines[row - top] ?? [])[column - run.first];
        });
      }
    }
  }
  return into;
}

/** What readFieldsAt would read, priced in cells (a call as CALL_WORTH_CELLS), without reading it. */
function blocksCost(
  layout: Pick<CasesLayout, 'columnOf'>,
  rows: readonly number[],
  keys: readonly FieldKey[],
) {
  const columns = keys.map((key) => layout.columnOf.get(key) as number);
  let cost = 0;
  for (const block of costBlocks(rows, new Set(columns).size)) {
    const height = (block[block.length - 1] as number) - (block[0] as number) + 1;
    for (const run of costRuns(columns, height))
      cost += 2 * CALL_WORTH_CELLS + height * (run.last - run.first + 1);
  }
  return cost;
}

/** What readColumns with a range list would read of rows 2 to lastRow, priced the same way. */
function columnsCost(layout: Pick<CasesLayout, 'columnOf'>, lastRow: number, keys: readonly FieldKey[]) {
  const runs = columnRuns(
    keys.map((key) => layout.columnOf.get(key) as number),
    1,
  );
  const width = runs.reduce((sum, run) => sum + run.last - run.first + 1, 0);
  return (2 + runs.length) * CALL_WORTH_CELLS + Math.max(0, lastRow - 1) * width;
}

/** The cell blocks one Values.batchGet reads for the fields `keys` of `rows`: a range per block and run. */
function apiBlocks(
  layout: Pick<CasesLayout, 'columnOf'>,
  rows: readonly number[],
  keys: readonly FieldKey[],
): { rows: number[]; blocks: CellBlock[] }[] {
  const columns = keys.map((key) => layout.columnOf.get(key) as number);
  return costBlocks(rows, new Set(columns).size, RANGE_WORTH_CELLS).map((block) => {
    const top = block[0] as number;
    const numRows = (block[block.length - 1] as number) - top + 1;
    const runs = costRuns(columns, numRows, RANGE_WORTH_CELLS);
    return {
      rows: block,
      blocks: runs.map((run) => ({
        row: top,
        column: run.first,
        numRows,
        numColumns: run.last - run.first + 1,
      })),
    };
  });
}

/** What readFieldsByApi would read, priced the same way: its calls (with the ID and time zone) and cells. */
function apiCost(
  ss: Spreadsheet,
  layout: Pick<CasesLayout, 'columnOf'>,
  rows: readonly number[],
  keys: readonly FieldKey[],
) {
  const blocks = apiBlocks(layout, rows, keys).flatMap((b) => b.blocks);
  const cells = blocks.reduce((sum, b) => sum + b.numRows * b.numColumns, 0);
  return apiCallsFor(ss, TABS.cases, blocks) * CALL_WORTH_CELLS + cells;
}

/**
 * readFieldsAt through the Sheets API: the blocks of every row and run in one Values.batchGet (more only
 * when the ranges outgrow a call's URL). Null when the service is unavailable or failed.
 */
function readFieldsByApi(
  ss: Spreadsheet,
  layout: Pick<CasesLayout, 'columnOf'>,
  rows: readonly number[],
  keys: readonly FieldKey[],
): Map<number, CaseRow> | null {
  const plan = apiBlocks(layout, rows, keys);
  const raw = readRawBlocksByApi(
    ss,
    TABS.cases,
    plan.flatMap((b) => b.blocks),
  );
  if (raw === null) return null;
  // Only the asked-for rows' cells of the asked-for columns are turned into getValues' values (a block
  // also holds the rows and columns between them).
  const wanted = keys.map((key) => ({
    key,
    column: layout.columnOf.get(key) as number,
    date: isDateField(key),
  }));
  const into = new Map<number, CaseRow>();
  let at = 0;
  for (const { rows: blockRows, blocks } of plan) {
    const fields = blockRows.map((row) => {
      const entry: CaseRow = {};
      into.set(row, entry);
      return entry;
    });
    for (const block of blocks) {
      const lines = raw.values[at++] ?? [];
      for (const { key, column, date } of wanted) {
        if (column < block.column || column >= block.column + block.numColumns) continue;
        const c = column - block.column;
        blockRows.forEach((row, i) => {
          (fields[i] as CaseRow)[key] = raw.asGetValue(lines[row - block.row]?.[c], date);
        });
      }
    }
  }
  return into;
}

/**
 * `earlier` (rows 2 to lastRow as read before) with the fields `keys` of the sheet rows `rows` added, by
 * whichever read the latency model prices lower: those rows in blocks (readFieldsAt: a few rows of a long
 * tab), or every row's columns in one range list (most rows of the tab, where blocks would cost a read per
 * block for little saved), the fields going into the earlier rows' own objects. Either way each asked-for
 * row holds the fields as the sheet has them (core/report/report-read-plan.ts withWindowFields); the
 * whole-tab read gives every other row its fields too, as one read of both would. With `options.ss` and
 * the Sheets Advanced Service enabled, a third way is priced too: exactly those rows in one
 * Values.batchGet (readFieldsByApi); if that call fails, the cheaper of the other two is read instead.
 */
export function addFieldsOfRows(
  layout: Pick<CasesLayout, 'sheet' | 'columnOf'>,
  lastRow: number,
  earlier: ReadRows,
  rows: readonly number[],
  keys: readonly FieldKey[],
  options: { ss?: Spreadsheet } = {},
): ReadRows {
  if (keys.length === 0 || rows.length === 0) return earlier;
  const blocks = blocksCost(layout, rows, keys);
  const columns = columnsCost(layout, lastRow, keys);
  if (options.ss && apiAvailable() && apiCost(options.ss, layout, rows, keys) < Math.min(blocks, columns)) {
    const read = readFieldsByApi(options.ss, layout, rows, keys);
    if (read !== null) return withWindowFields(earlier, read);
  }
  if (blocks <= columns) return withWindowFields(earlier, readFieldsAt(layout, rows, keys, new Map()));
  return readColumnsOf(layout, lastRow, keys, { rangeList: true, into: earlier });
}

const RECORDS_OF_RUN = 'caseIdsAndRecords';

/**
 * Keeps a read of every case's Case ID and sealed record (the SLA sweep's) for a later job of the same
 * hourly run that only plans from them: the yearly archive's due check, whose move reads its rows again
 * under the lock and decides from them (run-memo.ts). Rows the sweep wrote since keep their older record
 * text here, which still verifies and says the same status and closing time (the sweep changes neither).
 * `read` must hold both fields.
 */
export function keepCaseRecordsForRun(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, read: CaseColumns): void {
  keepForRun(ss, RECORDS_OF_RUN, read.rows);
}

/** Every case's Case ID and sealed record: as kept earlier in this run, else read now (two columns). */
export function caseIdsAndRecords(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): readonly CaseRow[] {
  return keptForRun<CaseRow[]>(ss, RECORDS_OF_RUN) ?? readColumns(ss, ['caseId', 'caseRecord']).rows;
}

/** Records whose seal a job verified in this run: the record text as read and its fields, by case ID. */
export type VerifiedRecords = Map<string, { text: unknown; fields: RecordFields }>;

const VERIFIED_OF_RUN = 'verifiedRecords';

/**
 * Where the SLA sweep notes each record whose seal it verified, for the archive's due check later in the
 * same run: a record of the same text is the same record, so its seal is not checked (nor its text parsed)
 * twice. Outside a run nothing is kept.
 */
export function verifiedRecordsForRun(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): VerifiedRecords {
  const kept = keptForRun<VerifiedRecords>(ss, VERIFIED_OF_RUN);
  if (kept) return kept;
  const made: VerifiedRecords = new Map();
  keepForRun(ss, VERIFIED_OF_RUN, made);
  return made;
}
