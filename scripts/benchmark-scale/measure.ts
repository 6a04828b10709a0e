/**
 * What one operation of the scale benchmark costs: service calls, cells read and written (split by the
 * member that moved them), the latency model's modelled time with and without the script's CPU, this
 * process's CPU time, Node wall time and heap, the longest document-lock hold,
 * and how many cells the spreadsheet (and, apart, the yearly archive spreadsheets) then use against Google's
 * 10 million cell limit.
 */
import type { Workspace } from '../../emulator';
import type { LedgerEntry } from '../../emulator/runtime/ledger';
import { type LockHoldWatch, watchLockHolds } from '../../emulator/runtime/lock-holds';
import { archiveCells } from './archived-library';

export interface Cost {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  /** The ledger's modelled Apps Script time. */
  modelledMs: number;
  /** The bundle's script CPU as the latency model prices it (Node CPU of the script's own code, scaled). */
  ledgerCpuMs: number;
  /** This process's CPU time (user + system) during the operation: the bundle plus the emulator's bookkeeping. */
  nodeCpuMs: number;
  /** Modelled time with script CPU (the latency model's own figure). */
  modelledWithCpuMs: number;
  wallMs: number;
  heapMb: number;
  /** The longest document-lock hold, modelled ms (0: the lock was not taken). */
  lockHeldMs: number;
  /** Every tab's rows times columns after the operation. */
  cellsInUse: number;
  /** The same for the yearly archive spreadsheets, together (each has its own limit; none is near it). */
  archiveCellsInUse: number;
  /** What the operation reported, e.g. "saved CB-2026-000123" or "stopped with a saved cursor". */
  outcome: string;
}

/**
 * A cell count is a write unless the member reads (get*, find*: getValues, TextFinder.findAll; the Sheets
 * API's Values.batchGet).
 */
const READ_MEMBER = /\.(get|find|batchGet)/;
/** Single-cell getters the ledger records without a cell count; each reads one cell. */
const ONE_CELL_READ = /^Range\.get(Value|DisplayValue|Formula|Note|NumberFormat|Background|DataValidation)$/;

export function cellsInUse(ws: Workspace, spreadsheetId: string): number {
  return ws.getSpreadsheet(spreadsheetId).sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
}

/** Measures operations on one tracker: keeps each ledger entry (to split cells) and watches the document lock. */
export class Meter {
  private entries: LedgerEntry[] = [];
  private readonly lock: LockHoldWatch;

  constructor(
    private readonly ws: Workspace,
    private readonly spreadsheetId: string,
  ) {
    const ledger = ws.ledger;
    const record = ledger.record.bind(ledger);
    ledger.record = (member: string) => {
      const entry = record(member);
      this.entries.push(entry);
      return entry;
    };
    this.lock = watchLockHolds(ws, `document:${spreadsheetId}`, () => ws.ledger.modelledMs());
  }

  measure(work: () => string): Cost {
    const { ws } = this;
    global.gc?.();
    ws.ledger.reset();
    this.entries = [];
    this.lock.clear();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    let outcome: string;
    try {
      outcome = work();
    } catch (error) {
      // A failure is a measurement too (e.g. a write refused at the cell limit): reported, not hidden.
      outcome = `FAILED: ${error instanceof Error ? error.message : String(error)}`;
    }
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const nodeCpuMs = (cpu.user + cpu.system) / 1000;
    const heapMb = process.memoryUsage().heapUsed / 1_048_576;
    let cellsRead = 0;
    let cellsWritten = 0;
    for (const e of this.entries) {
      if (ONE_CELL_READ.test(e.member)) cellsRead += Math.max(1, e.cells);
      else if (READ_MEMBER.test(e.member)) cellsRead += e.cells;
      else cellsWritten += e.cells;
    }
    const modelled = ws.ledger.modelled();
    const modelledMs = modelled.withoutCpuMs;
    // The bundle's own CPU as the latency model measures and scales it (Apps Script's slower V8).
    const ledgerCpuMs = modelled.scriptCpuMs;
    const cost: Cost = {
      calls: ws.ledger.count(),
      cellsRead,
      cellsWritten,
      modelledMs,
      ledgerCpuMs,
      nodeCpuMs,
      modelledWithCpuMs: modelled.withCpuMs,
      wallMs,
      heapMb,
      lockHeldMs: this.lock.longestMs(),
      cellsInUse: cellsInUse(ws, this.spreadsheetId),
      archiveCellsInUse: archiveCells(ws, this.spreadsheetId).total,
      outcome,
    };
    ws.ledger.reset();
    this.entries = [];
    return cost;
  }
}
