/**
 * Sheets Advanced Service: batchUpdate requests and spreadsheets.get, on the same state SpreadsheetApp sees.
 * Docs (each test names its page):
 * - https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate (atomic; replies)
 * - https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request (request shapes)
 * - https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/response (reply shapes)
 * - https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/get (fields)
 * - https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#FilterView ,
 *   #ProtectedRange , #BasicFilter ; .../spreadsheets/other#GridRange
 * - https://developers.google.com/apps-script/guides/services/advanced (errors thrown as exceptions)
 * No gas-fakes (brucemcpherson/gas-fakes test/*.js) case covering filter-view or protected-range batchUpdate was found,
 * so these rest on Google's reference pages.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EditRefused, simulateEdit } from '../../emulator/events/edit';
import { isRowHiddenByFilter } from '../../emulator/services/spreadsheet/filter';
import { restoreWorkspace, snapshotWorkspace } from '../../emulator/snapshot';
import { type ApiJson, apiTracker, withSheets } from './sheets-api-support';
import { EDITOR, OWNER } from './support';

const FAILED = 'API call to sheets.spreadsheets.batchUpdate failed with error: ';

function thrown(run: () => unknown): { name: string; message: string } {
  try {
    run();
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error('expected the call to throw');
}

const openView = {
  addFilterView: {
    filter: {
      title: 'Open cases',
      range: { sheetId: 0, startRowIndex: 0, endRowIndex: 6, startColumnIndex: 0, endColumnIndex: 4 },
      sortSpecs: [{ dimensionIndex: 3, sortOrder: 'DESCENDING' }],
      filterSpecs: [
        {
          columnIndex: 1,
          filterCriteria: { condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: 'Open' }] } },
        },
      ],
    },
  },
};

describe('addFilterView, reading filter views back, updateFilterView, deleteFilterView', () => {
  test('the reply holds the filter with its new filterViewId; get returns it in sheets[].filterViews (batchUpdate, response#AddFilterViewResponse)', () => {
    const { Sheets, spreadsheetId } = apiTracker();
    const response = Sheets.Spreadsheets.batchUpdate({ requests: [openView] }, spreadsheetId);
    expect(response.spreadsheetId).toBe(spreadsheetId);
    expect(response.replies).toHaveLength(1);
    const filter = response.replies[0].addFilterView.filter;
    expect(filter).toEqual({
      filterViewId: expect.any(Number),
      title: 'Open cases',
      // GridRange: sheetId 0 and start indexes 0 are defaults, left out of responses.
      range: { endRowIndex: 6, endColumnIndex: 4 },
      sortSpecs: [{ dimensionIndex: 3, sortOrder: 'DESCENDING' }],
      filterSpecs: [
        {
          columnIndex: 1,
          filterCriteria: { condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: 'Open' }] } },
        },
      ],
    });
    const read = Sheets.Spreadsheets.get(spreadsheetId, { fields: 'sheets.filterViews' });
    expect(read).toEqual({ sheets: [{ filterViews: [filter] }, {}] });
  });

  test('a filter view hides no row for anyone: the sheet and its basic filter are unchanged (sheets#FilterView)', () => {
    const { Sheets, spreadsheetId, ws, cases } = apiTracker();
    Sheets.Spreadsheets.batchUpdate({ requests: [openView] }, spreadsheetId);
    const model = ws.getSpreadsheet(spreadsheetId).sheets[0]!;
    expect(model.filter).toBeNull();
    expect([2, 3, 4, 5, 6].filter((row) => isRowHiddenByFilter(model, row))).toEqual([]);
    expect(cases.getFilter()).toBeNull();
    const editor = withSheets(ws, { user: EDITOR, activeSpreadsheetId: spreadsheetId });
    const seen = editor.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Cases')!;
    expect(seen.getRange('A2:A6').getValues().flat()).toEqual(['C-1', 'C-2', 'C-3', 'C-4', 'C-5']);
    expect([2, 3, 4, 5, 6].map((row) => seen.isRowHiddenByUser(row))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  test('ids are unique; criteria given as the older criteria map read back as filterSpecs (sheets#FilterView)', () => {
    const { Sheets, spreadsheetId } = apiTracker();
    const { replies } = Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          openView,
          {
            addFilterView: {
              filter: {
                title: 'Unassigned',
                range: { sheetId: 0, startRowIndex: 0, startColumnIndex: 0, endColumnIndex: 4 },
                criteria: { 2: { condition: { type: 'BLANK' } }, 0: { hiddenValues: ['C-9'] } },
              },
            },
          },
        ],
      },
      spreadsheetId,
    );
    const [a, b] = replies.map((r: ApiJson) => r.addFilterView.filter);
    expect(a.filterViewId).not.toBe(b.filterViewId);
    expect(b.range).toEqual({ endRowIndex: 1000, endColumnIndex: 4 });
    expect(b.filterSpecs).toEqual([
      { filterCriteria: { hiddenValues: ['C-9'] } },
      { columnIndex: 2, filterCriteria: { condition: { type: 'BLANK' } } },
    ]);
  });

  test('updateFilterView changes only the fields named in `fields`; replies are empty objects (request#UpdateFilterViewRequest)', () => {
    const { Sheets, spreadsheetId } = apiTracker();
    const id = Sheets.Spreadsheets.batchUpdate({ requests: [openView] }, spreadsheetId).replies[0]
      .addFilterView.filter.filterViewId;
    const response = Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            updateFilterView: {
              filter: { filterViewId: id, title: 'Open (all reviewers)', sortSpecs: [] },
              fields: 'title',
            },
          },
        ],
      },
      spreadsheetId,
    );
    expect(response.replies).toEqual([{}]);
    const [view] = Sheets.Spreadsheets.get(spreadsheetId, { fields: 'sheets.filterViews' }).sheets[0]
      .filterViews;
    expect(view.title).toBe('Open (all reviewers)');
    expect(view.sortSpecs).toEqual([{ dimensionIndex: 3, sortOrder: 'DESCENDING' }]);
    Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            updateFilterView: {
              filter: { filterViewId: id, filterSpecs: [] },
              fields: 'filterSpecs,sortSpecs',
            },
          },
        ],
      },
      spreadsheetId,
    );
    const [after] = Sheets.Spreadsheets.get(spreadsheetId, { fields: 'sheets.filterViews' }).sheets[0]
      .filterViews;
    expect(after).toEqual({
      filterViewId: id,
      title: 'Open (all reviewers)',
      range: { endRowIndex: 6, endColumnIndex: 4 },
    });
  });

  test('deleteFilterView removes it; an unknown id is refused naming the request (request#DeleteFilterViewRequest)', () => {
    const { Sheets, spreadsheetId } = apiTracker();
    const id = Sheets.Spreadsheets.batchUpdate({ requests: [openView] }, spreadsheetId).replies[0]
      .addFilterView.filter.filterViewId;
    expect(
      Sheets.Spreadsheets.batchUpdate({ requests: [{ deleteFilterView: { filterId: id } }] }, spreadsheetId),
    ).toEqual({
      spreadsheetId,
      replies: [{}],
    });
    expect(Sheets.Spreadsheets.get(spreadsheetId, { fields: 'sheets.filterViews' })).toEqual({
      sheets: [{}, {}],
    });
    const error = thrown(() =>
      Sheets.Spreadsheets.batchUpdate({ requests: [{ deleteFilterView: { filterId: id } }] }, spreadsheetId),
    );
    expect(error).toEqual({
      name: 'GoogleJsonResponseException',
      message: `${FAILED}Invalid requests[0].deleteFilterView: No filter with id: ${id}`,
    });
  });

  test('a range on a sheet that does not exist: "No grid with id" (other#GridRange)', () => {
    const { Sheets, spreadsheetId } = apiTracker();
    const request = { addFilterView: { filter: { title: 'x', range: { sheetId: 77 } } } };
    expect(
      thrown(() => Sheets.Spreadsheets.batchUpdate({ requests: [request] }, spreadsheetId)).message,
    ).toBe(`${FAILED}Invalid requests[0].addFilterView: No grid with id: 77`);
  });

  test('filter views are saved with the file: a snapshot restores them, and new ids do not repeat', () => {
    const { Sheets, spreadsheetId, ws } = apiTracker();
    const first = Sheets.Spreadsheets.batchUpdate({ requests: [openView] }, spreadsheetId).replies[0]
      .addFilterView.filter;
    const restored = restoreWorkspace(snapshotWorkspace(ws));
    const again = withSheets(restored);
    expect(
      again.Sheets.Spreadsheets.get(spreadsheetId, { fields: 'sheets.filterViews' }).sheets[0].filterViews,
    ).toEqual([first]);
    const second = again.Sheets.Spreadsheets.batchUpdate({ requests: [openView] }, spreadsheetId).replies[0]
      .addFilterView.filter;
    expect(second.filterViewId).not.toBe(first.filterViewId);
  });

  test('a snapshot saved before filter views existed restores with none', () => {
    const { ws, spreadsheetId } = apiTracker();
    const saved = JSON.parse(snapshotWorkspace(ws));
    const text = JSON.stringify(saved).replace(/,"filterViews":\[\],"nextFilterViewId":1/, '');
    expect(text).not.toContain('filterViews');
    const restored = restoreWorkspace(text);
    expect(restored.getSpreadsheet(spreadsheetId).filterViews).toEqual([]);
    expect(restored.getSpreadsheet(spreadsheetId).nextFilterViewId).toBe(1);
  });

  test('filter views follow rows inserted above them, like every other range in the file', () => {
    const { Sheets, spreadsheetId, cases } = apiTracker();
    Sheets.Spreadsheets.batchUpdate({ requests: [openView] }, spreadsheetId);
    cases.insertRowsBefore(1, 2);
    const [view] = Sheets.Spreadsheets.get(spreadsheetId, { fields: 'sheets.filterViews.range' }).sheets[0]
      .filterViews;
    expect(view).toEqual({ range: { startRowIndex: 2, endRowIndex: 8, endColumnIndex: 4 } });
  });
});

describe('batchUpdate is atomic and checks requests as the API does', () => {
  test('if any request fails, none applies: earlier requests of the batch are undone (spreadsheets/batchUpdate)', () => {
    const { Sheets, spreadsheetId, ss, cases } = apiTracker();
    const before = Sheets.Spreadsheets.get(spreadsheetId);
    const error = thrown(() =>
      Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            openView,
            {
              addProtectedRange: {
                protectedRange: { range: { sheetId: 0, endRowIndex: 1 }, description: 'Header' },
              },
            },
            { setBasicFilter: { filter: { range: { sheetId: 0, endRowIndex: 6, endColumnIndex: 4 } } } },
            {
              createDeveloperMetadata: {
                developerMetadata: {
                  metadataKey: 'casebook.views',
                  metadataValue: '1',
                  location: { spreadsheet: true },
                  visibility: 'DOCUMENT',
                },
              },
            },
            { deleteFilterView: { filterId: 999 } },
          ],
        },
        spreadsheetId,
      ),
    );
    expect(error.message).toBe(`${FAILED}Invalid requests[4].deleteFilterView: No filter with id: 999`);
    expect(Sheets.Spreadsheets.get(spreadsheetId)).toEqual(before);
    expect(cases.getProtections(SpreadsheetAppProtectionType.RANGE)).toHaveLength(0);
    expect(cases.getFilter()).toBeNull();
    expect(ss.getDeveloperMetadata()).toEqual([]);
  });

  test('an update that fails restores a protection it had already changed', () => {
    const { Sheets, spreadsheetId, cases } = apiTracker();
    cases.getRange('A1:D1').protect().setDescription('Header');
    const id = Sheets.Spreadsheets.get(spreadsheetId, { fields: 'sheets.protectedRanges.protectedRangeId' })
      .sheets[0].protectedRanges[0].protectedRangeId;
    thrown(() =>
      Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            {
              updateProtectedRange: {
                protectedRange: { protectedRangeId: id, description: 'Changed', warningOnly: true },
                fields: 'description,warningOnly',
              },
            },
            { clearBasicFilter: { sheetId: 99 } },
          ],
        },
        spreadsheetId,
      ),
    );
    const [protection] = cases.getProtections(SpreadsheetAppProtectionType.RANGE);
    expect(protection!.getDescription()).toBe('Header');
    expect(protection!.isWarningOnly()).toBe(false);
  });

  test('no requests: "Must specify at least one request." (googleapis/google-api-nodejs-client#1001)', () => {
    const { Sheets, spreadsheetId } = apiTracker();
    expect(thrown(() => Sheets.Spreadsheets.batchUpdate({ requests: [] }, spreadsheetId)).message).toBe(
      `${FAILED}Must specify at least one request.`,
    );
  });

  test('an unknown request kind or field is refused as an unknown JSON name; a real but unmodelled kind is "not emulated"', () => {
    const { Sheets, spreadsheetId } = apiTracker();
    expect(
      thrown(() => Sheets.Spreadsheets.batchUpdate({ requests: [{ addFilterVeiw: {} }] }, spreadsheetId))
        .message,
    ).toBe(
      `${FAILED}Invalid JSON payload received. Unknown name "addFilterVeiw" at 'requests[0]': Cannot find field.`,
    );
    expect(
      thrown(() =>
        Sheets.Spreadsheets.batchUpdate(
          { requests: [{ addFilterView: { filter: { range: { sheetId: 0 }, titel: 'x' } } }] },
          spreadsheetId,
        ),
      ).message,
    ).toBe(
      `${FAILED}Invalid JSON payload received. Unknown name "titel" at 'requests[0].add_filter_view.filter': Cannot find field.`,
    );
    expect(() => Sheets.Spreadsheets.batchUpdate({ requests: [{ sortRange: {} }] }, spreadsheetId)).toThrow(
      'not emulated: Sheets.Spreadsheets.batchUpdate sortRange',
    );
  });

  test('an unknown spreadsheet is 404 "Requested entity was not found."; a viewer may read but not update (gas-fakes src/services/advsheets)', () => {
    const { Sheets, spreadsheetId, ws } = apiTracker();
    expect(thrown(() => Sheets.Spreadsheets.get('no-such-file')).message).toBe(
      'API call to sheets.spreadsheets.get failed with error: Requested entity was not found.',
    );
    ws.addUser('viewer@governance.example');
    ws.getSpreadsheet(spreadsheetId).viewers.add('viewer@governance.example');
    const viewer = withSheets(ws, { user: 'viewer@governance.example' });
    expect(viewer.Sheets.Spreadsheets.get(spreadsheetId, { fields: 'properties.title' })).toEqual({
      properties: { title: 'EU governance tracker' },
    });
    expect(
      thrown(() => viewer.Sheets.Spreadsheets.batchUpdate({ requests: [openView] }, spreadsheetId)).message,
    ).toBe(`${FAILED}The caller does not have permission`);
    expect(Sheets.Spreadsheets.get(spreadsheetId, { fields: 'sheets.filterViews' })).toEqual({
      sheets: [{}, {}],
    });
  });
});

const SpreadsheetAppProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as unknown as Record<
  'RANGE' | 'SHEET',
  GoogleAppsScript.Spreadsheet.ProtectionType
>;

function bundleDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casebook-sheets-api-'));
  writeFileSync(path.join(dir, 'Code.js'), 'function onEdit(e) {}\n');
  return path.join(dir, 'Code.js');
}

describe('protected ranges: one state with SpreadsheetApp and the edits people make', () => {
  test('addProtectedRange is seen by Sheet.getProtections and enforced by simulateEdit (sheets#ProtectedRange)', () => {
    const { Sheets, spreadsheetId, cases, ws } = apiTracker();
    const { replies } = Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            addProtectedRange: {
              protectedRange: {
                range: {
                  sheetId: 0,
                  startRowIndex: 0,
                  endRowIndex: 1,
                  startColumnIndex: 0,
                  endColumnIndex: 4,
                },
                description: 'Casebook header',
              },
            },
          },
        ],
      },
      spreadsheetId,
    );
    expect(replies[0].addProtectedRange.protectedRange).toEqual({
      protectedRangeId: expect.any(Number),
      range: { endRowIndex: 1, endColumnIndex: 4 },
      description: 'Casebook header',
      requestingUserCanEdit: true,
      editors: { users: [OWNER] },
    });
    const [protection] = cases.getProtections(SpreadsheetAppProtectionType.RANGE);
    expect(protection!.getRange().getA1Notation()).toBe('A1:D1');
    expect(protection!.getDescription()).toBe('Casebook header');
    (ws as { bundlePath: string }).bundlePath = bundleDir();
    expect(() =>
      simulateEdit(ws, { user: EDITOR, spreadsheetId, sheet: 'Cases', a1: 'B1', values: 'Estado' }),
    ).toThrow(EditRefused);
    expect(
      simulateEdit(ws, { user: EDITOR, spreadsheetId, sheet: 'Cases', a1: 'B2', values: 'Closed' }).warning,
    ).toBeNull();
  });

  test('a protection made with Range.protect is read back by get, and updateProtectedRange changes what SpreadsheetApp sees', () => {
    const { Sheets, spreadsheetId, cases } = apiTracker();
    cases.getRange('A1:D1').protect().setDescription('Header').addEditor(EDITOR);
    const read = Sheets.Spreadsheets.get(spreadsheetId, {
      fields: 'sheets(properties(sheetId,title),protectedRanges)',
    });
    const [entry] = read.sheets[0].protectedRanges;
    expect(read.sheets[0].properties).toEqual({ sheetId: 0, title: 'Cases' });
    expect(entry).toEqual({
      protectedRangeId: expect.any(Number),
      range: { endRowIndex: 1, endColumnIndex: 4 },
      description: 'Header',
      requestingUserCanEdit: true,
      editors: { users: [OWNER, EDITOR] },
    });
    Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            updateProtectedRange: {
              protectedRange: {
                protectedRangeId: entry.protectedRangeId,
                editors: { users: [] },
                description: 'Header (owner only)',
              },
              fields: 'editors,description',
            },
          },
        ],
      },
      spreadsheetId,
    );
    const [protection] = cases.getProtections(SpreadsheetAppProtectionType.RANGE);
    expect(protection!.getDescription()).toBe('Header (owner only)');
    expect(protection!.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
  });

  test('a whole-sheet protection (range with only a sheetId) is a SHEET protection with unprotected ranges (sheets#ProtectedRange)', () => {
    const { Sheets, spreadsheetId, settings } = apiTracker();
    const sheetId = settings.getSheetId();
    Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            addProtectedRange: {
              protectedRange: {
                range: { sheetId },
                warningOnly: true,
                unprotectedRanges: [
                  { sheetId, startRowIndex: 5, endRowIndex: 6, startColumnIndex: 0, endColumnIndex: 2 },
                ],
              },
            },
          },
        ],
      },
      spreadsheetId,
    );
    const [protection] = settings.getProtections(SpreadsheetAppProtectionType.SHEET);
    expect(protection!.isWarningOnly()).toBe(true);
    expect(protection!.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['A6:B6']);
    const [read] = Sheets.Spreadsheets.get(spreadsheetId, { fields: 'sheets.protectedRanges' }).sheets[1]
      .protectedRanges;
    // Editors are not shown for warning-only protections ("Editors are not supported with warningOnly protection").
    expect(read).toEqual({
      protectedRangeId: expect.any(Number),
      range: { sheetId },
      warningOnly: true,
      requestingUserCanEdit: true,
      unprotectedRanges: [{ sheetId, startRowIndex: 5, endRowIndex: 6, endColumnIndex: 2 }],
    });
  });

  test('editors with warningOnly, and unprotected ranges on a range protection, are refused (sheets#ProtectedRange)', () => {
    const { Sheets, spreadsheetId } = apiTracker();
    const range = { sheetId: 0, endRowIndex: 1 };
    expect(
      thrown(() =>
        Sheets.Spreadsheets.batchUpdate(
          {
            requests: [
              {
                addProtectedRange: {
                  protectedRange: { range, warningOnly: true, editors: { users: [EDITOR] } },
                },
              },
            ],
          },
          spreadsheetId,
        ),
      ).message,
    ).toContain('Editors are not supported with warningOnly protection');
    expect(
      thrown(() =>
        Sheets.Spreadsheets.batchUpdate(
          {
            requests: [
              {
                addProtectedRange: {
                  protectedRange: { range, unprotectedRanges: [{ sheetId: 0, endRowIndex: 1 }] },
                },
              },
            ],
          },
          spreadsheetId,
        ),
      ).message,
    ).toContain('Unprotected ranges are only supported on protected sheets');
  });

  test('an editor who may not edit a protection cannot update it; editors are hidden from them', () => {
    const { Sheets, spreadsheetId, cases, ws } = apiTracker();
    cases.getRange('A1:D1').protect().setDescription('Header');
    const editor = withSheets(ws, { user: EDITOR });
    const [seen] = editor.Sheets.Spreadsheets.get(spreadsheetId, { fields: 'sheets.protectedRanges' })
      .sheets[0].protectedRanges;
    expect(seen.editors).toBeUndefined();
    expect(seen.requestingUserCanEdit).toBeUndefined();
    const error = thrown(() =>
      editor.Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            {
              updateProtectedRange: {
                protectedRange: { protectedRangeId: seen.protectedRangeId, description: '' },
                fields: 'description',
              },
            },
          ],
        },
        spreadsheetId,
      ),
    );
    expect(error.message).toBe(`${FAILED}The caller does not have permission`);
    expect(
      Sheets.Spreadsheets.get(spreadsheetId, { fields: 'sheets.protectedRanges.description' }).sheets[0],
    ).toEqual({
      protectedRanges: [{ description: 'Header' }],
    });
  });

  test('updateProtectedRange without `fields` is refused and changes nothing (request#UpdateProtectedRangeRequest)', () => {
    const { Sheets, spreadsheetId, cases } = apiTracker();
    cases.getRange('A1:D1').protect().setDescription('Header');
    const id = Sheets.Spreadsheets.get(spreadsheetId).sheets[0].protectedRanges[0].protectedRangeId;
    expect(() =>
      Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            { updateProtectedRange: { protectedRange: { protectedRangeId: id, description: 'x' } } },
          ],
        },
        spreadsheetId,
      ),
    ).toThrow(`${FAILED}Invalid requests[0].updateProtectedRange:`);
    expect(cases.getProtections(SpreadsheetAppProtectionType.RANGE)[0]!.getDescription()).toBe('Header');
  });
});

describe('basic filter: setBasicFilter and clearBasicFilter on the filter SpreadsheetApp sees (sheets#BasicFilter)', () => {
  test('setBasicFilter hides rows for everyone through Sheet.getFilter; get reads it back; clearBasicFilter removes it', () => {
    const { Sheets, spreadsheetId, cases, ws } = apiTracker();
    Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            setBasicFilter: {
              filter: {
                range: {
                  sheetId: 0,
                  startRowIndex: 0,
                  endRowIndex: 6,
                  startColumnIndex: 0,
                  endColumnIndex: 4,
                },
                filterSpecs: [{ columnIndex: 1, filterCriteria: { hiddenValues: ['Closed', 'Escalated'] } }],
              },
            },
          },
        ],
      },
      spreadsheetId,
    );
    const filter = cases.getFilter()!;
    expect(filter.getRange().getA1Notation()).toBe('A1:D6');
    expect(filter.getColumnFilterCriteria(2)!.getHiddenValues()).toEqual(['Closed', 'Escalated']);
    const model = ws.getSpreadsheet(spreadsheetId).sheets[0]!;
    expect([2, 3, 4, 5, 6].filter((row) => isRowHiddenByFilter(model, row))).toEqual([3, 5]);
    expect(Sheets.Spreadsheets.get(spreadsheetId, { fields: 'sheets.basicFilter' }).sheets[0]).toEqual({
      basicFilter: {
        range: { endRowIndex: 6, endColumnIndex: 4 },
        filterSpecs: [{ columnIndex: 1, filterCriteria: { hiddenValues: ['Closed', 'Escalated'] } }],
      },
    });
    Sheets.Spreadsheets.batchUpdate({ requests: [{ clearBasicFilter: { sheetId: 0 } }] }, spreadsheetId);
    expect(cases.getFilter()).toBeNull();
  });

  test('a filter made with SpreadsheetApp reads back with API condition types', () => {
    const { Sheets, spreadsheetId, cases, SpreadsheetApp } = apiTracker();
    cases
      .getRange('A1:D6')
      .createFilter()
      .setColumnFilterCriteria(3, SpreadsheetApp.newFilterCriteria().whenCellNotEmpty().build());
    expect(
      Sheets.Spreadsheets.get(spreadsheetId, { fields: 'sheets.basicFilter.filterSpecs' }).sheets[0],
    ).toEqual({
      basicFilter: {
        filterSpecs: [{ columnIndex: 2, filterCriteria: { condition: { type: 'NOT_BLANK' } } }],
      },
    });
  });

  test('an invalid condition type is refused; a real but unmodelled one is "not emulated" (other#ConditionType)', () => {
    const { Sheets, spreadsheetId } = apiTracker();
    const withCondition = (type: string) => ({
      requests: [
        {
          setBasicFilter: {
            filter: {
              range: { sheetId: 0, endColumnIndex: 4 },
              filterSpecs: [{ columnIndex: 1, filterCriteria: { condition: { type } } }],
            },
          },
        },
      ],
    });
    expect(
      thrown(() => Sheets.Spreadsheets.batchUpdate(withCondition('TEXT_EQUALS'), spreadsheetId)).message,
    ).toContain(
      `Invalid value at 'requests[0].set_basic_filter.filter.filterSpecs[0].condition.type' (type.googleapis.com/google.apps.sheets.v4.ConditionType), "TEXT_EQUALS"`,
    );
    expect(() => Sheets.Spreadsheets.batchUpdate(withCondition('NUMBER_GREATER'), spreadsheetId)).toThrow(
      'not emulated: Sheets API filter condition NUMBER_GREATER',
    );
  });
});

describe('createDeveloperMetadata (request#CreateDeveloperMetadataRequest)', () => {
  test('spreadsheet metadata made through the API is the metadata Spreadsheet.getDeveloperMetadata returns', () => {
    const { Sheets, spreadsheetId, ss } = apiTracker();
    const { replies } = Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            createDeveloperMetadata: {
              developerMetadata: {
                metadataKey: 'casebook.filterViews',
                metadataValue: '{"reviewer":1}',
                location: { spreadsheet: true },
                visibility: 'DOCUMENT',
              },
            },
          },
        ],
      },
      spreadsheetId,
    );
    expect(replies[0]).toEqual({
      createDeveloperMetadata: {
        developerMetadata: {
          metadataId: expect.any(Number),
          metadataKey: 'casebook.filterViews',
          metadataValue: '{"reviewer":1}',
          location: { locationType: 'SPREADSHEET', spreadsheet: true },
          visibility: 'DOCUMENT',
        },
      },
    });
    const [entry] = ss.getDeveloperMetadata();
    expect([entry!.getId(), entry!.getKey(), entry!.getValue()]).toEqual([
      replies[0].createDeveloperMetadata.developerMetadata.metadataId,
      'casebook.filterViews',
      '{"reviewer":1}',
    ]);
    expect(Sheets.Spreadsheets.get(spreadsheetId, { fields: 'developerMetadata(metadataKey)' })).toEqual({
      developerMetadata: [{ metadataKey: 'casebook.filterViews' }],
    });
  });

  test('a key and a visibility are required (DeveloperMetadata: "must always have a key/visibility specified")', () => {
    const { Sheets, spreadsheetId } = apiTracker();
    const create = (developerMetadata: Record<string, unknown>) =>
      thrown(() =>
        Sheets.Spreadsheets.batchUpdate(
          { requests: [{ createDeveloperMetadata: { developerMetadata } }] },
          spreadsheetId,
        ),
      ).message;
    expect(create({ location: { spreadsheet: true }, visibility: 'DOCUMENT' })).toBe(
      `${FAILED}Invalid requests[0].createDeveloperMetadata: Developer metadata must always have a key specified.`,
    );
    expect(create({ metadataKey: 'k', location: { spreadsheet: true } })).toBe(
      `${FAILED}Invalid requests[0].createDeveloperMetadata: Developer metadata must always have a visibility specified.`,
    );
  });
});

describe('spreadsheets.get and its `fields` mask (spreadsheets/get; guides/field-masks)', () => {
  test('without fields: the whole resource, defaults left out', () => {
    const { Sheets, spreadsheetId } = apiTracker();
    const all = Sheets.Spreadsheets.get(spreadsheetId);
    expect(all).toEqual({
      spreadsheetId,
      properties: { title: 'EU governance tracker', locale: 'en_GB', timeZone: expect.any(String) },
      sheets: [
        {
          properties: {
            sheetId: 0,
            title: 'Cases',
            index: 0,
            sheetType: 'GRID',
            gridProperties: { rowCount: 1000, columnCount: 26 },
          },
        },
        {
          properties: {
            sheetId: 1,
            title: 'Settings',
            index: 1,
            sheetType: 'GRID',
            gridProperties: { rowCount: 1000, columnCount: 26 },
          },
        },
      ],
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`,
    });
  });

  test('the mask Casebook uses selects exactly those fields, with "/" and "." nesting alike', () => {
    const { Sheets, spreadsheetId } = apiTracker();
    Sheets.Spreadsheets.batchUpdate({ requests: [openView] }, spreadsheetId);
    const mask = 'sheets(properties(sheetId,title),filterViews,protectedRanges,basicFilter)';
    const read = Sheets.Spreadsheets.get(spreadsheetId, { fields: mask });
    expect(Object.keys(read)).toEqual(['sheets']);
    expect(read.sheets.map((s: ApiJson) => Object.keys(s))).toEqual([
      ['properties', 'filterViews'],
      ['properties'],
    ]);
    expect(read.sheets[1].properties).toEqual({ sheetId: 1, title: 'Settings' });
    expect(
      Sheets.Spreadsheets.get(spreadsheetId, { fields: 'sheets/properties/title,spreadsheetId' }),
    ).toEqual({
      spreadsheetId,
      sheets: [{ properties: { title: 'Cases' } }, { properties: { title: 'Settings' } }],
    });
  });

  test('a path that names no field is refused as the API does (a space is part of the name)', () => {
    const { Sheets, spreadsheetId } = apiTracker();
    // Verified text: ringo380/claude-google-sheets-mcp#2.
    expect(
      thrown(() => Sheets.Spreadsheets.get(spreadsheetId, { fields: 'properties, sheets.properties' })),
    ).toEqual({
      name: 'GoogleJsonResponseException',
      message:
        "API call to sheets.spreadsheets.get failed with error: Error expanding 'fields' parameter. Cannot find matching fields for path ' sheets.properties'.",
    });
    expect(
      thrown(() => Sheets.Spreadsheets.get(spreadsheetId, { fields: 'sheets(filterView)' })).message,
    ).toContain("Cannot find matching fields for path 'sheets.filterView'.");
    expect(
      thrown(() => Sheets.Spreadsheets.get(spreadsheetId, { fields: 'sheets(properties' })).message,
    ).toContain('Invalid field selection');
    expect(() => Sheets.Spreadsheets.get(spreadsheetId, { fields: 'sheets.data' })).toThrow(
      'not emulated: Sheets API field sheets.data',
    );
  });
});
