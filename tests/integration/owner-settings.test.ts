/**
 * Issue 15, deliverables 1 and 2 and the cell budget, through the built bundle: Settings and Lists are the
 * owner's (an editor can neither type there nor lift the protection), mail goes only to addresses on the
 * owner-kept list, a change of a setting is audited with its author, automation is run by the one person
 * the owner recorded (an editor's Enable automation installs nothing, an editor's trigger neither runs
 * nor marks the hour's jobs), and Google's 10 million cell limit is warned of at 80% and never crossed
 * half way. Docs: https://developers.google.com/apps-script/reference/spreadsheet/protection ,
 * https://support.google.com/drive/answer/37603 (10 million cells).
 */
import {
  callServerFunction,
  clickMenuItem,
  EditRefused,
  Execution,
  FAULTS,
  fireDueTimeTriggers,
  openSpreadsheet,
  runTrigger,
  simulateEdit,
  type Workspace,
} from '../../emulator';
import { createServiceGlobals } from '../../emulator/globals';
import {
  auditRows,
  automatedTracker,
  HOUR,
  LEAD,
  newCase,
  outbox,
  reachMenuItem,
  typeSetting,
} from '../support/automation-tracker';
import { growSpreadsheetTo } from '../support/cell-budget';
import { compactFixture, expectSweepHeld, type Sweep, sweepServiceErrors } from '../support/fault-sweep';
import { attachTracker, call, OPS, OWNER, type Tracker, tracker } from '../support/intake-tracker';
import { cellsReadByColumn } from '../support/ledger-cells';
import { BOSS, hourlyRunAt, MONDAY_7_BERLIN, reportTracker } from '../support/report-tracker';

const OUTSIDER = 'collector@outside.example';

/** What one person's own script (not Casebook) can do in the tracker. */
function servicesOf(ws: Workspace, user: string, spreadsheetId: string | null) {
  const exec = new Execution(ws, { user, authMode: 'FULL', activeSpreadsheetId: spreadsheetId });
  return createServiceGlobals(exec) as unknown as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    ScriptApp: GoogleAppsScript.Script.ScriptApp;
    PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  };
}

/** `user` opens the tracker (their menu) and clicks `caption`. */
/** The menu item, or for an owner-only one a member does not see, the same function from the console. */
function clickAs(ctx: Tracker, user: string, caption: string): unknown {
  return reachMenuItem(ctx.ws, user, ctx.spreadsheetId, caption);
}

/** The owner's own script lets `user` edit Settings and Lists: the mistake an attack needs. */
function ownerLetsIn(ctx: Tracker, user: string): void {
  const { SpreadsheetApp } = servicesOf(ctx.ws, OWNER, ctx.spreadsheetId);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  for (const tab of ['Settings', 'Lists'])
    ss.getSheetByName(tab)!.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0]!.addEditor(user);
}

const mailTo = (ws: Workspace, address: string) => ws.mail.filter((m) => m.to.includes(address));

describe('Settings and Lists are kept by the owner', () => {
  test('an editor cannot type into Settings or Lists, nor lift, weaken or widen their protection', () => {
    const ctx = tracker();
    expect(() =>
      simulateEdit(ctx.ws, {
        user: OPS,
        spreadsheetId: ctx.spreadsheetId,
        sheet: 'Settings',
        a1: 'B2',
        values: 'MDY',
      }),
    ).toThrow(EditRefused);
    expect(() => typeSetting(ctx, 'Team lead', OUTSIDER, OPS)).toThrow(EditRefused);
    expect(() =>
      simulateEdit(ctx.ws, {
        user: OPS,
        spreadsheetId: ctx.spreadsheetId,
        sheet: 'Lists',
        a1: 'A40',
        values: 'XX',
      }),
    ).toThrow(EditRefused);

    const { SpreadsheetApp } = servicesOf(ctx.ws, OPS, ctx.spreadsheetId);
    const settings = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Settings')!;
    const protection = settings.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0]!;
    expect(protection.getDescription()).toBe('Casebook: kept by the owner and the admins they name');
    expect(() => protection.remove()).toThrow('protected');
    expect(() => protection.setWarningOnly(true)).toThrow('protected');
    expect(() => protection.addEditor(OPS)).toThrow('protected');
    expect(() => settings.getRange('B2').setValue('MDY')).toThrow('protected');
    expect(settings.getRange('B2').getValue()).toBe('DMY');
  });

  test("an editor's outside address, with personal data on, is never mailed by the owner's runs", () => {
    const ctx = reportTracker();
    hourlyRunAt(ctx, MONDAY_7_BERLIN - 2 * HOUR);
    ownerLetsIn(ctx, OPS);
    typeSetting(ctx, 'Team lead', OUTSIDER, OPS);
    typeSetting(ctx, 'Managers', `${BOSS}, ${OUTSIDER}`, OPS);
    typeSetting(ctx, 'Personal data in reports', 'Yes', OPS);
    newCase(ctx, { severity: 'P1', owner: OUTSIDER });
    // The scheduled weekly summary, then hours of SLA checks until the P1 has long breached.
    for (let hour = 0; hour < 30; hour++) hourlyRunAt(ctx, MONDAY_7_BERLIN + hour * HOUR);
    expect(mailTo(ctx.ws, OUTSIDER)).toEqual([]);
    // Nothing at all goes out while the settings are not the owner's: the log says why, once per run.
    expect(ctx.ws.mail).toEqual([]);
    expect(ctx.ws.logs.some((l) => /Settings are not kept by the owner/.test(l.message))).toBe(true);
    expect(ctx.ws.logs.some((l) => l.message.includes(`${OPS} may edit the Settings tab`))).toBe(true);
    // The owner's own Generate weekly summary refuses too, and says why.
    ctx.ws.answerNextDialog({ button: 'OK' });
    const told = clickMenuItem(ctx.ws, {
      user: OWNER,
      spreadsheetId: ctx.spreadsheetId,
      caption: 'Generate weekly summary',
    });
    expect(told).toMatch(/^Nothing was generated\. Settings are not kept by the owner/);
    expect(ctx.ws.mail).toEqual([]);
  });

  test('one hourly run reads Settings and Lists once and checks their protections once, for all its jobs', () => {
    const ctx = reportTracker();
    newCase(ctx, { severity: 'P1' });
    hourlyRunAt(ctx, MONDAY_7_BERLIN - 2 * HOUR);
    ctx.ws.ledger.reset();
    // The sweep, the Dashboard, the archive and the weekly summary's check each take the owner's settings.
    hourlyRunAt(ctx, MONDAY_7_BERLIN - HOUR);
    const calls = ctx.ws.ledger.byMember();
    for (const tab of ['Settings', 'Lists']) {
      const sheet = ctx.ss.getSheetByName(tab)!;
      const read = [...cellsReadByColumn(ctx.ws.ledger, sheet.getSheetId()).values()].reduce(
        (a, b) => a + b,
        0,
      );
      // Measured before issue 19's run-wide read: four reads of each tab a run, one per job.
      expect({ tab, read }).toEqual({ tab, read: sheet.getLastRow() * sheet.getLastColumn() });
    }
    // Both protections in the one Sheets API read (with the sheet IDs): no Protection getter a job.
    expect(Object.keys(calls).filter((member) => /Protection|getProtections|getOwner/.test(member))).toEqual(
      [],
    );
    expect(ctx.ws.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  test("the owner's Set up tracker takes the settings back: editors removed, the owner's list mailed again", () => {
    const ctx = reportTracker();
    ownerLetsIn(ctx, OPS);
    typeSetting(ctx, 'Managers', OUTSIDER, OPS);
    clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Set up tracker' });
    expect(() => typeSetting(ctx, 'Managers', BOSS, OPS)).toThrow(EditRefused);
    typeSetting(ctx, 'Managers', BOSS);
    hourlyRunAt(ctx, MONDAY_7_BERLIN);
    expect(outbox(ctx.ws, BOSS)).toHaveLength(1);
    expect(mailTo(ctx.ws, OUTSIDER)).toEqual([]);
  });

  test("a case's Owner cell is never a recipient: a due-soon notice for an unlisted owner goes to the team lead", () => {
    const ctx = automatedTracker();
    const { caseId } = newCase(ctx, { severity: 'P1', owner: OUTSIDER });
    ctx.ws.clock.advance(3 * HOUR + 5 * 60_000);
    fireDueTimeTriggers(ctx.ws);
    expect(mailTo(ctx.ws, OUTSIDER)).toEqual([]);
    expect(outbox(ctx.ws, LEAD)[0]?.body).toContain(caseId);
  });

  test('a Settings change by the owner is audited with its author, old and new value', () => {
    const ctx = automatedTracker();
    typeSetting(ctx, 'Due soon at (%)', '80');
    const row = auditRows(ctx).find((r) => r[2] === 'Setting changed' && r[8] === 'Sheet edit');
    expect(row?.slice(1, 9)).toEqual([
      OWNER,
      'Setting changed',
      '',
      'Due soon at (%)',
      '75',
      '80',
      'Edited in the Settings tab',
      'Sheet edit',
    ]);
  });

  test("an editor's Set up tracker changes nothing and says who may run it", () => {
    const ctx = tracker();
    const settingsBefore = ctx.ss.getSheetByName('Settings')!.getDataRange().getValues();
    const told = clickAs(ctx, OPS, 'Set up tracker');
    expect(told).toBe(
      'Set up tracker decides who keeps Settings and Lists, so only the spreadsheet owner (lead@governance.example) or an admin they name may run it. Nothing was changed: ask them to run it.',
    );
    expect(ctx.ss.getSheetByName('Settings')!.getDataRange().getValues()).toEqual(settingsBefore);
    expect(auditRows(ctx).filter((r) => r[1] === OPS)).toEqual([]);
  });

  test('the owner names an admin, who may then change Settings and turn on automation', () => {
    const ctx = tracker();
    typeSetting(ctx, 'Admins', OPS);
    clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Set up tracker' });
    typeSetting(ctx, 'Team lead', LEAD, OPS);
    const told = clickAs(ctx, OPS, 'Enable automation');
    expect(told).toMatch(/^Automation is on/);
    expect(ctx.ws.triggers.filter((t) => t.owner === OPS)).toHaveLength(2);
  });
});

describe('automation is run by the owner it records', () => {
  test("an editor's Enable automation installs nothing and says who runs it", () => {
    const ctx = tracker();
    const before = clickAs(ctx, OPS, 'Enable automation');
    expect(before).toMatch(/can be turned on only by the spreadsheet owner \(lead@governance\.example\)/);
    clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Enable automation' });
    const after = clickAs(ctx, OPS, 'Enable automation');
    expect(after).toMatch(/^Automation for this tracker is run by lead@governance\.example; ask them/);
    expect(ctx.ws.triggers.filter((t) => t.owner === OPS)).toEqual([]);
    expect(ctx.ws.triggers.filter((t) => t.owner === OWNER)).toHaveLength(2);
    // Only the owner's choice changed who runs automation, and it is on the record with its author.
    const changes = auditRows(ctx).filter((r) => r[4] === 'Automation owner');
    expect(changes.map((r) => r.slice(1, 9))).toEqual([
      [OWNER, 'Setting changed', '', 'Automation owner', '', OWNER, 'Enable automation', 'Menu'],
    ]);
  });

  test("an editor's own hourly trigger neither runs nor marks the tracker's jobs", () => {
    const ctx = automatedTracker();
    const { row } = newCase(ctx, { severity: 'P1' });
    // The editor's own script makes a Casebook hourly trigger and points it at the tracker.
    const mine = servicesOf(ctx.ws, OPS, ctx.spreadsheetId);
    const trigger = mine.ScriptApp.newTrigger('runHourlyJobs').timeBased().everyHours(1).create();
    mine.PropertiesService.getUserProperties().setProperty(
      `casebook.tracker.${trigger.getUniqueId()}`,
      ctx.spreadsheetId,
    );
    const trackerStore = () => new Map(ctx.ws.propertyStore(`document:${ctx.spreadsheetId}`));
    ctx.ws.clock.advance(3 * HOUR + 5 * 60_000);
    const stateBefore = trackerStore();
    ctx.ws.ledger.reset();
    runTrigger(ctx.ws, trigger.getUniqueId());
    expect(ctx.ws.mail).toEqual([]);
    expect(trackerStore()).toEqual(stateBefore);
    // It touched no spreadsheet at all, and said why in one line.
    expect(ctx.ws.ledger.calls().filter((c) => c.startsWith('Spreadsheet'))).toEqual([]);
    expect(ctx.ws.logs.filter((l) => l.message.includes(`belongs to ${OPS}`))).toHaveLength(1);
    // The owner's run still finds the hour's jobs due and does them.
    const owners = ctx.ws.triggers.find((t) => t.eventType === 'CLOCK' && t.owner === OWNER)!;
    runTrigger(ctx.ws, owners.uid);
    expect(ctx.ss.getSheetByName('Cases')!.getRange(row, ctx.column('SLA')).getValue()).toBe('Due soon');
    expect(outbox(ctx.ws, OPS)).toHaveLength(1);
  });
});

describe('Enable automation under faults', () => {
  test('a service error at any call of Enable automation, then a retry, leaves the owner recorded and both triggers', () => {
    let spreadsheetId = '';
    const enable = (ctx: Tracker) =>
      clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId, caption: 'Enable automation' });
    const sweep: Sweep<Tracker> = {
      build() {
        const ctx = tracker();
        // Setup's empty 1,000-row tabs would make each restore cost as much as a new tracker.
        compactFixture(ctx.ss);
        spreadsheetId = ctx.spreadsheetId;
        return ctx;
      },
      // A restored workspace has no open menus: the owner opens the tracker again.
      reattach(ws) {
        openSpreadsheet(ws, { user: OWNER, spreadsheetId });
        return attachTracker(ws, spreadsheetId);
      },
      // The failure is reported to the owner; the retry must complete the work.
      operation: enable,
      retry(ctx) {
        // Never someone else's, never more than one of each, even before the retry.
        expect(ctx.ws.triggers.every((t) => t.owner === OWNER)).toBe(true);
        expect(ctx.ws.triggers.length).toBeLessThanOrEqual(2);
        enable(ctx);
      },
      check(ctx) {
        expect(ctx.ws.triggers.map((t) => `${t.owner}:${t.handlerFunction}`).sort()).toEqual([
          `${OWNER}:onCaseEdit`,
          `${OWNER}:runHourlyJobs`,
        ]);
        expect(
          ctx.ws.propertyStore(`document:${spreadsheetId}`).get(`casebook.automationOwner.${spreadsheetId}`),
        ).toBe(OWNER);
        const hourly = ctx.ws.triggers.find((t) => t.handlerFunction === 'runHourlyJobs')!;
        runTrigger(ctx.ws, hourly.uid);
        expect(ctx.ws.logs.some((l) => /it does nothing/.test(l.message))).toBe(false);
      },
    };
    expectSweepHeld(
      sweepServiceErrors(sweep, () => FAULTS.serverError()),
      21,
    );
  }, 300_000);
});

describe("Google's 10 million cells", () => {
  const fillTo = (ctx: Tracker, total: number) => growSpreadsheetTo(ctx.ws, ctx.spreadsheetId, OWNER, total);

  test('past 80% Validate library, About and the hourly run warn', () => {
    const ctx = automatedTracker();
    fillTo(ctx, 8_500_000);
    const validated = clickAs(ctx, OPS, 'Validate library') as { message: string };
    expect(validated.message).toMatch(/uses 8,500,000 of Google's 10,000,000 cells \(85%\)/);
    expect(ctx.ws.ui.toasts.at(-1)?.message).toMatch(/8,500,000 of Google's 10,000,000 cells/);
    expect(call<{ cells: string }>(ctx, 'getAboutInfo').cells).toMatch(/^This spreadsheet uses 8,500,000/);
    ctx.ws.clock.advance(HOUR);
    fireDueTimeTriggers(ctx.ws);
    expect(ctx.ws.logs.filter((l) => /uses 8,500,000 of Google's/.test(l.message))).toHaveLength(1);
  });

  test('a case that would pass the limit is refused whole, with a sentence; the same case fits once room is made', () => {
    const ctx = tracker();
    const { SpreadsheetApp } = servicesOf(ctx.ws, OWNER, ctx.spreadsheetId);
    const cases = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Cases')!;
    // The Cases tab is full to its last row, and the spreadsheet has room for less than one more row.
    cases.deleteRows(3, cases.getMaxRows() - 2);
    call(ctx, 'submitCase', { submissionId: 'fits-the-tab', fields: { ...FIELDS_P3 } });
    fillTo(ctx, 10_000_000 - cases.getMaxColumns() + 1);
    const auditBefore = auditRows(ctx).length;
    const reply = callServerFunction(ctx.ws, ctx.session, 'submitCase', [
      { submissionId: 'passes-the-limit', fields: { ...FIELDS_P3, sellerId: 'S-5150' } },
    ]);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.message).toMatch(
      /^Nothing was saved: a new case row needs \d+ more cells and this spreadsheet already uses 9,999,9\d\d of Google's 10,000,000\./,
    );
    expect(cases.getLastRow()).toBe(2);
    expect(auditRows(ctx).length).toBe(auditBefore);
    // The owner deletes the archive: the same submission now saves.
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.deleteSheet(ss.getSheetByName('Archive')!);
    expect(
      call<{ ok: boolean }>(ctx, 'submitCase', {
        submissionId: 'passes-the-limit',
        fields: { ...FIELDS_P3, sellerId: 'S-5150' },
      }).ok,
    ).toBe(true);
    expect(cases.getLastRow()).toBe(3);
  });

  test('Set up tracker adds no tab that would not fit, and says so', () => {
    const ctx = tracker();
    const { SpreadsheetApp } = servicesOf(ctx.ws, OWNER, ctx.spreadsheetId);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.deleteSheet(ss.getSheetByName('Reports')!);
    fillTo(ctx, 9_990_000);
    const told = clickMenuItem(ctx.ws, {
      user: OWNER,
      spreadsheetId: ctx.spreadsheetId,
      caption: 'Set up tracker',
    });
    expect(told).toMatch(/^Nothing was saved: setting up the missing tabs needs 26,000 more cells/);
    expect(ss.getSheetByName('Reports')).toBeNull();
  });
});

const FIELDS_P3 = {
  market: 'DE',
  sellerId: 'S-5100',
  liveDate: '20/11/2026',
  policy: 'counterfeit',
  legalGround: 'Regulation (EU) 2017/1001, Art. 9',
  illegalityExplanation: 'A registered mark used without the owner’s consent.',
  action: 'product takedown',
  detectionSource: 'manual',
  automatedDecision: 'Not automated',
  severity: 'P3',
  summary: 'Fälschung im LIVE gezeigt',
  status: 'New',
  owner: OPS,
};

describe("the dispatcher's memory, in the tracker's document properties", () => {
  test('a state longer than one property value is kept in parts, read back whole: no job runs twice an hour', () => {
    const ctx = automatedTracker();
    const key = `casebook.dispatcher.${ctx.spreadsheetId}`;
    // 800 remembered slots of retired jobs make the state ~15,000 characters, past one 9 KB value.
    const lastRun = Object.fromEntries(
      Array.from({ length: 800 }, (_, i) => [`retiredJob${String(i).padStart(3, '0')}`, 1]),
    );
    // Stored as a long state is (one value holds at most 9 KB): parts of 2,000 characters under a head.
    const long = JSON.stringify({ lastRun, delivered: [], lastActivity: '' });
    const stored = ctx.ws.propertyStore(`document:${ctx.spreadsheetId}`);
    const count = Math.ceil(long.length / 2_000);
    for (let i = 0; i < count; i++) stored.set(`${key}.${i}`, long.slice(i * 2_000, (i + 1) * 2_000));
    stored.set(key, `parts:${count}`);
    newCase(ctx, { severity: 'P1' });
    ctx.ws.clock.advance(3 * HOUR + 5 * 60_000);
    const owners = ctx.ws.triggers.find((t) => t.eventType === 'CLOCK' && t.owner === OWNER)!;
    runTrigger(ctx.ws, owners.uid);
    const store = ctx.ws.propertyStore(`document:${ctx.spreadsheetId}`);
    const head = store.get(key) ?? '';
    expect(head).toMatch(/^parts:\d+$/);
    const parts = Number(head.slice('parts:'.length));
    expect(parts).toBeGreaterThan(6);
    const state = JSON.parse(
      Array.from({ length: parts }, (_, i) => store.get(`${key}.${i}`) ?? '').join(''),
    ) as { lastRun: Record<string, number> };
    expect(state.lastRun.retiredJob799).toBe(1);
    expect(state.lastRun.slaSweep).toBeGreaterThan(1);
    expect(outbox(ctx.ws, OPS)).toHaveLength(1);
    // A doubled firing in the same hour reads the parts and finds every job done: it reads no cells.
    ctx.ws.ledger.reset();
    runTrigger(ctx.ws, owners.uid);
    expect(ctx.ws.ledger.calls().filter((call) => call.startsWith('Range.'))).toEqual([]);
    expect(outbox(ctx.ws, OPS)).toHaveLength(1);
  });
});
