/**
 * What one operation of the scale benchmark costs: service calls, cells read and written (split by the
 * member that moved them), the latency model's modelled time, the script CPU the ledger reports (when it
 * reports one) or else this process's CPU time, Node wall time and heap, the longest document-lock hold,
 * and how many cells the spreadsheet then uses against Google's 10 million cell limit.
 */
import type { Workspace } from '../../emulator';
import type { LedgerEntry } from '../../emulator/runtime/ledger';
import { type LockHoldWatch, watchLockHolds } from '../../emulator/runtime/lock-holds';

export interface Cost {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  /** The ledger's modelled Apps Script time. */
  modelledMs: number;
  /** Script CPU as the ledger reports it, or null while the latency model has none. */
  ledgerCpuMs: number | null;
  /** This process's CPU time (user + system) during the operation: the bundle plus the emulator's bookkeeping. */
  nodeCpuMs: number;
  /** Modelled time with script CPU: the ledger's own figure when it has one, else modelled + Node CPU. */
  modelledWithCpuMs: number;
  wallMs: number;
  heapMb: number;
  /** The longest document-lock hold, modelled ms (0: the lock was not taken). */
  lockHeldMs: number;
  /** Every tab's rows times columns after the operation. */
  cellsInUse: number;
  /** What the operation reported, e.g. "saved CB-2026-000123" or "stopped with a saved cursor". */
  outcome: string;
}

/** A cell count is a write unless the member reads (get*, find*: getValues, TextFinder.findAll). */
const READ_MEMBER = /\.(get|find)/;
/** Single-cell getters the ledger records without a cell count; each reads one cell. */
const ONE_CELL_READ = /^Range\.get(Value|DisplayValue|Formula|Note|NumberFormat|Background|DataValidation)$/;

/** The ledger method reporting script CPU, if the latency model has one (any method whose name says CPU). */
function ledgerCpu(ws: Workspace): number | null {
  const ledger = ws.ledger as unknown as Record<string, unknown>;
  let proto: object | null = Object.getPrototypeOf(ledger);
  while (proto && proto !== Object.prototype) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (/cpu/i.test(name) && typeof ledger[name] === 'function') {
        const value = (ledger[name] as () => unknown).call(ledger);
        if (typeof value === 'number' && Number.isFinite(value)) return value;
      }
    }
    proto = Object.getPrototypeOf(proto);
  }
  return null;
}

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
    const modelledMs = ws.ledger.modelledMs();
    const ledgerCpuMs = ledgerCpu(ws);
    const cost: Cost = {
      calls: ws.ledger.count(),
      cellsRead,
      cellsWritten,
      modelledMs,
      ledgerCpuMs,
      nodeCpuMs,
      modelledWithCpuMs: ledgerCpuMs === null ? modelledMs + nodeCpuMs : modelledMs,
      wallMs,
      heapMb,
      lockHeldMs: this.lock.longestMs(),
      cellsInUse: cellsInUse(ws, this.spreadsheetId),
      outcome,
    };
    ws.ledger.reset();
    this.entries = [];
    return cost;
  }
}
