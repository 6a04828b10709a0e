/**
 * SpreadsheetApp: the active spreadsheet (none in a time-driven run), files by ID for users who may open
 * them, the UI, builders and enums.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app
 */
import { ScriptException } from '../../runtime/errors';
import type { Execution } from '../../runtime/execution';
import { emulate } from '../../runtime/instrument';
import { createUi } from '../ui';
import { BooleanCriteria, newConditionalFormatRule } from './conditional-format';
import { DataValidationCriteria, newDataValidation } from './data-validation';
import { DeveloperMetadataVisibility } from './developer-metadata';
import { newFilterCriteria } from './filter';
import { type SpreadsheetModel, sheetById } from './model';
import { ProtectionType } from './protection';
import { createRange } from './range';
import { createSheet } from './sheet';
import { createSpreadsheet } from './spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type AppMembers =
  | 'getActive'
  | 'getActiveSpreadsheet'
  | 'getActiveSheet'
  | 'getActiveRange'
  | 'create'
  | 'openById'
  | 'openByUrl'
  | 'flush'
  | 'getUi'
  | 'newDataValidation'
  | 'newConditionalFormatRule'
  | 'newFilterCriteria';

class EmulatedSpreadsheetApp implements Pick<App, AppMembers> {
  readonly DataValidationCriteria = DataValidationCriteria as unknown as App['DataValidationCriteria'];
  readonly BooleanCriteria = BooleanCriteria as unknown as App['BooleanCriteria'];
  readonly ProtectionType = ProtectionType as unknown as App['ProtectionType'];
  readonly DeveloperMetadataVisibility =
    DeveloperMetadataVisibility as unknown as App['DeveloperMetadataVisibility'];

  constructor(private readonly exec: Execution) {}

  private active(): SpreadsheetModel | null {
    const id = this.exec.activeSpreadsheetId;
    return id === null ? null : this.exec.workspace.getSpreadsheet(id);
  }

  /** Docs: "returns null if there is no active spreadsheet" (e.g. time-driven triggers). */
  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    const ss = this.active();
    return (ss ? createSpreadsheet(this.exec, ss) : null) as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.getActiveSpreadsheet();
  }

  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    const ss = this.active();
    return (
      ss ? createSheet(this.exec, ss, sheetById(ss, ss.activeSheetId)) : null
    ) as GoogleAppsScript.Spreadsheet.Sheet;
  }

  getActiveRange(): GoogleAppsScript.Spreadsheet.Range {
    const ss = this.active();
    if (!ss) return null as unknown as GoogleAppsScript.Spreadsheet.Range;
    const rect = ss.selections.get(this.exec.user.email) ?? {
      sheetId: ss.activeSheetId,
      row: 1,
      column: 1,
      numRows: 1,
      numColumns: 1,
    };
    return createRange(this.exec, ss, sheetById(ss, rect.sheetId), rect);
  }

  /**
   * Docs (SpreadsheetApp.create(name)): "Creates a new spreadsheet with the given name." It belongs to the
   * effective user (an installable trigger's owner), sits in the root of their Drive and has one sheet,
   * "Sheet1". Only the one-argument form is emulated. Docs:
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#create(String)
   */
  create(name: string, ...rest: unknown[]): GoogleAppsScript.Spreadsheet.Spreadsheet {
    if (rest.length > 0)
      throw new ScriptException('SpreadsheetApp.create(name, rows, columns) is not emulated');
    if (typeof name !== 'string' || name === '') throw new ScriptException('Invalid argument: name');
    const model = this.exec.workspace.createSpreadsheet({ name, owner: this.exec.effectiveUser.email });
    return createSpreadsheet(this.exec, model);
  }

  /** Docs: throws when the file does not exist or the user lacks permission. */
  openById(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    const ss = this.exec.workspace.spreadsheets.get(String(id));
    const email = this.exec.effectiveUser.email;
    if (!ss || !(ss.owner === email || ss.editors.has(email) || ss.viewers.has(email))) {
      throw new ScriptException(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    }
    return createSpreadsheet(this.exec, ss);
  }

  openByUrl(url: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    const match = /\/spreadsheets\/d\/([^/]+)/.exec(String(url));
    if (!match?.[1]) throw new ScriptException('Invalid argument: url');
    return this.openById(match[1]);
  }

  /** Writes are applied immediately here; flush only costs time in the latency model (facts: about 0.5 s). */
  flush(): void {}

  getUi(): GoogleAppsScript.Base.Ui {
    return createUi(this.exec, this.exec.activeSpreadsheetId);
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return newDataValidation(this.exec);
  }

  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return newConditionalFormatRule(this.exec);
  }

  newFilterCriteria(): GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder {
    return newFilterCriteria(this.exec);
  }
}

export function createSpreadsheetApp(exec: Execution): App {
  return emulate(new EmulatedSpreadsheetApp(exec), 'SpreadsheetApp', exec) as unknown as App;
}
