/**
 * Simulated user edits and time-driven triggers, run against a small fixture script (not Casebook's bundle),
 * so the event objects themselves are what is tested.
 * Docs: https://developers.google.com/apps-script/guides/triggers/events#edit ,
 * https://developers.google.com/apps-script/guides/triggers/events#time-driven_events ,
 * https://developers.google.com/apps-script/guides/triggers/installable
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EditRefused, simulateEdit } from '../../emulator/events/edit';
import { simulateSelect } from '../../emulator/events/select';
import { fireDueTimeTriggers, runTrigger } from '../../emulator/events/time';
import { runFunction } from '../../emulator/loader';
import { EDITOR, OWNER, servicesFor, workspace } from './support';

const FIXTURE = `
function record_(key, value) {
  PropertiesService.getScriptProperties().setProperty(key, JSON.stringify(value));
}
function describe_(e) {
  return {
    authMode: String(e.authMode), a1: e.range.getA1Notation(), sheet: e.range.getSheet().getName(),
    source: e.source.getId(), user: e.user, hasValue: 'value' in e, value: e.value,
    hasOldValue: 'oldValue' in e, oldValue: e.oldValue, triggerUid: e.triggerUid || null,
    activeUser: Session.getActiveUser().getEmail(), effectiveUser: Session.getEffectiveUser().getEmail(),
  };
}
function readSelection() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  record_('selection', { sheet: ss.getActiveSheet().getName(), a1: ss.getActiveRange().getA1Notation(),
    rangeSheet: ss.getActiveRange().getSheet().getName() });
}
function onEdit(e) { record_('simple', describe_(e)); }
function onTrackerEdit(e) { record_('installed', describe_(e)); }
function installEditTrigger() {
  ScriptApp.newTrigger('onTrackerEdit').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
}
function installHourly() { ScriptApp.newTrigger('dispatchHourly').timeBased().everyHours(1).create(); }
function dispatchHourly(e) {
  var runs = JSON.parse(PropertiesService.getScriptProperties().getProperty('runs') || '[]');
  runs.push({ hour: e.hour, uid: e.triggerUid, active: SpreadsheetApp.getActiveSpreadsheet() === null ? null : 'open',
              as: Session.getEffectiveUser().getEmail(), now: new Date().toISOString() });
  PropertiesService.getScriptProperties().setProperty('runs', JSON.stringify(runs));
}
`;

function fixture() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casebook-fixture-'));
  writeFileSync(path.join(dir, 'Code.js'), FIXTURE);
  const { ws, spreadsheetId } = workspace({ bundlePath: path.join(dir, 'Code.js') });
  const recorded = (key: string) => {
    const value = ws.propertyStore('script').get(key);
    return value === undefined ? undefined : (JSON.parse(value) as Record<string, unknown>);
  };
  return { ws, spreadsheetId, recorded };
}

describe('simulateEdit', () => {
  test('a single-cell edit writes the cell and fires onEdit (LIMITED, as the editor) with value and oldValue', () => {
    const { ws, spreadsheetId, recorded } = fixture();
    simulateEdit(ws, { user: EDITOR, spreadsheetId, sheet: 'Sheet1', a1: 'B3', values: 'P2' });
    expect(recorded('simple')).toMatchObject({
      authMode: 'LIMITED',
      a1: 'B3',
      hasValue: true,
      value: 'P2',
      hasOldValue: false,
      user: EDITOR,
    });
    const outcome = simulateEdit(ws, {
      user: EDITOR,
      spreadsheetId,
      sheet: 'Sheet1',
      a1: 'B3',
      values: 'P1',
    });
    expect(recorded('simple')).toMatchObject({ value: 'P1', hasOldValue: true, oldValue: 'P2' });
    expect(outcome.triggersRun).toEqual(['onEdit']);
    const { SpreadsheetApp } = servicesFor(ws, { activeSpreadsheetId: spreadsheetId });
    expect(SpreadsheetApp.getActiveSpreadsheet().getRange('B3').getValue()).toBe('P1');
  });

  test('typed input converts as in Sheets ("007" -> 7) unless the cell is plain text', () => {
    const { ws, spreadsheetId } = fixture();
    const { SpreadsheetApp } = servicesFor(ws, { activeSpreadsheetId: spreadsheetId });
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    sheet.getRange('A2').setNumberFormat('@');
    simulateEdit(ws, { user: EDITOR, spreadsheetId, sheet: 'Sheet1', a1: 'A1', values: [['007'], ['007']] });
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[7], ['007']]);
  });

  test('a paste (several cells) gives a multi-cell range and no value or oldValue', () => {
    const { ws, spreadsheetId, recorded } = fixture();
    simulateEdit(ws, {
      user: EDITOR,
      spreadsheetId,
      sheet: 'Sheet1',
      a1: 'A2',
      values: [
        ['x', 'y'],
        ['z', 'w'],
      ],
    });
    expect(recorded('simple')).toMatchObject({ a1: 'A2:B3', hasValue: false, hasOldValue: false });
  });

  test('clearing a cell gives oldValue and no value', () => {
    const { ws, spreadsheetId, recorded } = fixture();
    simulateEdit(ws, { user: EDITOR, spreadsheetId, sheet: 'Sheet1', a1: 'C1', values: 'Open' });
    simulateEdit(ws, { user: EDITOR, spreadsheetId, sheet: 'Sheet1', a1: 'C1', values: '' });
    expect(recorded('simple')).toMatchObject({ hasValue: false, oldValue: 'Open' });
  });

  test('installed edit triggers run in FULL as their owner, after the simple trigger, with triggerUid', () => {
    const { ws, spreadsheetId, recorded } = fixture();
    runFunction(
      ws,
      { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId },
      'installEditTrigger',
    );
    const outcome = simulateEdit(ws, {
      user: EDITOR,
      spreadsheetId,
      sheet: 'Sheet1',
      a1: 'D4',
      values: 'DE',
    });
    expect(outcome.triggersRun).toEqual(['onEdit', 'onTrackerEdit']);
    expect(recorded('installed')).toMatchObject({
      authMode: 'FULL',
      triggerUid: ws.triggers[0]!.uid,
      effectiveUser: OWNER,
      activeUser: EDITOR,
      value: 'DE',
    });
    expect(recorded('simple')).toMatchObject({ effectiveUser: EDITOR, triggerUid: null });
  });

  test('a protected cell refuses the edit for that user and writes nothing; the owner may edit', () => {
    const { ws, spreadsheetId, recorded } = fixture();
    const { SpreadsheetApp } = servicesFor(ws, { user: OWNER, activeSpreadsheetId: spreadsheetId });
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    sheet.getRange('A1:Z1').protect().removeEditors([EDITOR]);
    expect(() =>
      simulateEdit(ws, { user: EDITOR, spreadsheetId, sheet: 'Sheet1', a1: 'A1', values: 'hacked' }),
    ).toThrow(EditRefused);
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(recorded('simple')).toBeUndefined();
    simulateEdit(ws, { user: OWNER, spreadsheetId, sheet: 'Sheet1', a1: 'A1', values: 'Case ID' });
    expect(sheet.getRange('A1').getValue()).toBe('Case ID');
  });

  test('a rule that rejects invalid input refuses a bad paste whole, showing its help text', () => {
    const { ws, spreadsheetId } = fixture();
    const { SpreadsheetApp } = servicesFor(ws, { activeSpreadsheetId: spreadsheetId });
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    sheet
      .getRange('B2:B10')
      .setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList(['P1', 'P2'])
          .setAllowInvalid(false)
          .setHelpText('Pick P1 or P2')
          .build(),
      );
    expect(() =>
      simulateEdit(ws, { user: EDITOR, spreadsheetId, sheet: 'Sheet1', a1: 'B2', values: [['P1'], ['P9']] }),
    ).toThrow('There was a problem: Pick P1 or P2');
    expect(sheet.getRange('B2:B3').getValues()).toEqual([[''], ['']]);
  });

  test('a trigger that throws does not undo the edit; the failure is logged', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'casebook-fixture-'));
    writeFileSync(path.join(dir, 'Code.js'), 'function onEdit(e) { throw new Error("boom"); }');
    const { ws, spreadsheetId } = workspace({ bundlePath: path.join(dir, 'Code.js') });
    const outcome = simulateEdit(ws, {
      user: EDITOR,
      spreadsheetId,
      sheet: 'Sheet1',
      a1: 'A1',
      values: 'kept',
    });
    expect(outcome.triggerErrors).toEqual(['onEdit: boom']);
    expect(ws.getSpreadsheet(spreadsheetId).sheets[0]!.cells[0]![0]!.value).toBe('kept');
  });
});

describe('simulateSelect', () => {
  test("a selection is the user's own: getActiveRange and getActiveSheet return it in that user's executions", () => {
    const { ws, spreadsheetId, recorded } = fixture();
    ws.getSpreadsheet(spreadsheetId).sheets.push({
      ...ws.getSpreadsheet(spreadsheetId).sheets[0]!,
      sheetId: 77,
      name: 'Other',
    });
    simulateSelect(ws, { user: EDITOR, spreadsheetId, sheet: 'Other', a1: 'B7:C9' });
    runFunction(ws, { user: EDITOR, authMode: 'FULL', activeSpreadsheetId: spreadsheetId }, 'readSelection');
    expect(recorded('selection')).toEqual({ sheet: 'Other', a1: 'B7:C9', rangeSheet: 'Other' });
    // The owner never selected anything: Sheets gives A1 of the active sheet.
    runFunction(ws, { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId }, 'readSelection');
    expect(recorded('selection')).toMatchObject({ a1: 'A1' });
  });

  test('a selection outside the sheet or by someone without access is refused', () => {
    const { ws, spreadsheetId } = fixture();
    expect(() => simulateSelect(ws, { user: EDITOR, spreadsheetId, sheet: 'Sheet1', a1: 'A5000' })).toThrow(
      /outside/,
    );
    expect(() =>
      simulateSelect(ws, { user: 'stranger@example.com', spreadsheetId, sheet: 'Sheet1', a1: 'A1' }),
    ).toThrow(/cannot open/);
  });
});

describe('time-driven triggers', () => {
  test('fire when due, as their owner, with no active spreadsheet, once per slot', () => {
    const { ws, spreadsheetId, recorded } = fixture();
    runFunction(ws, { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId }, 'installHourly');
    expect(fireDueTimeTriggers(ws)).toEqual([]);
    ws.clock.advance(3_600_000);
    expect(fireDueTimeTriggers(ws)).toHaveLength(1);
    expect(fireDueTimeTriggers(ws)).toEqual([]);
    const runs = recorded('runs') as unknown as {
      hour: number;
      uid: string;
      active: null;
      as: string;
      now: string;
    }[];
    expect(runs).toEqual([
      { hour: 10, uid: ws.triggers[0]!.uid, active: null, as: OWNER, now: '2026-11-23T10:00:00.000Z' },
    ]);
  });

  test('a late dispatcher runs once for the missed hours, then waits for the next slot', () => {
    const { ws, spreadsheetId, recorded } = fixture();
    runFunction(ws, { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId }, 'installHourly');
    ws.clock.advance(3.5 * 3_600_000);
    fireDueTimeTriggers(ws);
    expect((recorded('runs') as unknown as unknown[]).length).toBe(1);
    expect(ws.triggers[0]!.nextRunMs).toBe(Date.UTC(2026, 10, 23, 13));
    runTrigger(ws, ws.triggers[0]!.uid);
    expect((recorded('runs') as unknown as unknown[]).length).toBe(2);
  });
});
