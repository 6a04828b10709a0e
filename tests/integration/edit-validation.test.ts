/**
 * The simple onEdit trigger, through the built bundle and simulated user edits: edited Cases rows are
 * validated and marked at once, fixes clear the marks, pasted blocks mark each row, edits on other tabs
 * cost almost nothing, and an edit costs the same whatever the size of the library. With automation on,
 * the owner's edit trigger marks the rows instead (it reads them anyway).
 */
import { simulateEdit } from '../../emulator';
import { columnLetter } from '../../src/core/tracker/formats';
import { automatedTracker, newCase } from '../support/automation-tracker';
import { call, FIELDS, fillLibrary, OPS, type Tracker, tracker } from '../support/intake-tracker';

function withCase(): Tracker {
  const ctx = tracker();
  call(ctx, 'submitCase', { submissionId: 'sub-edit-0001', fields: FIELDS });
  return ctx;
}

const cellOf = (ctx: Tracker, header: string, row = 2) => `${columnLetter(ctx.column(header))}${row}`;
const edit = (ctx: Tracker, a1: string, values: string | string[][], sheet = 'Cases') =>
  simulateEdit(ctx.ws, { user: OPS, spreadsheetId: ctx.spreadsheetId, sheet, a1, values });

test('a bad value typed into a case is marked at once, and the fix clears the mark', () => {
  const ctx = withCase();
  const outcome = edit(ctx, cellOf(ctx, 'Seller ID'), 'seller #9');
  expect(outcome.triggersRun).toEqual(['onEdit']);
  expect(outcome.triggerErrors).toEqual([]);
  expect(ctx.cases.getRange(2, ctx.column('Validation issues')).getValue()).toBe('Seller ID');
  expect(ctx.cases.getRange(2, ctx.column('Seller ID')).getNote()).toBe(
    'Casebook: "seller #9" may only hold letters, digits, - and _',
  );
  edit(ctx, cellOf(ctx, 'Seller ID'), 'S-4711');
  expect(ctx.cases.getRange(2, ctx.column('Validation issues')).getValue()).toBe('');
  expect(ctx.cases.getRange(2, ctx.column('Seller ID')).getNote()).toBe('');
});

test('clearing a required cell and pasting a block mark every row touched', () => {
  const ctx = withCase();
  call(ctx, 'submitCase', { submissionId: 'sub-edit-0002', fields: { ...FIELDS, sellerId: 'S-2' } });
  edit(ctx, cellOf(ctx, 'Summary'), '');
  expect(ctx.cases.getRange(2, ctx.column('Validation issues')).getValue()).toBe('Summary');
  // A two-row paste into Owner and Tags: row 2 gets a good owner, row 3 a bad one.
  edit(ctx, cellOf(ctx, 'Owner', 2), [['rui.review@governance.example'], ['not an email']]);
  expect(ctx.cases.getRange(2, ctx.column('Validation issues')).getValue()).toBe('Summary');
  expect(ctx.cases.getRange(3, ctx.column('Validation issues')).getValue()).toBe('Owner');
});

test('an edit on another tab costs five calls and marks nothing', () => {
  const ctx = withCase();
  ctx.ws.ledger.reset();
  edit(ctx, 'A2', 'hello', 'Sheet1');
  // Whether automation is on (three calls: then the owner's edit trigger marks), then which tab (two).
  expect(ctx.ws.ledger.calls()).toEqual([
    'Spreadsheet.getId',
    'PropertiesService.getDocumentProperties',
    'Properties.getProperty',
    'Range.getSheet',
    'Sheet.getName',
  ]);
});

test("with automation on, onEdit only asks whether it is on and the owner's edit trigger marks the row", () => {
  const ctx = automatedTracker();
  const { row } = newCase(ctx);
  const calls: string[][] = [];
  const begin = ctx.ws.ledger.beginRun.bind(ctx.ws.ledger);
  ctx.ws.ledger.beginRun = () => {
    begin();
    calls.push([]);
  };
  const record = ctx.ws.ledger.record.bind(ctx.ws.ledger);
  ctx.ws.ledger.record = (member, block) => {
    calls[calls.length - 1]?.push(member);
    return record(member, block);
  };
  let outcome: ReturnType<typeof edit>;
  try {
    outcome = edit(ctx, cellOf(ctx, 'Seller ID', row), 'seller #9');
  } finally {
    ctx.ws.ledger.beginRun = begin;
    ctx.ws.ledger.record = record;
  }
  expect(outcome.triggersRun).toEqual(['onEdit', 'onCaseEdit']);
  expect(outcome.triggerErrors).toEqual([]);
  expect(calls[0]).toEqual([
    'Spreadsheet.getId',
    'PropertiesService.getDocumentProperties',
    'Properties.getProperty',
  ]);
  expect(calls[1]).toContain('Range.setNotes');
  expect(ctx.cases.getRange(row, ctx.column('Validation issues')).getValue()).toBe('Seller ID');
  expect(ctx.cases.getRange(row, ctx.column('Seller ID')).getNote()).toBe(
    'Casebook: "seller #9" may only hold letters, digits, - and _',
  );
  // A refused status keeps its reason note, and the row's validation marks with it.
  edit(ctx, cellOf(ctx, 'Status', row), 'Closed');
  expect(ctx.cases.getRange(row, ctx.column('Status')).getValue()).toBe('New');
  expect(String(ctx.cases.getRange(row, ctx.column('Status')).getNote())).toMatch(/^Casebook: /);
  expect(ctx.cases.getRange(row, ctx.column('Validation issues')).getValue()).toBe('Seller ID');
  edit(ctx, cellOf(ctx, 'Seller ID', row), 'S-4711');
  expect(ctx.cases.getRange(row, ctx.column('Validation issues')).getValue()).toBe('');
  expect(ctx.cases.getRange(row, ctx.column('Seller ID')).getNote()).toBe('');
});

test('an edit costs the same number of service calls at 100 and 3,000 cases', () => {
  const callsAt = (size: number) => {
    const ctx = tracker();
    fillLibrary(ctx, size);
    ctx.ws.ledger.reset();
    edit(ctx, cellOf(ctx, 'Severity', 50), 'P2');
    expect(ctx.cases.getRange(50, ctx.column('Validation issues')).getValue()).not.toBe('');
    return ctx.ws.ledger.byMember();
  };
  expect(callsAt(3_000)).toEqual(callsAt(100));
});
