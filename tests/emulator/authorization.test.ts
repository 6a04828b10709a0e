/**
 * Installable triggers whose owner has not granted the add-on's current scopes (an update added one): the
 * trigger still fires, in AuthMode.FULL, and calls to services that need authorization fail with
 * "Authorization is required to perform that action." Calls that need none still work.
 * Docs: https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle ,
 * https://developers.google.com/apps-script/guides/triggers/installable
 * The allow-list (Logger, Utilities, Properties, Cache, Lock, Session, authorization info) is an assumption
 * to verify on live Apps Script (see runtime/auth.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { simulateEdit } from '../../emulator/events/edit';
import { runTrigger } from '../../emulator/events/time';
import { runFunction } from '../../emulator/loader';
import { AUTHORIZATION_REQUIRED } from '../../emulator/runtime/auth';
import { ScriptException } from '../../emulator/runtime/errors';
import { FAULTS } from '../../emulator/runtime/faults';
import { createRange } from '../../emulator/services/spreadsheet/range';
import { createSpreadsheet } from '../../emulator/services/spreadsheet/spreadsheet';
import { EDITOR, OWNER, servicesFor, workspace } from './support';

const MESSAGE = 'Authorization is required to perform that action.';

/** The tracker, with its owner's grant withdrawn (as when an update adds a scope), and a trigger's services. */
function unauthorizedTrigger(options: { user?: string; activeSpreadsheetId?: boolean } = {}) {
  const { ws, spreadsheetId } = workspace();
  ws.getUser(OWNER).authorized = false;
  const services = servicesFor(ws, {
    user: options.user ?? OWNER,
    effectiveUser: OWNER,
    activeSpreadsheetId: options.activeSpreadsheetId === false ? null : spreadsheetId,
    triggerUid: 'trg_000001',
  });
  ws.ledger.reset();
  return { ws, spreadsheetId, ...services };
}

describe('an installable trigger of a user who has not granted the scopes', () => {
  test('the message is the one Apps Script shows, thrown as a service Exception', () => {
    expect(AUTHORIZATION_REQUIRED).toBe(MESSAGE);
    const { SpreadsheetApp } = unauthorizedTrigger();
    let thrown: unknown;
    try {
      SpreadsheetApp.getActiveSpreadsheet();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ScriptException);
    expect((thrown as Error).name).toBe('Exception');
    expect((thrown as Error).message).toBe(MESSAGE);
  });

  test('every call needing authorization throws: Sheets, Drive, Docs, Mail, triggers, UI and HTML', () => {
    const { spreadsheetId, SpreadsheetApp, DriveApp, DocumentApp, MailApp, ScriptApp, HtmlService } =
      unauthorizedTrigger();
    const calls: (() => unknown)[] = [
      () => SpreadsheetApp.getActiveSpreadsheet(),
      () => SpreadsheetApp.openById(spreadsheetId),
      () => SpreadsheetApp.getUi(),
      () => SpreadsheetApp.flush(),
      () => DriveApp.getFileById(spreadsheetId),
      () => DocumentApp.create('Case report'),
      () => MailApp.getRemainingDailyQuota(),
      () => MailApp.sendEmail('lead@governance.example', 'Digest', 'body'),
      () => ScriptApp.newTrigger('dispatchHourly'),
      () => ScriptApp.getProjectTriggers(),
      () => ScriptApp.getScriptId(),
      () => HtmlService.createHtmlOutput('<p>hi</p>'),
    ];
    for (const call of calls) expect(call).toThrow(MESSAGE);
  });

  test('the event objects it receives refuse too (e.source and e.range of an edit)', () => {
    const { ws, spreadsheetId, exec } = unauthorizedTrigger({ user: EDITOR });
    const model = ws.getSpreadsheet(spreadsheetId);
    const rect = { sheetId: 0, row: 2, column: 2, numRows: 1, numColumns: 1 };
    // Built as events/edit.ts builds them: facades bound to the trigger's execution.
    const source = createSpreadsheet(exec, model);
    const range = createRange(exec, model, model.sheets[0]!, rect);
    expect(() => source.getId()).toThrow(MESSAGE);
    expect(() => range.getA1Notation()).toThrow(MESSAGE);
    expect(() => range.getValue()).toThrow(MESSAGE);
  });

  test('calls that need no authorization still work (the allow-list to verify on live Apps Script)', () => {
    const { ws, ScriptApp, Logger, Utilities, PropertiesService, CacheService, LockService, Session } =
      unauthorizedTrigger();
    // Enums are values, not calls.
    expect(ScriptApp.AuthMode.FULL).toBe('FULL');
    const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    expect(info.getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.REQUIRED);
    expect(info.getAuthorizationUrl()).toContain('/authorize');
    Logger.log('trigger needs authorization');
    expect(Utilities.formatDate(new Date(0), 'UTC', 'yyyy-MM-dd')).toBe('1970-01-01');
    PropertiesService.getScriptProperties().setProperty('needsAuth', 'true');
    expect(PropertiesService.getUserProperties().getProperty('needsAuth')).toBeNull();
    CacheService.getScriptCache().put('k', 'v');
    expect(CacheService.getScriptCache().get('k')).toBe('v');
    const lock = LockService.getScriptLock();
    expect(lock.tryLock(1000)).toBe(true);
    lock.releaseLock();
    expect(Session.getEffectiveUser().getEmail()).toBe(OWNER);
    expect(Session.getScriptTimeZone()).toBe('Europe/Dublin');
    expect(ws.logs.at(-1)?.message).toBe('trigger needs authorization');
    expect(ws.ledger.count('ScriptApp.getAuthorizationInfo')).toBe(1);
    expect(ws.ledger.count('Properties.setProperty')).toBe(1);
  });

  test('a refused call is refused before it runs: nothing changes, fault plans and the ledger skip it', () => {
    const { ws, DriveApp } = unauthorizedTrigger({ activeSpreadsheetId: false });
    ws.faults.failOn('DriveApp.createFolder', 1, FAULTS.serverError());
    const folders = ws.folders.size;
    expect(() => DriveApp.createFolder('Casebook exports')).toThrow(MESSAGE);
    expect(ws.folders.size).toBe(folders);
    // As for calls refused by the auth mode (assertAllowed), a refused call is not in the ledger...
    expect(ws.ledger.count('DriveApp.createFolder')).toBe(0);
    // ...and does not use up a planted fault: the first call that runs gets it.
    ws.getUser(OWNER).authorized = true;
    expect(() => DriveApp.createFolder('Casebook exports')).toThrow('a server error occurred');
  });

  test('an edit trigger checks its owner (the effective user), not the editor who typed', () => {
    const { ScriptApp, SpreadsheetApp } = unauthorizedTrigger({ user: EDITOR });
    expect(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus()).toBe('REQUIRED');
    expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow(MESSAGE);

    // Owner authorized, editor not: the trigger runs with the owner's authority and works.
    const { ws, spreadsheetId } = workspace();
    ws.getUser(EDITOR).authorized = false;
    const run = servicesFor(ws, {
      user: EDITOR,
      effectiveUser: OWNER,
      activeSpreadsheetId: spreadsheetId,
      triggerUid: 'trg_1',
    });
    expect(run.SpreadsheetApp.getActiveSpreadsheet().getId()).toBe(spreadsheetId);
  });
});

describe('runs that are not installable triggers are unchanged', () => {
  test('a menu item or sidebar call (FULL, no trigger) of the same user is not refused by this rule', () => {
    const { ws, spreadsheetId } = workspace();
    ws.getUser(OWNER).authorized = false;
    const menu = servicesFor(ws, { activeSpreadsheetId: spreadsheetId });
    expect(menu.exec.triggerUid).toBeNull();
    expect(menu.SpreadsheetApp.getActiveSpreadsheet().getId()).toBe(spreadsheetId);
    expect(menu.ScriptApp.getAuthorizationInfo(menu.ScriptApp.AuthMode.FULL).getAuthorizationStatus()).toBe(
      'REQUIRED',
    );
  });

  test('an authorized owner’s trigger runs every service as before', () => {
    const { ws, spreadsheetId } = workspace();
    const run = servicesFor(ws, { activeSpreadsheetId: spreadsheetId, triggerUid: 'trg_1' });
    expect(run.SpreadsheetApp.getActiveSpreadsheet().getId()).toBe(spreadsheetId);
    expect(run.ScriptApp.getProjectTriggers()).toEqual([]);
  });
});

const FIXTURE = `
function record_(key, value) {
  PropertiesService.getScriptProperties().setProperty(key, JSON.stringify(value));
}
function status_(e) {
  return { authMode: String(e.authMode),
    status: String(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus()) };
}
function onEdit(e) { record_('simple', { a1: e.range.getA1Notation() }); }
function onTrackerEdit(e) { record_('installed', status_(e)); record_('a1', e.range.getA1Notation()); }
function installTriggers() {
  ScriptApp.newTrigger('onTrackerEdit').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
  ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create();
}
function hourly(e) {
  record_('hourly', status_(e));
  DriveApp.getFilesByName('Casebook export');
  record_('hourlyDone', true);
}
`;

describe('triggers that fire after an update added a scope (fixture script)', () => {
  function fixture() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'casebook-auth-fixture-'));
    writeFileSync(path.join(dir, 'Code.js'), FIXTURE);
    const { ws, spreadsheetId } = workspace({ bundlePath: path.join(dir, 'Code.js') });
    runFunction(ws, { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId }, 'installTriggers');
    // The update: the owner's earlier grant no longer covers the add-on's scopes.
    ws.getUser(OWNER).authorized = false;
    const recorded = (key: string) => {
      const value = ws.propertyStore('script').get(key);
      return value === undefined ? undefined : (JSON.parse(value) as unknown);
    };
    return { ws, spreadsheetId, recorded };
  }

  test('a time-driven trigger still fires in FULL, sees REQUIRED, and fails at its first Drive call', () => {
    const { ws, recorded } = fixture();
    const hourly = ws.triggers.find((t) => t.eventType === 'CLOCK')!;
    expect(() => runTrigger(ws, hourly.uid)).toThrow(MESSAGE);
    expect(recorded('hourly')).toEqual({ authMode: 'FULL', status: 'REQUIRED' });
    expect(recorded('hourlyDone')).toBeUndefined();
  });

  test('an installable edit trigger fails (logged, edit kept); the simple onEdit runs as before', () => {
    const { ws, spreadsheetId, recorded } = fixture();
    const outcome = simulateEdit(ws, {
      user: EDITOR,
      spreadsheetId,
      sheet: 'Sheet1',
      a1: 'B2',
      values: 'P1',
    });
    expect(outcome.triggersRun).toEqual(['onEdit', 'onTrackerEdit']);
    expect(outcome.triggerErrors).toEqual([`onTrackerEdit: ${MESSAGE}`]);
    expect(recorded('simple')).toEqual({ a1: 'B2' });
    expect(recorded('installed')).toEqual({ authMode: 'FULL', status: 'REQUIRED' });
    expect(recorded('a1')).toBeUndefined();
    const { SpreadsheetApp } = servicesFor(ws, { user: EDITOR, activeSpreadsheetId: spreadsheetId });
    expect(SpreadsheetApp.getActiveSpreadsheet().getRange('B2').getValue()).toBe('P1');
  });

  test('once the owner grants the scopes again, the same trigger works', () => {
    const { ws, spreadsheetId, recorded } = fixture();
    ws.getUser(OWNER).authorized = true;
    const outcome = simulateEdit(ws, { user: EDITOR, spreadsheetId, sheet: 'Sheet1', a1: 'C3', values: 'x' });
    expect(outcome.triggerErrors).toEqual([]);
    expect(recorded('installed')).toEqual({ authMode: 'FULL', status: 'NOT_REQUIRED' });
    expect(recorded('a1')).toBe('C3');
  });
});
