/**
 * Threat model, viewers: someone the tracker is shared with as a viewer can open Casebook's sidebars and
 * read a case, but nothing they do writes: not a submission, not a sidebar save, not an import, not a
 * menu item, not a typed cell. Sheets refuses a viewer's writes (emulated in
 * tests/emulator/sheets-rules.test.ts); here we check Casebook neither works around it nor half-writes.
 */
import {
  callServerFunction,
  clickMenuItem,
  EditRefused,
  openSpreadsheet,
  simulateEdit,
} from '../../emulator';
import { automatedTracker, newCase } from '../support/automation-tracker';
import { FIELDS, type Tracker } from '../support/intake-tracker';
import { fingerprint } from './support/fingerprint';

const VIEWER = 'rui.view@governance.example';

let ctx: Tracker;
let caseId: string;
beforeAll(() => {
  ctx = automatedTracker();
  caseId = newCase(ctx).caseId;
  ctx.ws.addUser(VIEWER);
  ctx.ws.shareSpreadsheet(ctx.spreadsheetId, VIEWER, 'viewer');
});

const asViewer = (name: string, ...args: unknown[]) =>
  callServerFunction(ctx.ws, { user: VIEWER, spreadsheetId: ctx.spreadsheetId }, name, args);

test('a viewer opens the sidebars and reads a case', () => {
  const before = fingerprint(ctx);
  const session = { user: VIEWER, spreadsheetId: ctx.spreadsheetId };
  openSpreadsheet(ctx.ws, session);
  const shownBefore = ctx.ws.ui.shown.length;
  for (const caption of ['New case', 'About Casebook']) clickMenuItem(ctx.ws, { ...session, caption });
  expect(ctx.ws.ui.shown.length).toBe(shownBefore + 2);
  const view = asViewer('getCaseView', { caseId });
  expect(view.ok).toBe(true);
  expect(view.ok && (view.value as { found: boolean }).found).toBe(true);
  expect(asViewer('getIntakeOptions').ok).toBe(true);
  expect(fingerprint(ctx)).toEqual(before);
});

test('a viewer can save nothing: submit, sidebar edit, import and a work note are refused with nothing written', () => {
  const before = fingerprint(ctx);
  const view = asViewer('getCaseView', { caseId });
  const version = view.ok ? (view.value as { view: { version: string } }).view.version : '';
  const attempts = [
    asViewer('submitCase', { submissionId: 'viewer-submit-1', fields: { ...FIELDS, sellerId: 'S-VIEW' } }),
    asViewer('updateCase', { caseId, version, changes: { summary: 'changed by a viewer' } }),
    asViewer('runLegacyImport', { tab: 'Cases', mapping: {} }),
    asViewer('addWorkNote', { caseId, text: 'A viewer trying to leave a note.' }),
  ];
  for (const reply of attempts) {
    const refused = !reply.ok || (reply.value as { ok?: boolean }).ok === false;
    expect(refused).toBe(true);
  }
  expect(fingerprint(ctx)).toEqual(before);
});

test("a viewer's menu items for the owner's jobs change nothing", () => {
  const before = fingerprint(ctx);
  const session = { user: VIEWER, spreadsheetId: ctx.spreadsheetId };
  for (const caption of ['Set up tracker', 'Enable automation', 'Disable automation', 'Validate library']) {
    try {
      clickMenuItem(ctx.ws, { ...session, caption });
    } catch {
      // Refused is fine: what matters is that nothing changed.
    }
  }
  for (const name of ['runHourlyJobs', 'setUpTracker', 'enableAutomation', 'disableAutomation'])
    asViewer(name);
  expect(fingerprint(ctx)).toEqual(before);
});

test('a viewer cannot type into any tab', () => {
  for (const sheet of ['Cases', 'Settings', 'Lists', 'Audit log']) {
    expect(() =>
      simulateEdit(ctx.ws, { user: VIEWER, spreadsheetId: ctx.spreadsheetId, sheet, a1: 'B2', values: 'x' }),
    ).toThrow(EditRefused);
  }
});
