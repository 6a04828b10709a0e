/**
 * Threat model, a hostile editor against the built bundle: every way they could redirect the owner's mail,
 * escalate into the owner's settings, or pre-empt the owner's hourly jobs is refused, and nothing is sent,
 * installed or written that should not be. (Sealed audit entries and system columns: audit-forgery.test.ts
 * and system-columns.test.ts.)
 */
import {
  callServerFunction,
  EditRefused,
  Execution,
  fireDueTimeTriggers,
  openSpreadsheet,
  runTrigger,
  simulateEdit,
} from '../../emulator';
import { createServiceGlobals } from '../../emulator/globals';
import { DEFAULT_SETTINGS } from '../../src/core/tracker/layout';
import {
  automatedTracker,
  HOUR,
  newCase,
  reachMenuItem,
  typeInto,
  typeSetting,
} from '../support/automation-tracker';
import { FIELDS, OPS, OWNER, type Tracker } from '../support/intake-tracker';
import { BOSS, hourlyRunAt, MONDAY_7_BERLIN, mailTo, reportTracker } from '../support/report-tracker';
import { fingerprint } from './support/fingerprint';

const OUTSIDER = 'collector@outside.example';

function scriptOf(ctx: Tracker, user: string) {
  const exec = new Execution(ctx.ws, { user, authMode: 'FULL', activeSpreadsheetId: ctx.spreadsheetId });
  return createServiceGlobals(exec) as unknown as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    ScriptApp: GoogleAppsScript.Script.ScriptApp;
  };
}

function tryAll(...attempts: (() => unknown)[]): void {
  for (const attempt of attempts) {
    try {
      attempt();
    } catch {
      // A refusal is one acceptable outcome; the checks after look at what changed.
    }
  }
}

describe('mail redirection', () => {
  test.each([
    'Team lead',
    'Team members',
    'Managers',
    'Admins',
    'Report folder ID',
    'Personal data in reports',
  ])('an editor cannot type %s, by hand or by their own script', (key) => {
    const ctx = reportTracker();
    expect(() => typeSetting(ctx, key, OUTSIDER, OPS)).toThrow(EditRefused);
    const settings = scriptOf(ctx, OPS).SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Settings')!;
    const row =
      settings
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === key) + 1;
    expect(row).toBeGreaterThan(1);
    expect(() => settings.getRange(row, 2).setValue(OUTSIDER)).toThrow(/protected/);
  });

  test("an outside address typed as a case's owner, in the sheet or the sidebar, never receives the owner's mail", () => {
    const ctx = reportTracker({ 'Personal data in reports': 'Yes' });
    hourlyRunAt(ctx, MONDAY_7_BERLIN - 2 * HOUR);
    const typed = newCase(ctx, { severity: 'P1' });
    typeInto(ctx, 'Owner', typed.row, OUTSIDER);
    const viaForm = callServerFunction(ctx.ws, ctx.session, 'submitCase', [
      {
        submissionId: 'hostile-owner-1',
        fields: {
          ...FIELDS,
          sellerId: 'S-666',
          severity: 'P1',
          owner: OUTSIDER,
        },
      },
    ]);
    expect(viaForm.ok).toBe(true);
    // The weekly summary, then a day and more of SLA checks until both P1 cases have long breached.
    for (let hour = 0; hour < 30; hour++) hourlyRunAt(ctx, MONDAY_7_BERLIN + hour * HOUR);
    expect(mailTo(ctx.ws, OUTSIDER)).toEqual([]);
    expect(mailTo(ctx.ws, BOSS).length).toBeGreaterThan(0);
    expect(ctx.ws.mail.every((m) => !m.to.includes('outside.example'))).toBe(true);
  });
});

describe('settings escalation', () => {
  test('an editor can type into no row of Settings and no cell of Lists', () => {
    const ctx = reportTracker();
    const before = fingerprint(ctx);
    for (const [key] of DEFAULT_SETTINGS)
      expect(() => typeSetting(ctx, key, OUTSIDER, OPS)).toThrow(EditRefused);
    const lists = ctx.ss.getSheetByName('Lists')!;
    for (let column = 1; column <= lists.getLastColumn(); column++) {
      expect(() =>
        simulateEdit(ctx.ws, {
          user: OPS,
          spreadsheetId: ctx.spreadsheetId,
          sheet: 'Lists',
          a1: `${String.fromCharCode(64 + Math.min(column, 26))}2`,
          values: OUTSIDER,
        }),
      ).toThrow(EditRefused);
    }
    expect(fingerprint(ctx)).toEqual(before);
  });

  test("an editor's script can neither lift, weaken nor widen the owner's protections, nor rename the tabs", () => {
    const ctx = reportTracker();
    const before = fingerprint(ctx);
    const { SpreadsheetApp } = scriptOf(ctx, OPS);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    for (const tab of ['Settings', 'Lists', 'Audit log']) {
      const sheet = ss.getSheetByName(tab)!;
      const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0]!;
      tryAll(
        () => protection.addEditor(OPS),
        () => protection.setWarningOnly(true),
        () => protection.remove(),
        () => sheet.setName(`${tab} (old)`),
        () => sheet.clear(),
        () => ss.deleteSheet(sheet),
      );
    }
    tryAll(() =>
      ss
        .insertSheet('Settings 2')
        .getRange('A1:B2')
        .setValues([
          ['Setting', 'Value'],
          ['Team lead', OUTSIDER],
        ]),
    );
    const after = fingerprint(ctx);
    delete after.sheets['Settings 2'];
    expect(after).toEqual(before);
  });

  test.each([
    ['setUpTracker'],
    ['enableAutomation'],
    ['disableAutomation'],
    ['runHourlyJobs'],
    ['onCaseEdit'],
    ['onEdit'],
    ['promptWeeklySummary'],
    ['onInstall'],
    ['onOpen'],
  ])(
    "an editor calling %s through google.script.run, with any arguments, changes nothing of the owner's",
    (name) => {
      const ctx = reportTracker();
      hourlyRunAt(ctx, MONDAY_7_BERLIN - 2 * HOUR);
      newCase(ctx, { severity: 'P1' });
      ctx.ws.clock.advance(5 * HOUR);
      const before = fingerprint(ctx);
      const argumentLists: unknown[][] = [
        [],
        [null],
        [{ authMode: 'FULL', source: { id: ctx.spreadsheetId } }],
        [{ triggerUid: 'x', range: 'A1', value: 'Closed', user: OWNER }],
        [{ week: '2026-W47', managers: [OUTSIDER] }],
        ['Team lead', OUTSIDER],
      ];
      for (const args of argumentLists) callServerFunction(ctx.ws, ctx.session, name, args);
      const after = fingerprint(ctx);
      expect(after.mail).toEqual(before.mail);
      expect(after.triggers).toEqual(before.triggers);
      expect(after.documents).toBe(before.documents);
      expect(after.properties).toEqual(before.properties);
      for (const tab of ['Settings', 'Lists', 'Audit log', 'Reports'])
        expect(after.sheets[tab]).toEqual(before.sheets[tab]);
      // The hour's jobs were left for the owner: their run now sends the breach notice.
      hourlyRunAt(ctx, ctx.ws.clock.now() + HOUR);
      expect(ctx.ws.mail.length).toBeGreaterThan(0);
    },
  );
});

describe('job pre-emption', () => {
  test("an editor's Enable automation and own trigger install and run nothing tracker-wide; the owner's run does the jobs", () => {
    const ctx = automatedTracker();
    openSpreadsheet(ctx.ws, ctx.session);
    // Not in an editor's menu: called from a sidebar's console instead, as a hostile editor would.
    const told = reachMenuItem(ctx.ws, ctx.session.user, ctx.spreadsheetId, 'Enable automation');
    expect(String(told)).toMatch(/owner/);
    expect(ctx.ws.triggers.filter((t) => t.owner === OPS)).toEqual([]);
    const mine = scriptOf(ctx, OPS).ScriptApp.newTrigger('runHourlyJobs').timeBased().everyHours(1).create();
    const { row } = newCase(ctx, { severity: 'P1' });
    const before = fingerprint(ctx);
    ctx.ws.clock.advance(3 * HOUR + 5 * 60_000);
    callServerFunction(ctx.ws, ctx.session, 'runHourlyJobs', []);
    runTrigger(ctx.ws, mine.getUniqueId());
    const after = fingerprint(ctx);
    expect(after.mail).toEqual(before.mail);
    expect(after.properties).toEqual(before.properties);
    expect(after.sheets.Cases).toEqual(before.sheets.Cases);
    fireDueTimeTriggers(ctx.ws);
    expect(ctx.cases.getRange(row, ctx.column('SLA')).getValue()).toBe('Due soon');
  });
});
