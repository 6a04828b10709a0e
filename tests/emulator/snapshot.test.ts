/**
 * Workspace snapshots: what a playground saves to a file and restores on restart. Restored state is read
 * back through the Apps Script services of a fresh execution, as a script after the restart would see it.
 */
import { cellAt } from '../../emulator/services/spreadsheet/model';
import { restoreWorkspace, SNAPSHOT_VERSION, snapshotWorkspace } from '../../emulator/snapshot';
import type { Workspace } from '../../emulator/workspace';
import { EDITOR, OWNER, type Services, servicesFor, tracker, workspace } from './support';

const DUE = new Date(Date.UTC(2026, 10, 30, 17, 45, 12, 250));

/** Everything a script can read about the tracker through SpreadsheetApp. */
function observe(services: Services) {
  const ss = services.SpreadsheetApp.getActiveSpreadsheet();
  const sheets = ss.getSheets().map((sheet) => {
    const range = sheet.getRange(1, 1, 12, 10);
    const filter = sheet.getFilter();
    return {
      name: sheet.getName(),
      id: sheet.getSheetId(),
      maxRows: sheet.getMaxRows(),
      maxColumns: sheet.getMaxColumns(),
      lastRow: sheet.getLastRow(),
      lastColumn: sheet.getLastColumn(),
      frozenRows: sheet.getFrozenRows(),
      hidden: [...Array(12).keys()].map((i) => sheet.isRowHiddenByUser(i + 1)),
      values: range.getValues(),
      display: range.getDisplayValues(),
      notes: range.getNotes(),
      formats: range.getNumberFormats(),
      backgrounds: range.getBackgrounds(),
      bold: sheet.getRange('A1').getFontWeight(),
      validations: range.getDataValidations().map((line) =>
        line.map((rule) =>
          rule
            ? {
                type: rule.getCriteriaType(),
                values: rule
                  .getCriteriaValues()
                  .map((v) =>
                    typeof v === 'object' && v !== null && 'getA1Notation' in v
                      ? (v as GoogleAppsScript.Spreadsheet.Range).getA1Notation()
                      : v,
                  ),
                help: rule.getHelpText(),
                allowInvalid: rule.getAllowInvalid(),
              }
            : null,
        ),
      ),
      conditionalFormats: sheet.getConditionalFormatRules().map((rule) => ({
        ranges: rule.getRanges().map((r) => r.getA1Notation()),
        type: rule.getBooleanCondition()!.getCriteriaType(),
        values: rule.getBooleanCondition()!.getCriteriaValues(),
        background: rule.getBooleanCondition()!.getBackground(),
      })),
      filter: filter && {
        range: filter.getRange().getA1Notation(),
        hidden: filter.getColumnFilterCriteria(1)?.getHiddenValues() ?? null,
        rowsHidden: [...Array(5).keys()].map((i) => sheet.isRowHiddenByFilter(i + 1)),
      },
    };
  });
  const protections = (type: GoogleAppsScript.Spreadsheet.ProtectionType) =>
    ss.getProtections(type).map((p) => ({
      range: p.getRange().getA1Notation(),
      sheet: p.getRange().getSheet().getName(),
      description: p.getDescription(),
      warningOnly: p.isWarningOnly(),
      editors: p
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
      unprotected: p.getUnprotectedRanges().map((r) => r.getA1Notation()),
    }));
  return {
    name: ss.getName(),
    timeZone: ss.getSpreadsheetTimeZone(),
    activeSheet: ss.getActiveSheet().getName(),
    activeRange: ss.getActiveRange()?.getA1Notation(),
    namedRanges: ss
      .getNamedRanges()
      .map((n) => [n.getName(), n.getRange().getSheet().getName(), n.getRange().getA1Notation()]),
    sheets,
    rangeProtections: protections(services.SpreadsheetApp.ProtectionType.RANGE),
    sheetProtections: protections(services.SpreadsheetApp.ProtectionType.SHEET),
    developerMetadata: ss
      .getDeveloperMetadata()
      .map((m) => [m.getId(), m.getKey(), m.getValue(), String(m.getVisibility())]),
  };
}

/** A tracker holding every kind of spreadsheet content the emulator models. */
function fullTracker() {
  const t = tracker();
  const { ss, sheet, SpreadsheetApp } = t;
  const lists = ss.insertSheet('Lists');
  lists.getRange('A1:A3').setValues([['P1'], ['P2'], ['P3']]);
  sheet.getRange('A1:F1').setValues([['Case', 'Count', 'Open', 'Due', 'Empty', 'Severity']]);
  sheet.getRange('A2:F3').setValues([
    ['CASE-1', 42, true, DUE, '', 'P1'],
    ['CASE-2', -3.25, false, '', '', 'P3'],
  ]);
  sheet.getRange('D2').setNumberFormat('yyyy-mm-dd hh:mm');
  sheet.getRange('B4').setNumberFormat('@').setValue('007');
  sheet.getRange('A1').setNote('Case IDs come from intake').setBackground('#d9ead3').setFontWeight('bold');
  sheet.getRange('J12').setValue('far corner'); // rows and columns in between stay sparse
  sheet
    .getRange('F2:F10')
    .setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInRange(lists.getRange('A1:A3'))
        .setAllowInvalid(false)
        .setHelpText('Pick a severity')
        .build(),
    );
  sheet.getRange('D3').setDataValidation(SpreadsheetApp.newDataValidation().requireDateAfter(DUE).build());
  sheet
    .getRange('C2:C3')
    .setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['yes', 'no'], false).build());
  sheet.getRange('A1:F1').protect().setDescription('Header: managed by Casebook').removeEditors([EDITOR]);
  lists
    .protect()
    .setWarningOnly(true)
    .setUnprotectedRanges([lists.getRange('B1:B5')]);
  ss.setNamedRange('Severities', lists.getRange('A1:A3'));
  sheet.setConditionalFormatRules([
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo('P1')
      .setBackground('#fce8e6')
      .setRanges([sheet.getRange('F2:F100')])
      .build(),
  ]);
  sheet
    .getRange('A1:F4')
    .createFilter()
    .setColumnFilterCriteria(1, SpreadsheetApp.newFilterCriteria().setHiddenValues(['CASE-2']).build());
  sheet.setFrozenRows(1);
  sheet.hideRows(8, 2);
  sheet.getRange('B2:C3').activate();
  ss.addDeveloperMetadata('casebook.schemaVersion', '3').addDeveloperMetadata('casebook.tracker');
  return t;
}

function reopen(ws: Workspace, spreadsheetId: string, user = OWNER) {
  return servicesFor(ws, { user, activeSpreadsheetId: spreadsheetId });
}

describe('spreadsheets', () => {
  test('every kind of content reads back the same through SpreadsheetApp after a restore', () => {
    const t = fullTracker();
    const before = observe(t);
    const restored = restoreWorkspace(snapshotWorkspace(t.ws));
    const after = observe(reopen(restored, t.spreadsheetId));
    expect(after).toEqual(before);

    // Not vacuous: the content is there, with its types.
    const [head, row2, row3, row4] = after.sheets[0]!.values;
    expect(head).toEqual(['Case', 'Count', 'Open', 'Due', 'Empty', 'Severity', '', '', '', '']);
    expect(row2!.slice(0, 6)).toEqual(['CASE-1', 42, true, DUE, '', 'P1']);
    expect(row2![3]).toBeInstanceOf(Date);
    expect((row2![3] as Date).getTime()).toBe(DUE.getTime());
    expect(row3!.slice(0, 2)).toEqual(['CASE-2', -3.25]);
    expect(row4![1]).toBe('007');
    expect(after.sheets[0]!.formats[3]![1]).toBe('@');
    expect(after.sheets[0]!.display[1]![3]).toBe('2026-11-30 17:45');
    expect(after.sheets[0]!.values[11]![9]).toBe('far corner');
    expect(after.sheets[0]!.notes[0]![0]).toBe('Case IDs come from intake');
    expect(after.sheets[0]!.validations[4]![5]).toEqual({
      type: 'VALUE_IN_RANGE',
      values: ['A1:A3', true],
      help: 'Pick a severity',
      allowInvalid: false,
    });
    expect(after.sheets[0]!.validations[2]![3]).toMatchObject({ type: 'DATE_AFTER', values: [DUE] });
    expect(after.rangeProtections).toEqual([
      {
        range: 'A1:F1',
        sheet: 'Sheet1',
        description: 'Header: managed by Casebook',
        warningOnly: false,
        editors: [OWNER],
        unprotected: [],
      },
    ]);
    expect(after.sheetProtections[0]).toMatchObject({
      sheet: 'Lists',
      warningOnly: true,
      unprotected: ['B1:B5'],
    });
    expect(after.namedRanges).toEqual([['Severities', 'Lists', 'A1:A3']]);
    expect(after.sheets[0]!.conditionalFormats).toEqual([
      { ranges: ['F2:F100'], type: 'TEXT_EQUAL_TO', values: ['P1'], background: '#fce8e6' },
    ]);
    expect(after.sheets[0]!.filter).toEqual({
      range: 'A1:F4',
      hidden: ['CASE-2'],
      rowsHidden: [false, false, true, false, false],
    });
    expect(after.developerMetadata).toEqual([
      [1, 'casebook.schemaVersion', '3', 'DOCUMENT'],
      [2, 'casebook.tracker', null, 'DOCUMENT'],
    ]);
    expect(after.activeRange).toBe('B2:C3');
    expect(after.sheets[0]!.hidden.slice(6, 10)).toEqual([false, true, true, false]);
  });

  test('the restored model equals the saved one exactly: sparse cells, Sets, Maps, shared rules', () => {
    const t = fullTracker();
    const restored = restoreWorkspace(snapshotWorkspace(t.ws));
    const saved = t.ws.getSpreadsheet(t.spreadsheetId);
    const model = restored.getSpreadsheet(t.spreadsheetId);
    expect(model).toStrictEqual(saved);
    expect(model).not.toBe(saved);
    expect(model.editors).toEqual(new Set([OWNER, EDITOR]));
    expect(model.protections[0]!.editors).toBeInstanceOf(Set);
    const sheet = model.sheets[0]!;
    // Row 11 was never written: a hole before the snapshot and after it.
    expect(10 in saved.sheets[0]!.cells).toBe(false);
    expect(10 in sheet.cells).toBe(false);
    // One rule applied to F2:F10 is one object, as before the snapshot.
    expect(cellAt(saved.sheets[0]!, 3, 6)!.validation).toBe(cellAt(saved.sheets[0]!, 2, 6)!.validation);
    expect(cellAt(sheet, 3, 6)!.validation).toBe(cellAt(sheet, 2, 6)!.validation);
  });

  test('restored spreadsheets behave: edits, protections and row insertion work as before', () => {
    const t = fullTracker();
    const restored = restoreWorkspace(snapshotWorkspace(t.ws));
    const editor = reopen(restored, t.spreadsheetId, EDITOR).SpreadsheetApp.getActiveSheet();
    expect(() => editor.getRange('A1').setValue('x')).toThrow('protected cell');
    editor.getRange('A5').setValue('CASE-3');
    const owner = reopen(restored, t.spreadsheetId);
    owner.SpreadsheetApp.getActiveSheet().insertRowsBefore(1, 1);
    expect(owner.SpreadsheetApp.getActiveSpreadsheet().getRangeByName('Severities')!.getA1Notation()).toBe(
      'A1:A3',
    );
    expect(
      owner.SpreadsheetApp.getActiveSpreadsheet()
        .getProtections(owner.SpreadsheetApp.ProtectionType.RANGE)[0]!
        .getRange()
        .getA1Notation(),
    ).toBe('A2:F2');
    expect(owner.SpreadsheetApp.getActiveSheet().getRange('A6').getValue()).toBe('CASE-3');
  });

  test('developer metadata survives: same IDs, keys and values; new IDs continue; the limit still counts it', () => {
    const t = fullTracker();
    const restored = restoreWorkspace(snapshotWorkspace(t.ws));
    const ss = reopen(restored, t.spreadsheetId, EDITOR).SpreadsheetApp.getActiveSpreadsheet();
    const [schema] = ss.getDeveloperMetadata();
    schema!.setValue('4');
    ss.addDeveloperMetadata('casebook.migrated', 'yes');
    expect(ss.getDeveloperMetadata().map((m) => [m.getId(), m.getKey(), m.getValue()])).toEqual([
      [1, 'casebook.schemaVersion', '4'],
      [2, 'casebook.tracker', null],
      [3, 'casebook.migrated', 'yes'],
    ]);
    // The original workspace is untouched by the restored one.
    expect(t.ss.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['3', null]);
    // Restored entries still count towards the 30,000-character limit.
    const used = 'casebook.schemaVersion4casebook.trackercasebook.migratedyes'.length;
    expect(() => ss.addDeveloperMetadata('big', 'x'.repeat(30_000 - used - 2))).toThrow(
      'Developer metadata limit exceeded',
    );
  });

  test('a snapshot saved before developer metadata was modelled restores with none', () => {
    const { ws, spreadsheetId } = tracker();
    const json = JSON.parse(snapshotWorkspace(ws)) as {
      state: { spreadsheets: { $map: [string, Record<string, unknown>][] } };
    };
    for (const [, model] of json.state.spreadsheets.$map) {
      expect(model).toHaveProperty('nextDeveloperMetadataId', 1);
      delete model['developerMetadata'];
      delete model['nextDeveloperMetadataId'];
    }
    const restored = restoreWorkspace(JSON.stringify(json));
    const ss = reopen(restored, spreadsheetId).SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getDeveloperMetadata()).toEqual([]);
    expect(ss.addDeveloperMetadata('casebook.tracker').getDeveloperMetadata()[0]!.getId()).toBe(1);
  });

  test('values JSON cannot hold round-trip: an invalid Date cell, a NaN trigger time', () => {
    const { ws, spreadsheetId, sheet, ScriptApp } = tracker();
    sheet.getRange('A1').setValue(new Date('not a date'));
    ScriptApp.newTrigger('once').timeBased().at(new Date('not a date')).create();
    const restored = restoreWorkspace(snapshotWorkspace(ws));
    const value = reopen(restored, spreadsheetId).SpreadsheetApp.getActiveSheet().getRange('A1').getValue();
    expect(value).toBeInstanceOf(Date);
    expect((value as Date).getTime()).toBeNaN();
    expect(restored.triggers[0]!.clock!.atMs).toBeNaN();
    expect(restored.triggers[0]!.nextRunMs).toBeNaN();
  });
});

describe('script state', () => {
  test('script, document and user properties survive; stores stay separate', () => {
    const { ws, spreadsheetId, PropertiesService } = tracker();
    PropertiesService.getScriptProperties().setProperty('schemaVersion', '3');
    PropertiesService.getDocumentProperties().setProperties({ trackerId: spreadsheetId, $odd: '{"$map":1}' });
    PropertiesService.getUserProperties().setProperty('market', 'DE');
    reopen(ws, spreadsheetId, EDITOR).PropertiesService.getUserProperties().setProperty('market', 'FR');
    const restored = restoreWorkspace(snapshotWorkspace(ws));
    const owner = reopen(restored, spreadsheetId).PropertiesService;
    expect(owner.getScriptProperties().getProperties()).toEqual({ schemaVersion: '3' });
    expect(owner.getDocumentProperties().getProperties()).toEqual({
      trackerId: spreadsheetId,
      $odd: '{"$map":1}',
    });
    expect(owner.getUserProperties().getProperty('market')).toBe('DE');
    expect(
      reopen(restored, spreadsheetId, EDITOR).PropertiesService.getUserProperties().getProperty('market'),
    ).toBe('FR');
  });

  test('installable triggers keep their uid, handler, source and schedule; they can be deleted after', () => {
    const { ws, spreadsheetId, ss, ScriptApp } = tracker();
    const hourly = ScriptApp.newTrigger('dispatchHourly').timeBased().everyHours(1).create();
    const onEdit = ScriptApp.newTrigger('onTrackerEdit').forSpreadsheet(ss).onEdit().create();
    const restored = restoreWorkspace(snapshotWorkspace(ws));
    const app = reopen(restored, spreadsheetId).ScriptApp;
    const triggers = app.getProjectTriggers();
    expect(
      triggers.map((t) => [
        t.getUniqueId(),
        t.getHandlerFunction(),
        t.getEventType(),
        t.getTriggerSourceId(),
      ]),
    ).toEqual([
      [hourly.getUniqueId(), 'dispatchHourly', app.EventType.CLOCK, null],
      [onEdit.getUniqueId(), 'onTrackerEdit', app.EventType.ON_EDIT, spreadsheetId],
    ]);
    expect(restored.triggers).toStrictEqual(ws.triggers);
    expect(restored.triggers[0]!.nextRunMs).toBe(ws.clock.now() + 3_600_000);
    app.deleteTrigger(triggers[0]!);
    expect(restored.triggers).toHaveLength(1);
    expect(ws.triggers).toHaveLength(2);
  });

  test("sent mail survives, and still counts against the sender's quota after a restore", () => {
    const { ws, MailApp } = tracker();
    MailApp.sendEmail(EDITOR, 'Weekly summary', 'Cases this week: 12');
    const restored = restoreWorkspace(snapshotWorkspace(ws));
    expect(restored.mail).toStrictEqual(ws.mail);
    expect(restored.mail[0]!.subject).toBe('Weekly summary');
    expect(restored.mailRecipientsPerDay(OWNER) - restored.mail[0]!.recipients).toBe(1499);
  });

  test('caches and locks are not saved: they are transient in Apps Script too', () => {
    const { ws, CacheService, LockService } = tracker();
    CacheService.getScriptCache().put('k', 'v', 600);
    LockService.getScriptLock().waitLock(10);
    const restored = restoreWorkspace(snapshotWorkspace(ws));
    expect(restored.caches.size).toBe(0);
    expect(restored.locks.size).toBe(0);
    expect(servicesFor(restored).LockService.getScriptLock().tryLock(0)).toBe(true);
  });
});

describe('documents and Drive', () => {
  test('documents, folders, and the folders and trash state of files survive', () => {
    const { ws, spreadsheetId, DocumentApp, DriveApp } = tracker();
    const doc = DocumentApp.create('Weekly report');
    doc.getBody().appendParagraph('Cases this week').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    doc.getBody().appendParagraph('12 new, 3 closed');
    const folder = DriveApp.createFolder('Casebook reports');
    const sub = folder.createFolder('2026');
    DriveApp.getFileById(doc.getId()).moveTo(sub);
    DriveApp.getFileById(spreadsheetId).moveTo(folder);
    const other = ws.createSpreadsheet({ name: 'Old tracker', owner: OWNER });
    DriveApp.getFileById(other.id).setTrashed(true);

    const restored = restoreWorkspace(snapshotWorkspace(ws));
    const after = reopen(restored, spreadsheetId);
    const body = after.DocumentApp.openById(doc.getId()).getBody();
    expect(body.getText()).toBe('\nCases this week\n12 new, 3 closed');
    expect(body.getParagraphs()[1]!.getHeading()).toBe(after.DocumentApp.ParagraphHeading.HEADING1);
    const names = (it: GoogleAppsScript.Drive.FileIterator | GoogleAppsScript.Drive.FolderIterator) => {
      const out: string[] = [];
      while (it.hasNext()) out.push(it.next().getName());
      return out;
    };
    const restoredFolder = after.DriveApp.getFolderById(folder.getId());
    expect(names(restoredFolder.getFiles())).toEqual(['EU governance tracker']);
    expect(names(restoredFolder.getFolders())).toEqual(['2026']);
    expect(names(after.DriveApp.getFolderById(sub.getId()).getFiles())).toEqual(['Weekly report']);
    expect(after.DriveApp.getFileById(other.id).isTrashed()).toBe(true);
    expect(after.DriveApp.getFileById(spreadsheetId).isTrashed()).toBe(false);
    expect(restored.documents).toStrictEqual(ws.documents);
    expect(restored.folders).toStrictEqual(ws.folders);
  });

  test('a Doc with runs, lists, tables and images survives; a snapshot from before the body model is read', () => {
    const { ws, spreadsheetId, DocumentApp, Utilities } = tracker();
    const doc = DocumentApp.create('Weekly report');
    const body = doc.getBody();
    body.appendParagraph('Open: 12').editAsText().setBold(0, 4, true);
    body.appendListItem('Overdue').setGlyphType(DocumentApp.GlyphType.NUMBER);
    body
      .appendTable([['Case', 'Status']])
      .getRow(0)
      .editAsText()
      .setBold(true);
    const gif = [...Buffer.from('GIF89a', 'latin1'), 2, 0, 3, 0, 0];
    body.appendImage(Utilities.newBlob(gif, 'image/gif')).setAltTitle('Chart');
    const json = snapshotWorkspace(ws);
    const restored = restoreWorkspace(json);
    expect(restored.documents).toStrictEqual(ws.documents);
    const after = reopen(restored, spreadsheetId).DocumentApp.openById(doc.getId()).getBody();
    expect(after.getParagraphs()[1]!.editAsText().isBold(0)).toBe(true);
    expect(after.getImages()[0]!.getBlob().getBytes()).toEqual(gif);

    const state = JSON.parse(json);
    const docs = state.state.documents.$map as [string, Record<string, unknown>][];
    const entry = docs.find(([key]) => key === doc.getId())!;
    delete entry[1].body;
    entry[1].paragraphs = [
      { text: 'Weekly summary', heading: 'HEADING1' },
      { text: 'a\nb', heading: 'NORMAL' },
    ];
    const old = reopen(restoreWorkspace(JSON.stringify(state)), spreadsheetId).DocumentApp.openById(
      doc.getId(),
    );
    expect(old.getBody().getText()).toBe('Weekly summary\na\rb');
    expect(String(old.getBody().getParagraphs()[0]!.getHeading())).toBe('HEADING1');
  });
});

describe('workspace', () => {
  test('clock time, users, script time zone and bundle path are kept; the bundle path can be overridden', () => {
    const { ws, Utilities } = tracker();
    Utilities.sleep(90_000);
    ws.clock.advance(3 * 3_600_000);
    ws.addUser('new@governance.example', 'New', false);
    const json = snapshotWorkspace(ws);
    const restored = restoreWorkspace(json);
    expect(restored.clock.now()).toBe(Date.UTC(2026, 10, 23, 12, 1, 30));
    expect(restored.users).toStrictEqual(ws.users);
    expect(restored.getUser('new@governance.example').authorized).toBe(false);
    expect(restored.scriptTimeZone).toBe('Europe/Dublin');
    expect(restored.bundlePath).toBe(ws.bundlePath);
    expect(restoreWorkspace(json, { bundlePath: '/tmp/other/Code.js' }).bundlePath).toBe(
      '/tmp/other/Code.js',
    );
    // Saving a restored workspace gives the same text: nothing was lost or added on the way.
    expect(snapshotWorkspace(restored)).toBe(json);
    const tokyo = workspace({ scriptTimeZone: 'Asia/Tokyo', now: Date.UTC(2027, 0, 1) }).ws;
    const restoredTokyo = restoreWorkspace(snapshotWorkspace(tokyo));
    expect(restoredTokyo.scriptTimeZone).toBe('Asia/Tokyo');
    expect(restoredTokyo.clock.now()).toBe(Date.UTC(2027, 0, 1));
  });

  test('IDs created after a restore do not collide with restored ones (and continue where they stopped)', () => {
    const t = fullTracker();
    const { ws, DriveApp } = t;
    DriveApp.createFolder('Reports');
    const existing = new Set([
      ...ws.spreadsheets.keys(),
      ...ws.folders.keys(),
      ...ws.getSpreadsheet(t.spreadsheetId).protections.map((p) => p.id),
    ]);
    expect(existing.size).toBe(4);
    const restored = restoreWorkspace(snapshotWorkspace(ws));
    const made = [
      restored.createSpreadsheet({ name: 'New', owner: OWNER }).id,
      reopen(restored, t.spreadsheetId).DriveApp.createFolder('More').getId(),
      restored.createDocument({ name: 'Doc', owner: OWNER }).id,
    ];
    for (const id of made) expect(existing.has(id)).toBe(false);
    // Same IDs as the original workspace would have issued next.
    expect(made[0]).toBe(ws.createSpreadsheet({ name: 'New', owner: OWNER }).id);
  });

  test('UUIDs after a restore (and after a restore of a restore) never repeat one issued before the snapshot', () => {
    // getUuid is a random (version 4) UUID in Apps Script: a script may key idempotent writes on it, so a
    // restored workspace repeating the UUIDs of the run that made it would make new work look already done.
    const t = fullTracker();
    const before = new Set(Array.from({ length: 3 }, () => t.Utilities.getUuid()));
    const once = restoreWorkspace(snapshotWorkspace(t.ws));
    const afterOnce = Array.from({ length: 3 }, () => reopen(once, t.spreadsheetId).Utilities.getUuid());
    const twice = restoreWorkspace(snapshotWorkspace(once));
    const afterTwice = Array.from({ length: 3 }, () => reopen(twice, t.spreadsheetId).Utilities.getUuid());
    const all = [...before, ...afterOnce, ...afterTwice];
    expect(new Set(all).size).toBe(9);
    // Deterministic: the original workspace issues next what its first restore issued.
    expect(t.Utilities.getUuid()).toBe(afterOnce[0]);
  });

  test('two restores of one snapshot are independent of each other and of the original', () => {
    const t = fullTracker();
    const json = snapshotWorkspace(t.ws);
    const a = restoreWorkspace(json);
    const b = restoreWorkspace(json);
    const sa = reopen(a, t.spreadsheetId);
    sa.SpreadsheetApp.getActiveSheet().getRange('A2').setValue('CHANGED');
    a.getSpreadsheet(t.spreadsheetId).editors.add('someone@elsewhere.example');
    a.getSpreadsheet(t.spreadsheetId).sheets[0]!.cells[1]![5]!.validation!.criteriaValues.push('extra');
    sa.PropertiesService.getScriptProperties().setProperty('k', 'v');
    a.clock.advance(60_000);
    const sb = reopen(b, t.spreadsheetId);
    expect(sb.SpreadsheetApp.getActiveSheet().getRange('A2').getValue()).toBe('CASE-1');
    expect(b.getSpreadsheet(t.spreadsheetId).editors.has('someone@elsewhere.example')).toBe(false);
    expect(b.getSpreadsheet(t.spreadsheetId)).toStrictEqual(t.ws.getSpreadsheet(t.spreadsheetId));
    expect(sb.PropertiesService.getScriptProperties().getProperty('k')).toBeNull();
    expect(b.clock.now()).toBe(t.ws.clock.now());
    expect(t.ws.getSpreadsheet(t.spreadsheetId).sheets[0]!.cells[1]![0]!.value).toBe('CASE-1');
  });
});

describe('errors', () => {
  test('malformed JSON, a non-snapshot, an unknown version and broken tags are refused clearly', () => {
    const json = snapshotWorkspace(fullTracker().ws);
    expect(json).toMatch(/"\$ref":\d+/);
    expect(() => restoreWorkspace('{"version": 1, "state": ')).toThrow(
      /^workspace snapshot is not valid JSON/,
    );
    expect(() => restoreWorkspace('[1, 2]')).toThrow('not a workspace snapshot');
    expect(() => restoreWorkspace('{}')).toThrow('not a workspace snapshot');
    const future = JSON.stringify({ ...JSON.parse(json), version: SNAPSHOT_VERSION + 1 });
    expect(() => restoreWorkspace(future)).toThrow(
      `unsupported workspace snapshot version ${SNAPSHOT_VERSION + 1}: this emulator reads version 1`,
    );
    expect(() => restoreWorkspace(JSON.stringify({ version: 1 }))).toThrow('no "state" field');
    expect(() => restoreWorkspace(JSON.stringify({ version: 1, state: { nowMs: 1 } }))).toThrow(
      'malformed workspace snapshot at state.idsIssued',
    );
    expect(() => restoreWorkspace(json.replace('"$map"', '"$mop"'))).toThrow('unknown tag $mop');
    expect(() => restoreWorkspace(json.replace(/"\$ref":\d+/, '"$ref":999'))).toThrow(
      '$ref 999 names no earlier $def',
    );
  });

  test('state that JSON cannot describe is refused when saving, with where it is', () => {
    const { ws } = tracker();
    ws.propertyStore('script').set('callback', (() => 'x') as unknown as string);
    expect(() => snapshotWorkspace(ws)).toThrow(
      'cannot snapshot a function at state.properties.get(script).get(callback)',
    );
  });
});
