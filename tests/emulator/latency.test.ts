/**
 * The latency model (emulator/runtime/latency.ts): each cost kind priced on its own, cached reads and their
 * invalidation, write commits and flushes derived from the published measurements, lock waits, the clock
 * moving by modelled time so a script's run deadline fires, and the script's CPU kept apart for benchmarks.
 * Sources (cited in latency.ts): [facts] ../shared/reference/apps-script-facts.md "Speed"; [blog] Google's
 * "Optimizing Spreadsheet Operations" http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html ;
 * [so] "What is faster: ScriptDb or SpreadsheetApp?" https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runFunction } from '../../emulator/loader';
import { DEFAULT_LATENCY, type LatencyParameters } from '../../emulator/runtime/latency';
import { CallLedger } from '../../emulator/runtime/ledger';
import type { Workspace } from '../../emulator/workspace';
import { EDITOR, OWNER, servicesFor, tracker, workspace } from './support';

/** Distinct prices per kind, so a test sees which one a call was charged. */
const DISTINCT: LatencyParameters = {
  ...DEFAULT_LATENCY,
  defaultCallMs: 100,
  readPerCellMs: 1,
  writeCallMs: 0,
  writePerCellMs: 2,
  notePerCellMs: 3,
  formatPerCellMs: 4,
};

function priced(ws: Workspace, member: string) {
  const found = ws.ledger.pricedCalls().filter((e) => e.member === member);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** A one-file bundle in a temporary folder, loaded like build/Code.js. */
function fakeBundle(source: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'casebook-latency-')), 'Code.js');
  writeFileSync(file, source);
  return file;
}

describe('each kind of call has its own per-cell price', () => {
  test('reads, writes, notes and formats of the same 10 cells are charged their own rates', () => {
    const t = tracker();
    t.ws.ledger.latency = DISTINCT;
    const range = t.sheet.getRange('A1:E2');
    range.getValues();
    range.setValues([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
    ]);
    range.setNotes([
      ['a', '', '', '', ''],
      ['', '', '', '', 'b'],
    ]);
    range.setNumberFormats([
      ['@', '@', '@', '@', '@'],
      ['0', '0', '0', '0', '0'],
    ]);
    expect(priced(t.ws, 'Range.getValues')).toMatchObject({ kind: 'read', cells: 10, serviceMs: 100 + 10 });
    expect(priced(t.ws, 'Range.setValues')).toMatchObject({ kind: 'write', cells: 10, serviceMs: 20 });
    expect(priced(t.ws, 'Range.setNotes')).toMatchObject({ kind: 'note', cells: 10, serviceMs: 30 });
    expect(priced(t.ws, 'Range.setNumberFormats')).toMatchObject({
      kind: 'format',
      cells: 10,
      serviceMs: 40,
    });
    // A call that moves no cells pays the round trip ([facts] "roughly 30-160 ms"): here getRange.
    expect(priced(t.ws, 'Sheet.getRange')).toMatchObject({ kind: 'call', serviceMs: 100 });
  });

  test('named round trips from the facts: getLastRow 160 ms, Properties get 30 / set 60, Cache get 3 / put 90', () => {
    const ledger = new CallLedger();
    for (const member of [
      'Sheet.getLastRow',
      'Properties.getProperty',
      'Properties.setProperty',
      'Cache.get',
      'Cache.put',
    ])
      ledger.record(member);
    expect(ledger.pricedCalls().map((e) => e.serviceMs)).toEqual([160, 30, 60, 3, 90]);
  });

  test('TextFinder (ASSUMPTION, README): a search is one round trip; its options are built in the script', () => {
    const ledger = new CallLedger();
    ledger.record('Range.createTextFinder');
    ledger.record('TextFinder.matchEntireCell');
    ledger.record('TextFinder.findNext');
    ledger.addCells(1);
    ledger.record('TextFinder.findAll');
    expect(ledger.pricedCalls().map((e) => [e.kind, e.serviceMs])).toEqual([
      ['local', DEFAULT_LATENCY.localCallMs],
      ['local', DEFAULT_LATENCY.localCallMs],
      ['find', DEFAULT_LATENCY.findMs + DEFAULT_LATENCY.readPerCellMs],
      ['find', DEFAULT_LATENCY.findMs],
    ]);
  });
});

describe('cached reads ([facts] "about 3 ms for getValue after a batch has been read"; [blog] look-ahead cache)', () => {
  test('a read inside a block already read costs the cached 3 ms; a write in between makes it a round trip again', () => {
    const t = tracker();
    const block = t.sheet.getRange('A1:C10');
    block.getValues();
    const cell = t.sheet.getRange('B2');
    cell.getValue();
    block.getValues();
    let reads = t.ws.ledger.pricedCalls().filter((e) => e.kind === 'read');
    expect(reads.map((e) => [e.member, e.cached, e.serviceMs])).toEqual([
      ['Range.getValues', false, 50 + 30 * DEFAULT_LATENCY.readPerCellMs],
      ['Range.getValue', true, 3],
      ['Range.getValues', true, 3],
    ]);

    t.sheet.getRange('Z99').setValue('changed');
    t.ws.ledger.reset();
    cell.getValue();
    cell.getValue();
    reads = t.ws.ledger.pricedCalls().filter((e) => e.kind === 'read');
    expect(reads.map((e) => e.cached)).toEqual([false, true]);
  });

  test('a block outside what was read, another sheet, or other data (notes) is not cached', () => {
    const t = tracker();
    t.sheet.getRange('A1:C10').getValues();
    t.sheet.getRange('C10:D10').getValues();
    t.ss.insertSheet('Other').getRange('A1').getValue();
    t.sheet.getRange('A1').getNotes();
    const reads = t.ws.ledger.pricedCalls().filter((e) => e.kind === 'read');
    expect(reads.map((e) => e.cached)).toEqual([false, false, false, false]);
  });

  test('ASSUMPTION (latency.ts): the cache remembers the last 64 blocks read, not every one', () => {
    const t = tracker();
    for (let row = 1; row <= 65; row++) t.sheet.getRange(row, 1).getValue();
    t.ws.ledger.reset();
    t.sheet.getRange(65, 1).getValue();
    t.sheet.getRange(1, 1).getValue();
    const reads = t.ws.ledger.pricedCalls().filter((e) => e.kind === 'read');
    expect(reads.map((e) => e.cached)).toEqual([true, false]);
  });

  test('a TextFinder replace (ASSUMPTION: priced as a search) changes cells, so later reads are not cached', () => {
    const ledger = new CallLedger();
    const block = { spreadsheetId: 's', sheetId: 0, row: 1, column: 1, numRows: 5, numColumns: 1 };
    ledger.record('Range.getValues', block);
    ledger.record('TextFinder.replaceAllWith');
    ledger.record('Range.getValues', block);
    expect(ledger.pricedCalls().map((e) => [e.kind, e.cached])).toEqual([
      ['read', false],
      ['find', false],
      ['read', false],
    ]);
  });

  test('each execution starts with an empty cache', () => {
    const t = tracker();
    t.sheet.getRange('A1:C10').getValues();
    const next = servicesFor(t.ws, { activeSpreadsheetId: t.spreadsheetId });
    t.ws.ledger.reset();
    next.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getRange('A1').getValue();
    expect(priced(t.ws, 'Range.getValue').cached).toBe(false);
  });
});

describe('writes wait in the write cache; a flush or a read commits them ([blog], [so])', () => {
  test('reproduces [so]: 400 ten-cell row writes each flushed ~12 s, unflushed 164 ms; 4,000 cells and one flush ~610 ms', () => {
    const rowByRowFlushed = new CallLedger();
    const rowByRow = new CallLedger();
    for (let i = 0; i < 400; i++) {
      for (const ledger of [rowByRowFlushed, rowByRow]) {
        ledger.record('Range.setValues');
        ledger.addCells(10);
      }
      rowByRowFlushed.record('SpreadsheetApp.flush');
    }
    expect(rowByRowFlushed.modelledMs()).toBeCloseTo(12_000, 6);
    expect(rowByRow.modelledMs()).toBeCloseTo(164, 6);

    const batch = new CallLedger();
    batch.record('Range.setValues');
    batch.addCells(4000);
    expect(batch.modelledMs()).toBeCloseTo(50 + DEFAULT_LATENCY.writeCallMs, 6);
    batch.record('SpreadsheetApp.flush');
    expect(batch.modelledMs()).toBeCloseTo(610 + DEFAULT_LATENCY.writeCallMs, 6);
    // So a flush is ~28 ms plus ~0.133 ms a pending cell, not a flat 0.5 s.
    expect(DEFAULT_LATENCY.flushMs).toBeCloseTo(28.26, 2);
    expect(DEFAULT_LATENCY.commitPerCellMs).toBeCloseTo(0.1329, 4);
  });

  test('a read after writes pays their commit first; the end of the run commits what is still pending', () => {
    const t = tracker();
    t.sheet.getRange('A1:B5').setValues(Array.from({ length: 5 }, () => ['x', 'y']));
    t.sheet.getRange('A1').getValue();
    const commitOf = (cells: number) => DEFAULT_LATENCY.flushMs + cells * DEFAULT_LATENCY.commitPerCellMs;
    expect(priced(t.ws, 'Range.getValue').commitMs).toBeCloseTo(commitOf(10), 9);

    t.sheet.getRange('C1:C3').setValues([[1], [2], [3]]);
    const before = t.ws.ledger.modelled().commitMs;
    t.exec.end();
    expect(t.ws.ledger.modelled().commitMs - before).toBeCloseTo(commitOf(3), 9);
  });

  test('a flush with nothing pending still makes its round trip', () => {
    const t = tracker();
    t.SpreadsheetApp.flush();
    expect(priced(t.ws, 'SpreadsheetApp.flush')).toMatchObject({ kind: 'flush', commitMs: 0 });
    expect(t.ws.ledger.modelledMs()).toBeCloseTo(DEFAULT_LATENCY.flushMs, 9);
  });
});

describe('waits are modelled time too', () => {
  test('a contended tryLock waits its whole timeout (lock.ts); the wait is in the modelled time', () => {
    const { ws, spreadsheetId } = workspace();
    const holder = servicesFor(ws, { activeSpreadsheetId: spreadsheetId });
    expect(holder.LockService.getDocumentLock().tryLock(1000)).toBe(true);
    const waiter = servicesFor(ws, { user: EDITOR, activeSpreadsheetId: spreadsheetId });
    const lock = waiter.LockService.getDocumentLock();
    ws.ledger.reset();
    expect(lock.tryLock(10_000)).toBe(false);
    expect(priced(ws, 'Lock.tryLock').waitMs).toBe(10_000);
    expect(ws.ledger.modelled().waitMs).toBe(10_000);
    expect(ws.ledger.modelledMs()).toBe(10_000 + DEFAULT_LATENCY.defaultCallMs);
  });
});

describe('modelled time moves the clock (WorkspaceOptions.modelledTimeMovesClock)', () => {
  test('on: each call moves the clock by its modelled time, and the run end by its commit', () => {
    const t = tracker(OWNER, { modelledTimeMovesClock: true });
    const t0 = t.ws.clock.now();
    t.sheet.getRange('A1:B2').getValues();
    // The clock keeps fractions of a millisecond but shows whole ones, as Date.now() does.
    const within1ms = (ms: number, expected: number) => expect(Math.abs(ms - expected)).toBeLessThan(1);
    within1ms(t.ws.clock.now() - t0, 50 + 50 + 4 * DEFAULT_LATENCY.readPerCellMs);
    t.sheet.getRange('A1').setValue('x');
    t.exec.end();
    within1ms(t.ws.clock.now() - t0, t.ws.ledger.modelledMs());
  });

  test('Date.now() stays a whole number of ms however the modelled time falls (MDN: Date.now returns an integer)', () => {
    // Casebook builds property keys from Date.now(); a fraction there once broke the audit channel's keys.
    // https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date/now
    const t = tracker(OWNER, { modelledTimeMovesClock: true });
    for (let i = 0; i < 5; i++) {
      t.sheet.getRange(1, 1, 1 + i, 3).getValues();
      expect(Number.isInteger(t.ws.clock.now())).toBe(true);
      expect(Number.isInteger(t.ws.clock.dateConstructor().now())).toBe(true);
    }
  });

  test('off (the default): the clock stands still during a run, as the older tests expect', () => {
    const t = tracker();
    const t0 = t.ws.clock.now();
    t.sheet.getRange('A1:B2').getValues();
    t.exec.end();
    expect(t.ws.clock.now()).toBe(t0);
    expect(t.ws.ledger.modelledMs()).toBeGreaterThan(100);
  });

  test("a script's 4.5-minute deadline fires: the loop stops at the first read past 270 s", () => {
    // The shape of Casebook's resumable jobs (issue 19): work until Date.now() passes a deadline.
    const bundlePath = fakeBundle(`
      function readUntilDeadline() {
        var start = Date.now();
        var range = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1:C10');
        var reads = 0;
        while (Date.now() - start < 270000 && reads < 100000) { range.getValues(); reads++; }
        return { reads: reads, elapsed: Date.now() - start };
      }`);
    const run = (moves: boolean) => {
      const { ws, spreadsheetId } = workspace({ modelledTimeMovesClock: moves });
      const options = {
        user: OWNER,
        authMode: 'FULL' as const,
        activeSpreadsheetId: spreadsheetId,
        bundlePath,
      };
      return {
        ws,
        result: runFunction(ws, options, 'readUntilDeadline') as { reads: number; elapsed: number },
      };
    };

    const { ws, result } = run(true);
    // getActiveSpreadsheet, getSheets, getRange, one uncached read, then cached reads of 3 ms each.
    const firstReadMs = 50 + 30 * DEFAULT_LATENCY.readPerCellMs;
    const expectedReads = 1 + Math.ceil((270_000 - 150 - firstReadMs) / 3);
    expect(result.reads).toBe(expectedReads);
    expect(result.elapsed).toBeGreaterThanOrEqual(270_000);
    expect(result.elapsed).toBeLessThan(270_000 + 3 + 1e-6);
    expect(ws.ledger.count('Range.getValues')).toBe(expectedReads);

    // With the clock standing still the deadline never fires: only the script's safety cap stops it.
    expect(run(false).result.reads).toBe(100_000);
  });
});

describe("the script's own CPU time (benchmarks only; no test asserts a CPU budget)", () => {
  /** A function that spends its time in script, then makes one call. */
  const BUSY = `function busy() {
        var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
        var x = 0;
        for (var i = 0; i < 2000000; i++) x += Math.sqrt(i);
        sheet.getRange('A1').setValue(x > 0 ? 'done' : 'never');
      }`;

  test('it is measured outside service calls and kept apart: the modelled time without it is deterministic', () => {
    const bundlePath = fakeBundle(`
      ${BUSY}
      function idle() {
        var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
        sheet.getRange('A1').setValue('done');
      }`);
    const timeOf = (name: string) => {
      const { ws, spreadsheetId } = workspace({ measureScriptCpu: true });
      runFunction(
        ws,
        { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId, bundlePath },
        name,
      );
      return ws.ledger.modelled();
    };
    const busy = timeOf('busy');
    const idle = timeOf('idle');
    expect(busy.withoutCpuMs).toBe(idle.withoutCpuMs);
    expect(busy.nodeScriptCpuMs).toBeGreaterThan(0);
    expect(busy.scriptCpuMs).toBe(busy.nodeScriptCpuMs * DEFAULT_LATENCY.scriptCpuFactor);
    expect(busy.withCpuMs).toBe(busy.withoutCpuMs + busy.scriptCpuMs);
  });

  test('with modelledTimeMovesClock too, the clock moves by the priced CPU as well, so run deadlines see script time', () => {
    const bundlePath = fakeBundle(BUSY);
    const { ws, spreadsheetId } = workspace({ measureScriptCpu: true, modelledTimeMovesClock: true });
    const before = ws.clock.now();
    runFunction(
      ws,
      { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId, bundlePath },
      'busy',
    );
    const time = ws.ledger.modelled();
    expect(time.scriptCpuMs).toBeGreaterThan(0);
    // The clock reads whole ms, so the two agree to within one.
    expect(Math.abs(ws.clock.now() - before - time.withCpuMs)).toBeLessThanOrEqual(1);
  });

  test('off unless the workspace asks for it (WorkspaceOptions.measureScriptCpu): tests do not pay for measuring', () => {
    const bundlePath = fakeBundle(`
      function busy() {
        var x = 0;
        for (var i = 0; i < 2000000; i++) x += Math.sqrt(i);
        SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue(x);
      }`);
    const { ws, spreadsheetId } = workspace();
    runFunction(
      ws,
      { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId, bundlePath },
      'busy',
    );
    expect(ws.ledger.modelled().nodeScriptCpuMs).toBe(0);
  });
});
