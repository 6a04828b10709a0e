/**
 * The playground session on a small fixture add-on: alerts and prompts (Apps Script waits for the person's
 * answer, the emulator cannot, so an unanswered dialog ends the run with what to ask and the menu item runs
 * again with the answer), installed triggers with "run now" and a clock moved forward, and what the window
 * is told about toasts shown before it opened.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createWorkspace } from '../../emulator';
import { playgroundState } from '../../emulator/playground/server';
import { PlaygroundSession } from '../../emulator/playground/session';
import { UnansweredDialogError } from '../../emulator/runtime/errors';

const FIXTURE = `
function onOpen() {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Rename tracker', 'renameTracker')
    .addItem('Enable reminders', 'enableReminders').addItem('Say hello', 'sayHello').addToUi();
}
function sayHello() { SpreadsheetApp.getActiveSpreadsheet().toast('Hello', 'Fixture'); }
function enableReminders() {
  ScriptApp.newTrigger('remind').timeBased().everyHours(1).create();
  ScriptApp.newTrigger('onTrackerEdit').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
}
function remind(e) { MailApp.sendEmail('ana.ops@governance.example', 'Reminder ' + e.hour, 'Check the tracker'); }
function onTrackerEdit(e) {}
function renameTracker() {
  var ui = SpreadsheetApp.getUi();
  var reply = ui.prompt('Rename', 'New name for the tracker?', ui.ButtonSet.OK_CANCEL);
  if (reply.getSelectedButton() !== ui.Button.OK) return 'kept';
  PropertiesService.getDocumentProperties().setProperty('name', reply.getResponseText());
  return 'renamed';
}
`;

function fixtureSession() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casebook-dialog-'));
  writeFileSync(path.join(dir, 'Code.js'), FIXTURE);
  const ws = createWorkspace({
    users: [{ email: 'lead@governance.example' }, { email: 'ana.ops@governance.example' }],
    bundlePath: path.join(dir, 'Code.js'),
  });
  const ss = ws.createSpreadsheet({ name: 'Tracker', owner: 'lead@governance.example' });
  const session = new PlaygroundSession(
    ws,
    { spreadsheetId: ss.id, user: 'lead@governance.example', clockOffsetMs: 0 },
    () => undefined,
    () => Date.UTC(2026, 10, 23, 9),
  );
  session.open();
  return { ws, ss, session };
}

test('an unanswered prompt ends the run with the question; run again with the answer, it completes', () => {
  const { ws, ss, session } = fixtureSession();
  let asked: unknown = null;
  try {
    session.clickMenu('Rename tracker');
  } catch (error) {
    asked = error instanceof UnansweredDialogError ? error.dialog : error;
  }
  expect(asked).toEqual({
    kind: 'prompt',
    title: 'Rename',
    prompt: 'New name for the tracker?',
    buttons: 'OK_CANCEL',
  });
  expect(session.clickMenu('Rename tracker', [{ button: 'CANCEL' }])).toBe('kept');
  expect(session.clickMenu('Rename tracker', [{ button: 'OK', text: 'EU tracker' }])).toBe('renamed');
  expect(ws.propertyStore(`document:${ss.id}`).get('name')).toBe('EU tracker');
  // Answers never carry over to a later run.
  expect(() => session.clickMenu('Rename tracker')).toThrow(UnansweredDialogError);
});

test('time-driven triggers run on demand or when the clock moves past them; edit triggers do not run on demand', () => {
  const { ws, session } = fixtureSession();
  session.clickMenu('Enable reminders');
  const [hourly, edit] = session.triggers();
  session.runTrigger(hourly!.uid);
  expect(ws.mail.map((m) => m.subject)).toEqual(['Reminder 9']);
  expect(session.lastOperation).toMatchObject({ label: 'Run remind (time-driven trigger)', calls: 1 });
  expect(() => session.runTrigger(edit!.uid)).toThrow('Only time-driven triggers run on demand');
  // An hour and a bit later the trigger is due again, and fires when the clock passes it.
  expect(session.advanceClock(61 * 60_000)).toEqual([hourly!.uid]);
  expect(ws.mail).toHaveLength(2);
  expect(session.meta.clockOffsetMs).toBe(61 * 60_000);
  expect(() => session.advanceClock(0)).toThrow('The clock only moves forward');
});

test('moving the clock says which time-driven triggers it fired', () => {
  const { session } = fixtureSession();
  session.clickMenu('Enable reminders');
  session.advanceClock(5 * 60_000);
  expect(session.lastOperation?.label).toBe('Clock moved forward 5 min');
  session.advanceClock(60 * 60_000);
  expect(session.lastOperation?.label).toBe('Clock moved forward 60 min: ran remind');
});

test("the state counts everyone's toasts, so a window opened later shows none from before, whoever acts", () => {
  const { ws, ss, session } = fixtureSession();
  ws.shareSpreadsheet(ss.id, 'ana.ops@governance.example');
  session.clickMenu('Say hello');
  expect(playgroundState(session).toasts).toEqual([
    expect.objectContaining({ user: 'lead@governance.example', message: 'Hello', index: 0 }),
  ]);
  session.switchUser('ana.ops@governance.example');
  const state = playgroundState(session);
  expect(state.toasts).toEqual([]);
  // The window's baseline: anything with an index below these counts happened before it opened.
  expect(state.uiCounts).toEqual({ shown: 0, dialogs: 0, toasts: 1 });
});
