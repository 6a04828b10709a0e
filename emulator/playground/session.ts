/**
 * One playground: the emulated workspace holding the demo tracker, who is acting, the clock offset people
 * moved it forward by, and the service-call ledger of the last operation. Every operation goes through
 * `run`, which resets the ledger, keeps the clock in step with real time, records what it cost and saves
 * the state. Operations are what a person does in Sheets: open the file, click a menu item, edit cells,
 * sort or filter, answer a sidebar's google.script.run call, run a trigger.
 */
import { callServerFunction, clientCallableFunctions } from '../bridge/host';
import { EditRefused, simulateEdit } from '../events/edit';
import { clickMenuItem, openSpreadsheet } from '../events/open';
import { simulateSelect } from '../events/select';
import { fireDueTimeTriggers, runTrigger } from '../events/time';
import { createServiceGlobals } from '../globals';
import { Execution } from '../runtime/execution';
import type { SheetModel } from '../services/spreadsheet/model';
import type { ScriptedAnswer, Workspace } from '../workspace';
import { appliedViewOn, filterViewsOf } from './filter-views';
import { PEOPLE } from './seed';

export interface OperationCost {
  label: string;
  calls: number;
  byMember: Record<string, number>;
  modelledMs: number;
  error: string | null;
}

export interface PlaygroundMeta {
  spreadsheetId: string;
  user: string;
  /** How far people moved the clock past real time, in ms. */
  clockOffsetMs: number;
}

export class PlaygroundSession {
  lastOperation: OperationCost | null = null;
  /** Goes up with every operation, so the window knows when to redraw (sidebar calls change the sheet too). */
  revision = 0;
  /** The filter view each person has applied in their window (by email): theirs alone, never saved in the file. */
  private readonly appliedViews = new Map<string, number>();

  constructor(
    readonly ws: Workspace,
    readonly meta: PlaygroundMeta,
    private readonly persist: (session: PlaygroundSession) => void,
    /** Real time; tests pass a fixed one. */
    private readonly realNow: () => number = Date.now,
  ) {}

  get spreadsheet() {
    return this.ws.getSpreadsheet(this.meta.spreadsheetId);
  }

  private session() {
    return { user: this.meta.user, spreadsheetId: this.meta.spreadsheetId };
  }

  /** Time moves on between operations as it does for real, never backwards. */
  private syncClock(): void {
    const target = this.realNow() + this.meta.clockOffsetMs;
    if (target > this.ws.clock.now()) this.ws.clock.set(target);
  }

  run<T>(label: string, work: () => T): T {
    this.syncClock();
    this.ws.ledger.reset();
    let error: string | null = null;
    try {
      return work();
    } catch (e) {
      error = (e as Error).message;
      throw e;
    } finally {
      this.lastOperation = {
        label,
        calls: this.ws.ledger.count(),
        byMember: this.ws.ledger.byMember(),
        modelledMs: Math.round(this.ws.ledger.modelledMs()),
        error,
      };
      this.revision += 1;
      this.persist(this);
    }
  }

  switchUser(email: string): void {
    if (!this.ws.users.has(email)) throw new Error(`unknown user ${email}`);
    this.meta.user = email;
    this.open();
  }

  /** Opening the file runs onOpen for the acting user, which builds their add-on menu. */
  open(): void {
    this.run(`${this.meta.user} opens the tracker`, () => openSpreadsheet(this.ws, this.session()));
  }

  menu() {
    return this.ws.ui.menus.get(`${this.meta.spreadsheetId}|${this.meta.user}`) ?? [];
  }

  /**
   * A menu click. Apps Script waits for the person to answer an alert or prompt; the emulator runs
   * synchronously, so an unanswered dialog ends the run (UnansweredDialogError) and the window runs the
   * item again with the person's answers, given here in order. Casebook asks before it changes anything.
   */
  clickMenu(caption: string, answers: ScriptedAnswer[] = []): unknown {
    return this.run(`Extensions > Casebook > ${caption}`, () => {
      this.ws.ui.scriptedAnswers.length = 0;
      this.ws.ui.scriptedAnswers.push(...answers);
      try {
        return clickMenuItem(this.ws, { ...this.session(), caption });
      } finally {
        this.ws.ui.scriptedAnswers.length = 0;
      }
    });
  }

  callServer(name: string, args: unknown[]) {
    return this.run(`google.script.run.${name}`, () =>
      callServerFunction(this.ws, this.session(), name, args),
    );
  }

  clientFunctions(): string[] {
    return clientCallableFunctions(this.ws, this.session());
  }

  edit(sheet: string, a1: string, values: string[][]) {
    return this.run(`Edit ${sheet}!${a1}`, () => {
      try {
        return { ok: true as const, ...simulateEdit(this.ws, { ...this.session(), sheet, a1, values }) };
      } catch (error) {
        if (error instanceof EditRefused) return { ok: false as const, refused: error.message };
        throw error;
      }
    });
  }

  select(sheet: string, a1: string): void {
    simulateSelect(this.ws, { ...this.session(), sheet, a1 });
  }

  /**
   * File > Import > Upload > "Insert new sheet(s)", with "Convert text to numbers, dates, and formulas"
   * off: every cell arrives as the text the file holds (a note like "=IMPORTDATA(...)" stays text).
   */
  importCsv(name: string, rows: string[][]): { tab: string; rows: number; columns: number } {
    return this.run(`Import CSV to new tab "${name}"`, () =>
      this.asUser((ss) => {
        if (ss.getSheetByName(name)) throw new Error(`A tab named "${name}" already exists`);
        if (rows.length === 0 || (rows[0] ?? []).length === 0) throw new Error('The CSV has no rows');
        const width = (rows[0] as string[]).length;
        const sheet = ss.insertSheet(name);
        if (rows.length > sheet.getMaxRows())
          sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
        if (width > sheet.getMaxColumns())
          sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
        const range = sheet.getRange(1, 1, rows.length, width);
        range.setNumberFormat('@');
        range.setValues(rows);
        // A person importing a file in Sheets makes no Apps Script call.
        this.ws.ledger.reset();
        return { tab: name, rows: rows.length, columns: width };
      }),
    );
  }

  /** The Sheets UI's sort and filter act as the user; protections apply as they would. */
  private asUser<T>(
    work: (
      ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
      app: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    ) => T,
  ): T {
    const exec = new Execution(this.ws, {
      user: this.meta.user,
      authMode: 'FULL',
      activeSpreadsheetId: this.meta.spreadsheetId,
    });
    try {
      const { SpreadsheetApp } = createServiceGlobals(exec) as {
        SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      };
      return work(SpreadsheetApp.getActiveSpreadsheet(), SpreadsheetApp);
    } finally {
      exec.end();
    }
  }

  sort(sheetName: string, column: number, ascending: boolean): void {
    this.run(`Sort ${sheetName} by column ${column}`, () =>
      this.asUser((ss) => {
        const sheet = ss.getSheetByName(sheetName);
        if (!sheet) throw new Error(`no tab named ${sheetName}`);
        const frozen = Math.max(1, sheet.getFrozenRows());
        const last = sheet.getLastRow();
        if (last <= frozen) return;
        sheet.getRange(frozen + 1, 1, last - frozen, sheet.getMaxColumns()).sort({ column, ascending });
        // A person sorting in Sheets makes no Apps Script call.
        this.ws.ledger.reset();
      }),
    );
  }

  /** Shows only rows whose cell in `column` is one of `visible` (null clears the filter). */
  filter(sheetName: string, column: number, visible: string[] | null): void {
    this.run(`Filter ${sheetName}`, () =>
      this.asUser((ss, app) => {
        const sheet = ss.getSheetByName(sheetName);
        if (!sheet) throw new Error(`no tab named ${sheetName}`);
        const existing = sheet.getFilter();
        if (visible === null) {
          existing?.remove();
          this.ws.ledger.reset();
          return;
        }
        const filter =
          existing ?? sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).createFilter();
        const all = sheet
          .getRange(2, column, Math.max(1, sheet.getLastRow() - 1), 1)
          .getDisplayValues()
          .map((r) => r[0] as string);
        const hidden = [...new Set(all)].filter((v) => !visible.includes(v));
        filter.setColumnFilterCriteria(column, app.newFilterCriteria().setHiddenValues(hidden).build());
        this.ws.ledger.reset();
      }),
    );
  }

  private sheetNamed(name: string): SheetModel {
    const sheet = this.spreadsheet.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no tab named ${name}`);
    return sheet;
  }

  /** The filter views saved on a tab (made through the Sheets API); listing them is no Apps Script call. */
  filterViews(sheetName: string) {
    return filterViewsOf(this.spreadsheet, this.sheetNamed(sheetName));
  }

  /** The filter view the acting person has applied, or null. */
  appliedFilterView(): number | null {
    return this.appliedViews.get(this.meta.user) ?? null;
  }

  /**
   * Applies a filter view (null: closes it) for the acting person only: their window hides and sorts rows
   * by it; other people's windows, the file and every script see no change. A person does this in the UI,
   * so it makes no Apps Script call.
   */
  applyFilterView(sheetName: string, filterViewId: number | null): void {
    const sheet = this.sheetNamed(sheetName);
    const view = filterViewId === null ? null : appliedViewOn(this.spreadsheet, sheet, filterViewId);
    if (filterViewId !== null && !view) throw new Error(`no filter view ${filterViewId} on ${sheetName}`);
    const label = view
      ? `${this.meta.user} applies filter view "${view.title}"`
      : `${this.meta.user} closes the filter view`;
    this.run(label, () => {
      if (view) this.appliedViews.set(this.meta.user, view.filterViewId);
      else this.appliedViews.delete(this.meta.user);
    });
  }

  triggers() {
    return this.ws.triggers.map((t) => ({ ...t }));
  }

  runTrigger(uid: string): unknown {
    const trigger = this.ws.triggers.find((t) => t.uid === uid);
    if (trigger?.eventType !== 'CLOCK') throw new Error('Only time-driven triggers run on demand');
    return this.run(`Run ${trigger.handlerFunction} (time-driven trigger)`, () => runTrigger(this.ws, uid));
  }

  /**
   * Moves the clock forward and fires what came due, as Apps Script would have meanwhile (a repeating
   * trigger fires once, however many of its slots were passed). The operation's label names what ran.
   */
  advanceClock(ms: number): string[] {
    if (!Number.isFinite(ms) || ms <= 0) throw new Error('The clock only moves forward');
    this.meta.clockOffsetMs += ms;
    const label = `Clock moved forward ${Math.round(ms / 60_000)} min`;
    const handlers = new Map(this.ws.triggers.map((t) => [t.uid, t.handlerFunction]));
    const fired = this.run(label, () => fireDueTimeTriggers(this.ws));
    if (this.lastOperation && fired.length > 0)
      this.lastOperation.label = `${label}: ran ${fired.map((uid) => handlers.get(uid) ?? uid).join(', ')}`;
    return fired;
  }

  people() {
    return Object.entries(PEOPLE).map(([role, person]) => ({ role, ...person }));
  }
}
