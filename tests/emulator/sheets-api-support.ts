/** Shared setup for the Sheets Advanced Service tests: the services of one execution with `Sheets` enabled. */
import { SHEETS_ADVANCED_SERVICE } from '../../emulator/advanced-services';
import { createServiceGlobals } from '../../emulator/globals';
import type { AuthModeName } from '../../emulator/runtime/auth';
import { Execution } from '../../emulator/runtime/execution';
import type { Workspace } from '../../emulator/workspace';
import { OWNER, type Services, workspace } from './support';

/** A response as scripts read it: untyped JSON (the advanced service has no types in @types/google-apps-script). */
// biome-ignore lint/suspicious/noExplicitAny: API responses are read field by field, as scripts read them.
export type ApiJson = any;

/** The slice of the advanced service the emulator models (typed loosely, as scripts use it). */
export interface SheetsService {
  Spreadsheets: {
    get(spreadsheetId: string, optionalArgs?: Record<string, unknown>): Record<string, ApiJson>;
    batchUpdate(resource: Record<string, unknown>, spreadsheetId: string): Record<string, ApiJson>;
    Values: {
      batchGet(spreadsheetId: string, optionalArgs?: Record<string, unknown>): Record<string, ApiJson>;
    };
  };
}

export function withSheets(
  ws: Workspace,
  options: {
    user?: string;
    authMode?: AuthModeName;
    activeSpreadsheetId?: string | null;
    triggerUid?: string;
  } = {},
): Services & { Sheets: SheetsService; exec: Execution } {
  const exec = new Execution(ws, {
    user: options.user ?? OWNER,
    authMode: options.authMode ?? 'FULL',
    activeSpreadsheetId: options.activeSpreadsheetId ?? null,
    ...(options.triggerUid ? { triggerUid: options.triggerUid } : {}),
  });
  const globals = createServiceGlobals(exec, [SHEETS_ADVANCED_SERVICE]) as unknown as Services & {
    Sheets: SheetsService;
  };
  return { ...globals, exec };
}

/** A tracker with a Cases tab of a few rows in several languages, open as the owner with Sheets enabled. */
export function apiTracker() {
  const { ws, spreadsheetId } = workspace();
  const services = withSheets(ws, { activeSpreadsheetId: spreadsheetId });
  const ss = services.SpreadsheetApp.getActiveSpreadsheet();
  const cases = ss.getSheets()[0]!.setName('Cases');
  cases.getRange(1, 1, 6, 4).setValues([
    ['Case ID', 'Status', 'Reviewer', 'Seller'],
    ['C-1', 'Open', 'ana.ops@governance.example', 'Łódź Moda'],
    ['C-2', 'Closed', 'lead@governance.example', 'Café Olé'],
    ['C-3', 'Open', '', 'Ελληνικά Είδη'],
    ['C-4', 'Escalated', 'ana.ops@governance.example', ''],
    ['C-5', 'open', 'lead@governance.example', '=1+1 (text)'],
  ]);
  const settings = ss.insertSheet('Settings');
  ws.ledger.reset();
  return { ws, spreadsheetId, ss, cases, settings, ...services };
}
