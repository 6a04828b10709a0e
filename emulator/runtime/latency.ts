/**
 * Latency model: estimates how long an operation would take in Apps Script from the calls it made, so
 * benchmarks can report modelled seconds and the emulator clock can move as Apps Script's would. It is an
 * estimate for budgets and benchmarks, never a timing assertion. Every parameter cites its source; where
 * none was found it says ASSUMPTION (listed in README.md, "Modelled time").
 *
 * Sources:
 * - [facts] ../shared/reference/apps-script-facts.md, "Speed".
 * - [blog] Google's "Optimizing Spreadsheet Operations" (2010): reads are served from a look-ahead cache,
 *   writes wait in a write cache, and "every time you do a read, we must first empty (commit) the write
 *   cache". http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html
 * - [so] The measurement the facts' write and flush numbers come from, Stack Overflow "What is faster:
 *   ScriptDb or SpreadsheetApp?" (400 rows x 10 columns): one setValues of 4,000 cells "less than 50ms",
 *   "adding a call to flush() increased that to 610ms"; 400 row writes took 164 ms, "almost 12 seconds"
 *   with a flush after each. https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp
 */

/** [so] Mogsdad's experiment: 400 objects of 5 strings and 5 numbers, one row each. */
const SO_ROWS = 400;
const SO_COLUMNS = 10;
/** [so] One setValues of the 4,000 cells (the call only: the commit happened after the timer stopped). */
const SO_BATCH_WRITE_MS = 50;
/** [so] The same batch followed by one flush. */
const SO_BATCH_WRITE_FLUSH_MS = 610;
/** [so] 400 one-row setValues, no flush. */
const SO_ROW_WRITES_MS = 164;
/** [so] 400 one-row setValues, each followed by a flush. */
const SO_ROW_WRITES_FLUSHED_MS = 12_000;

const WRITE_PER_CELL_MS = SO_BATCH_WRITE_MS / (SO_ROWS * SO_COLUMNS); // 0.0125
const WRITE_CALL_MS = SO_ROW_WRITES_MS / SO_ROWS - SO_COLUMNS * WRITE_PER_CELL_MS; // 0.285
/**
 * A commit (flush) costs a fixed round trip plus a share per pending written cell; the two flush
 * measurements give two points of that line: a one-row flush cost 12,000/400 - 164/400 = 29.6 ms, a
 * 4,000-cell flush 610 - 50 = 560 ms. So about 0.133 ms a pending cell and 28.3 ms a flush.
 */
const ROW_FLUSH_MS = (SO_ROW_WRITES_FLUSHED_MS - SO_ROW_WRITES_MS) / SO_ROWS;
const BATCH_FLUSH_MS = SO_BATCH_WRITE_FLUSH_MS - SO_BATCH_WRITE_MS;
const COMMIT_PER_CELL_MS = (BATCH_FLUSH_MS - ROW_FLUSH_MS) / (SO_ROWS * SO_COLUMNS - SO_COLUMNS);
const FLUSH_MS = ROW_FLUSH_MS - SO_COLUMNS * COMMIT_PER_CELL_MS;

/** What a call does, for its cost: each kind has its own per-cell price. */
export type CostKind = 'read' | 'write' | 'note' | 'format' | 'find' | 'flush' | 'local' | 'call';

export interface LatencyParameters {
  /** [facts] Uncached round trip of one service call: "roughly 30-160 ms". */
  defaultCallMs: number;
  /** Per-member round trips: [facts] getLastRow about 160 ms, Properties get 30 / set 60, Cache get 3 / put 90. */
  memberMs: Record<string, number>;
  /** ASSUMPTION: no published per-cell read cost; a batched read moves cells at the write's rate. */
  readPerCellMs: number;
  /** [facts] "about 3 ms for getValue after a batch has been read" ([blog]: the look-ahead cache). */
  cachedReadMs: number;
  /** [so] A buffered write call: 164 ms / 400 row writes, less their cells. */
  writeCallMs: number;
  /** [so] 4,000 cells in one setValues under 50 ms: 0.0125 ms a cell. */
  writePerCellMs: number;
  /** ASSUMPTION: no published note measurement; a note is a cell property written like a value. */
  notePerCellMs: number;
  /** ASSUMPTION: no published format measurement (number formats, colours, validation, checkboxes). */
  formatPerCellMs: number;
  /** [so] A flush's fixed cost (derived above): about 28 ms, not the 0.5 s of one 4,000-cell flush. */
  flushMs: number;
  /** [so] A commit's cost per pending written cell (derived above): about 0.133 ms. */
  commitPerCellMs: number;
  /**
   * ASSUMPTION: a TextFinder search runs on the server and returns only matches, so it costs one uncached
   * round trip (defaultCallMs) plus readPerCellMs for each cell it reports reading.
   */
  findMs: number;
  /**
   * Builders and page outputs (Menu, *Builder, HtmlOutput, TextFinder options) are assembled inside the
   * script; the round trip is the call that hands them to a service. ASSUMPTION (no measurement): they
   * cost almost nothing.
   */
  localMember: RegExp;
  localCallMs: number;
  /**
   * How much slower Apps Script's V8 runs the bundle's own code than Node here. ASSUMPTION: 3. No published
   * side-by-side measurement of Apps Script V8 against Node was found (searched: tanaikech's V8 benchmarks
   * time Apps Script alone; mcpher's "about 100 times" browser comparison predates V8, on Rhino). Reasons
   * for a factor above 1: each execution starts a fresh isolate and re-parses the project, so most code
   * runs before the optimising compiler warms up, on shared servers. Benchmarks only; tests never use it.
   */
  scriptCpuFactor: number;
}

export const DEFAULT_LATENCY: LatencyParameters = {
  defaultCallMs: 50,
  memberMs: {
    'Sheet.getLastRow': 160,
    'Sheet.getLastColumn': 160,
    'Properties.getProperty': 30,
    'Properties.getProperties': 30,
    'Properties.setProperty': 60,
    'Properties.setProperties': 60,
    'Properties.deleteProperty': 60,
    'Cache.get': 3,
    'Cache.getAll': 3,
    'Cache.put': 90,
    'Cache.putAll': 90,
    // ASSUMPTION: a log line is buffered in the script, no round trip.
    'Logger.log': 1,
  },
  readPerCellMs: WRITE_PER_CELL_MS,
  cachedReadMs: 3,
  writeCallMs: WRITE_CALL_MS,
  writePerCellMs: WRITE_PER_CELL_MS,
  notePerCellMs: WRITE_PER_CELL_MS,
  formatPerCellMs: WRITE_PER_CELL_MS,
  flushMs: FLUSH_MS,
  commitPerCellMs: COMMIT_PER_CELL_MS,
  findMs: 50,
  localMember:
    /^(Menu|DataValidationBuilder|ConditionalFormatRuleBuilder|FilterCriteriaBuilder|TriggerBuilder|ClockTriggerBuilder|SpreadsheetTriggerBuilder|HtmlOutput|HtmlTemplate)\.(?!addToUi$|create$)|^TextFinder\.(?!find|replace)|^Range\.createTextFinder$|^Sheet\.createTextFinder$/,
  localCallMs: 0.1,
  scriptCpuFactor: 3,
};

/** Classes whose members act on spreadsheet cells: their writes invalidate cached reads. */
const SHEET_CLASS = /^(Range|RangeList|Sheet|Spreadsheet|Filter|Protection|DeveloperMetadata)\./;
/** Members that only look (getters, questions, the selection, a toast): everything else changes the sheet. */
const LOOKS = /\.((get|is|has|can)[A-Z][A-Za-z]*|offset|activate|toast|createTextFinder)$/;
/** Range getters of cell data: reads even when they report no cells (single-cell getters like getValue). */
const CELL_READ =
  /^Range\.(get(Values?|DisplayValues?|Formulas?|Notes?|NumberFormats?|Backgrounds?|FontWeights?|DataValidations?|RichTextValues?)|isBlank|isChecked)$/;
/**
 * ASSUMPTION (no published measurement): a Sheets API values read is one round trip plus its cells at the
 * rate of getValues (it moves the same values over the same service).
 */
const API_VALUES_READ = /^Sheets\.Spreadsheets\.Values\.batchGet$/;
const NOTE_MEMBER = /^Range\.(setNotes?|clearNote)$/;
const FORMAT_MEMBER =
  /^Range\.(set(NumberFormats?|Backgrounds?|FontWeights?|FontColors?|FontStyles?|FontSizes?|DataValidations?|HorizontalAlignments?|WrapStrategies?)|clearFormat|clearDataValidations|insertCheckboxes|removeCheckboxes)$/;

/** Which kind of cost a member call is. */
export function costKind(params: LatencyParameters, member: string, cells: number): CostKind {
  if (member === 'SpreadsheetApp.flush') return 'flush';
  if (params.localMember.test(member)) return 'local';
  if (/^TextFinder\.(find|replace)/.test(member)) return 'find';
  if (NOTE_MEMBER.test(member)) return 'note';
  if (FORMAT_MEMBER.test(member)) return 'format';
  if (CELL_READ.test(member) || API_VALUES_READ.test(member)) return 'read';
  if (SHEET_CLASS.test(member) && cells > 0) return LOOKS.test(member) ? 'read' : 'write';
  return 'call';
}

/** True when a call changes a spreadsheet, so earlier reads can no longer come from the cache. */
export function changesSheet(member: string): boolean {
  return (SHEET_CLASS.test(member) && !LOOKS.test(member)) || /^TextFinder\.replace/.test(member);
}

/** The round trip and per-cell cost of one call on its own (no cache, no pending writes). */
export function modelledCallMs(params: LatencyParameters, member: string, cells: number): number {
  const kind = costKind(params, member, cells);
  const named = params.memberMs[member];
  switch (kind) {
    case 'local':
      return named ?? params.localCallMs;
    case 'flush':
      return params.flushMs;
    case 'find':
      return (named ?? params.findMs) + cells * params.readPerCellMs;
    case 'read':
      return (named ?? params.defaultCallMs) + cells * params.readPerCellMs;
    case 'write':
      return (named ?? params.writeCallMs) + cells * params.writePerCellMs;
    case 'note':
      return (named ?? params.writeCallMs) + cells * params.notePerCellMs;
    case 'format':
      return (named ?? params.writeCallMs) + cells * params.formatPerCellMs;
    default:
      return named ?? params.defaultCallMs;
  }
}

/** The block of cells a Range call touched: which spreadsheet and sheet, and the rectangle. */
export interface CellBlock {
  spreadsheetId: string;
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** The priced parts of one call. */
export interface CallCost {
  kind: CostKind;
  /** The call's own cost (round trip and cells), or the cached read's. */
  serviceMs: number;
  /** Pending writes this call committed first (a read or a flush), [blog]. */
  commitMs: number;
  cached: boolean;
}

function contains(outer: CellBlock, inner: CellBlock): boolean {
  return (
    outer.spreadsheetId === inner.spreadsheetId &&
    outer.sheetId === inner.sheetId &&
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

/**
 * ASSUMPTION: the read cache is finite; the model remembers the most recent uncached blocks read (which also
 * keeps a naive per-row loop over a large tab linear in the emulator).
 */
const REMEMBERED_READS = 64;

/** getValue and getValues read the same data; getNote and getNotes too. */
function dataRead(member: string): string {
  return member.replace(/s$/, '');
}

/**
 * The state one run's costs depend on: which blocks were read since the last write (served from the
 * cache) and how many written cells wait in the write cache. One per run of the script.
 */
export class RunLatency {
  private readonly readBlocks: { data: string; block: CellBlock }[] = [];
  private pendingCells = 0;
  private pendingWrites = false;

  constructor(private readonly params: LatencyParameters) {}

  private commit(): number {
    if (!this.pendingWrites) return 0;
    const ms = this.params.flushMs + this.pendingCells * this.params.commitPerCellMs;
    this.pendingCells = 0;
    this.pendingWrites = false;
    return ms;
  }

  /** Prices one finished call and updates the caches. */
  price(member: string, cells: number, block: CellBlock | null): CallCost {
    const kind = costKind(this.params, member, cells);
    if (kind === 'flush') {
      // [so] a flush with writes pending commits them; with none, it still makes the round trip.
      const commitMs = this.commit();
      return { kind, serviceMs: commitMs === 0 ? this.params.flushMs : 0, commitMs, cached: false };
    }
    if (kind === 'read' || kind === 'find') {
      // [blog] a read commits pending writes first.
      const commitMs = this.commit();
      const data = dataRead(member);
      if (kind === 'read' && block !== null) {
        // [facts] a read inside a block already read (no write since) comes from the cache.
        if (this.readBlocks.some((r) => r.data === data && contains(r.block, block)))
          return { kind, serviceMs: this.params.cachedReadMs, commitMs, cached: true };
        this.readBlocks.push({ data, block });
        if (this.readBlocks.length > REMEMBERED_READS) this.readBlocks.shift();
      }
      // A TextFinder replace searches like a find and changes the cells it matched.
      if (changesSheet(member)) this.readBlocks.length = 0;
      return { kind, serviceMs: modelledCallMs(this.params, member, cells), commitMs, cached: false };
    }
    if (changesSheet(member)) {
      this.readBlocks.length = 0;
      if (cells > 0) {
        this.pendingCells += cells;
        this.pendingWrites = true;
      }
    }
    return { kind, serviceMs: modelledCallMs(this.params, member, cells), commitMs: 0, cached: false };
  }

  /** ASSUMPTION: writes still pending when the run ends are committed before it finishes ([blog]). */
  end(): number {
    return this.commit();
  }
}
