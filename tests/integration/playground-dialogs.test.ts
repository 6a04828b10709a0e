/**
 * Alerts and prompts in the playground: Apps Script waits for the person's answer, the emulator cannot, so
 * an unanswered dialog ends the run with what to ask, and the menu item runs again with the answer.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createWorkspace } from '../../emulator';
import { PlaygroundSession } from '../../emulator/playground/session';
import { UnansweredDialogError } from '../../emulator/runtime/errors';

const FIXTURE = `
function onOpen() { SpreadsheetApp.getUi().createAddonMenu().addItem('Rename tracker', 'renameTracker').addToUi(); }
function renameTracker() {
  var ui = SpreadsheetApp.getUi();
  var reply = ui.prompt('Rename', 'New name for the tracker?', ui.ButtonSet.OK_CANCEL);
  if (reply.getSelectedButton() !== ui.Button.OK) return 'kept';
  PropertiesService.getDocumentProperties().setProperty('name', reply.getResponseText());
  return 'renamed';
}
`;

test('an unanswered prompt ends the run with the question; run again with the answer, it completes', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casebook-dialog-'));
  writeFileSync(path.join(dir, 'Code.js'), FIXTURE);
  const ws = createWorkspace({
    users: [{ email: 'lead@governance.example' }],
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
