/** Shared setup for emulator tests: a workspace with an owner and an editor, one tracker, and its services. */

import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createServiceGlobals } from '../../emulator/globals';
import type { AuthModeName } from '../../emulator/runtime/auth';
import { Execution } from '../../emulator/runtime/execution';
import { createWorkspace, type Workspace, type WorkspaceOptions } from '../../emulator/workspace';

export const OWNER = 'lead@governance.example';
export const EDITOR = 'ana.ops@governance.example';

export interface Services {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  LockService: GoogleAppsScript.Lock.LockService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  DriveApp: GoogleAppsScript.Drive.DriveApp;
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
}

export function workspace(options: WorkspaceOptions = {}): { ws: Workspace; spreadsheetId: string } {
  const ws = createWorkspace({ users: [{ email: OWNER }, { email: EDITOR }], ...options });
  const ss = ws.createSpreadsheet({ name: 'EU governance tracker', owner: OWNER });
  ws.shareSpreadsheet(ss.id, EDITOR);
  return { ws, spreadsheetId: ss.id };
}

/** A bundle with no functions, for emulator tests of user edits that must not depend on build/Code.js. */
export function emptyBundle(): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'casebook-empty-')), 'Code.js');
  writeFileSync(file, '// no triggers\n');
  return file;
}

/** The services one execution sees. */
export function servicesFor(
  ws: Workspace,
  options: {
    user?: string;
    authMode?: AuthModeName;
    activeSpreadsheetId?: string | null;
    effectiveUser?: string;
    /** Makes the execution an installable trigger's run. */
    triggerUid?: string;
  } = {},
): Services & { exec: Execution } {
  const exec = new Execution(ws, {
    user: options.user ?? OWNER,
    authMode: options.authMode ?? 'FULL',
    activeSpreadsheetId: options.activeSpreadsheetId ?? null,
    ...(options.effectiveUser ? { effectiveUser: options.effectiveUser } : {}),
    ...(options.triggerUid ? { triggerUid: options.triggerUid } : {}),
  });
  return { ...(createServiceGlobals(exec) as unknown as Services), exec };
}

/** A tracker open as `user`, with its first sheet. */
export function tracker(user = OWNER, options: WorkspaceOptions = {}) {
  const { ws, spreadsheetId } = workspace(options);
  const services = servicesFor(ws, { user, activeSpreadsheetId: spreadsheetId });
  const ss = services.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0]!;
  ws.ledger.reset();
  return { ws, spreadsheetId, ss, sheet, ...services };
}
