/**
 * A person typing, pasting or clearing cells in Sheets. Unlike a script's setValues, a user edit is checked
 * against protections for that user (warning-only protections let it through with a warning) and against
 * data validation rules that reject invalid input. Then the simple onEdit trigger runs (LIMITED, as the
 * editor) and every installable edit trigger on the spreadsheet runs (FULL, as its owner), each with the
 * event object Sheets builds: value/oldValue only for a single cell, oldValue absent when it was empty.
 * Docs: https://developers.google.com/apps-script/guides/triggers/events#edit ,
 * https://developers.google.com/apps-script/guides/triggers#onedite ,
 * https://support.google.com/docs/answer/186103 (data validation: "Reject input").
 */
import { loadBundle } from '../loader';
import { parseA1 } from '../services/spreadsheet/a1';
import { isValueValid } from '../services/spreadsheet/data-validation';
import {
  type CellValue,
  cellAt,
  cellForWrite,
  type GridRect,
  type SheetModel,
} from '../services/spreadsheet/model';
import { canEdit } from '../services/spreadsheet/protection';
import { createRange } from '../services/spreadsheet/range';
import { createSpreadsheet } from '../services/spreadsheet/spreadsheet';
import { userInputToCell } from '../services/spreadsheet/values';
import type { Workspace } from '../workspace';

export interface EditOptions {
  user: string;
  spreadsheetId: string;
  /** Sheet (tab) name. */
  sheet: string;
  /** The top-left cell, or the whole range, in A1 notation. */
  a1: string;
  /** What the user typed or pasted, row by row; '' clears a cell. A single string edits one cell. */
  values: string | string[][];
}

export interface EditOutcome {
  /** Set when a warning-only protection asked the user to confirm (they did). */
  warning: string | null;
  /** Trigger functions that ran, in order ("onEdit", then installed handlers). */
  triggersRun: string[];
  /** Errors thrown by triggers. As in Sheets, a failing trigger does not undo the edit; the failure is logged. */
  triggerErrors: string[];
}

/** Sheets refused the edit (protected range, rejected by validation): nothing was written. */
export class EditRefused extends Error {
  override name = 'EditRefused';
}

function editRect(sheet: SheetModel, a1: string, rows: string[][]): GridRect {
  const parsed = parseA1(a1);
  const numRows = rows.length;
  const numColumns = Math.max(...rows.map((r) => r.length));
  if (numRows === 0 || numColumns === 0) throw new Error('simulateEdit needs at least one value');
  return { sheetId: sheet.sheetId, row: parsed.row ?? 1, column: parsed.column ?? 1, numRows, numColumns };
}

function displayOld(value: CellValue): string | undefined {
  if (value === '') return undefined;
  if (Object.prototype.toString.call(value) === '[object Date]') return String((value as Date).getTime());
  return String(value);
}

export function simulateEdit(ws: Workspace, options: EditOptions): EditOutcome {
  const ss = ws.getSpreadsheet(options.spreadsheetId);
  if (!ss.editors.has(options.user) && ss.owner !== options.user) {
    throw new EditRefused(`${options.user} can only view this spreadsheet`);
  }
  const sheet = ss.sheets.find((s) => s.name === options.sheet);
  if (!sheet) throw new Error(`no sheet named ${options.sheet}`);
  const rows = typeof options.values === 'string' ? [[options.values]] : options.values;
  const rect = editRect(sheet, options.a1, rows);
  if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.column + rect.numColumns - 1 > sheet.maxColumns) {
    throw new EditRefused('The edit goes beyond the sheet');
  }

  const access = canEdit(ss, options.user, rect);
  if (access === 'blocked') {
    throw new EditRefused(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
  }

  // Validate every cell before writing any: a rejected paste writes nothing.
  const next = rows.map((line, r) =>
    line.map((typed, c) => {
      const row = rect.row + r;
      const column = rect.column + c;
      const cell = cellAt(sheet, row, column);
      const parsed = userInputToCell(typed, { plainText: cell?.numberFormat === '@', timeZone: ss.timeZone });
      const rule = cell?.validation;
      if (
        rule &&
        !rule.allowInvalid &&
        parsed.formula === '' &&
        parsed.value !== '' &&
        !isValueValid(ss, rule, parsed.value)
      ) {
        throw new EditRefused(
          `There was a problem: ${rule.helpText ?? 'The data you entered violates the data validation rules set on this cell.'}`,
        );
      }
      return { row, column, parsed, old: cell?.value ?? '' };
    }),
  );

  const single = rect.numRows === 1 && rect.numColumns === 1;
  const first = next[0]?.[0];
  for (const line of next) {
    for (const { row, column, parsed } of line) {
      const cell = cellForWrite(sheet, row, column);
      cell.value = parsed.value;
      cell.formula = parsed.formula;
    }
  }

  const triggersRun: string[] = [];
  const triggerErrors: string[] = [];
  const runTrigger = (name: string, run: () => unknown) => {
    triggersRun.push(name);
    try {
      run();
    } catch (error) {
      // Errors thrown inside the script come from its own realm: read the message without instanceof.
      const message = `${name}: ${error && typeof error === 'object' && 'message' in error ? String(error.message) : String(error)}`;
      triggerErrors.push(message);
      ws.logs.push({ level: 'error', message: `Execution failed: ${message}` });
    }
  };
  const event = (bundle: ReturnType<typeof loadBundle>, authMode: string, triggerUid?: string) => {
    const e: Record<string, unknown> = {
      authMode,
      range: createRange(bundle.execution, ss, sheet, { ...rect }),
      source: createSpreadsheet(bundle.execution, ss),
      user: bundle.execution.activeUserVisible ? options.user : '',
    };
    if (single && first) {
      if (first.parsed.value !== '' || first.parsed.formula !== '')
        e.value = typeof options.values === 'string' ? options.values : rows[0]?.[0];
      const old = displayOld(first.old);
      if (old !== undefined) e.oldValue = old;
    }
    if (triggerUid) e.triggerUid = triggerUid;
    return e;
  };

  const simple = loadBundle(ws, { user: options.user, authMode: 'LIMITED', activeSpreadsheetId: ss.id });
  try {
    if (simple.has('onEdit')) runTrigger('onEdit', () => simple.call('onEdit', event(simple, 'LIMITED')));
  } finally {
    simple.end();
  }

  for (const trigger of ws.triggers.filter((t) => t.eventType === 'ON_EDIT' && t.triggerSourceId === ss.id)) {
    const installed = loadBundle(ws, {
      user: options.user,
      effectiveUser: trigger.owner,
      authMode: 'FULL',
      activeSpreadsheetId: ss.id,
      triggerUid: trigger.uid,
    });
    try {
      runTrigger(trigger.handlerFunction, () =>
        installed.call(trigger.handlerFunction, event(installed, 'FULL', trigger.uid)),
      );
    } finally {
      installed.end();
    }
  }
  return {
    warning: access === 'warn' ? 'You are trying to edit a protected range.' : null,
    triggersRun,
    triggerErrors,
  };
}
