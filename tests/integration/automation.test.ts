/**
 * Issue 6 through the built bundle: "Enable automation" installs the edit trigger and the one hourly
 * trigger; status edits typed, pasted or cleared in the sheet follow the lifecycle (accepted ones stamped
 * and audited, refused ones put back with a note and a toast); the case sidebar obeys the same rules; the
 * hourly dispatcher sweeps SLAs, raising levels and mailing digests exactly once, whatever the firing.
 */
import {
  clickMenuItem,
  FAULTS,
  fireDueTimeTriggers,
  runTrigger,
  simulateEdit,
  type Workspace,
} from '../../emulator';
import {
  auditRows,
  automatedTracker,
  cell,
  HOUR,
  LEAD,
  newCase,
  outbox,
  rowOf,
  typeInto,
} from '../support/automation-tracker';
import { call, fillLibrary, OPS, OWNER, tracker } from '../support/intake-tracker';

function triggersOf(ws: Workspace, owner = OWNER) {
  return ws.triggers.filter((t) => t.owner === owner).map((t) => `${t.eventType}:${t.handlerFunction}`);
}

describe('Enable and Disable automation', () => {
  test('installs one edit trigger and one hourly trigger, idempotently; Disable removes them; About says so', () => {
    const ctx = automatedTracker();
    expect(triggersOf(ctx.ws).sort()).toEqual(['CLOCK:runHourlyJobs', 'ON_EDIT:onCaseEdit']);
    clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Enable automation' });
    expect(triggersOf(ctx.ws)).toHaveLength(2);
    expect(ctx.ws.ui.toasts.at(-1)?.message).toMatch(/already on/);
    const about = call<{ automation: string }>(
      { ...ctx, session: { user: OWNER, spreadsheetId: ctx.spreadsheetId } },
      'getAboutInfo',
    );
    expect(about.automation).toMatch(/^Automation is on for you/);
    // Automation is the tracker's, run by one person: another user is told who.
    expect(call<{ automation: string }>(ctx, 'getAboutInfo').automation).toBe(
      `Automation for this tracker is run by ${OWNER}.`,
    );
    clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Disable automation' });
    expect(triggersOf(ctx.ws)).toEqual([]);
    clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Disable automation' });
    expect(ctx.ws.ui.toasts.at(-1)?.message).toMatch(/was not on/);
  });

  test('a passing failure to create a trigger is retried; a lasting one is reported and leaves nothing half on', () => {
    const ctx = tracker();
    ctx.ws.faults.failOn('SpreadsheetTriggerBuilder.create', 1, FAULTS.serverError());
    clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Enable automation' });
    expect(triggersOf(ctx.ws)).toHaveLength(2);
    clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Disable automation' });

    // Each hook counts only the calls that reach it, so three first-call hooks fail three calls in a row.
    for (let attempt = 1; attempt <= 3; attempt++)
      ctx.ws.faults.failOn('ClockTriggerBuilder.create', 1, FAULTS.serverError());
    expect(() =>
      clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Enable automation' }),
    ).toThrow(/could not turn on the hourly checks after 3 tries/);
    expect(triggersOf(ctx.ws)).toEqual([]);
  });
});

describe('status edits in the sheet', () => {
  test('an allowed change is stamped, its SLA computed and audited; a refused one is put back with a note and a toast', () => {
    const ctx = automatedTracker();
    const { caseId, row } = newCase(ctx, { severity: 'P1' });
    ctx.ws.clock.advance(HOUR);
    typeInto(ctx, 'Status', row, 'Triaged');
    expect(cell(ctx, row, 'Status')).toBe('Triaged');
    expect(cell(ctx, row, 'Accepted status')).toBe('Triaged');
    expect((cell(ctx, row, 'Status changed at') as Date).getTime()).toBe(ctx.ws.clock.now());
    expect(auditRows(ctx).at(-1)).toEqual(
      expect.arrayContaining(['Edit', caseId, 'Status', 'New', 'Triaged', 'Sheet edit']),
    );

    const outcome = typeInto(ctx, 'Status', row, 'Closed');
    expect(outcome.triggerErrors).toEqual([]);
    expect(cell(ctx, row, 'Status')).toBe('Triaged');
    expect(ctx.cases.getRange(row, ctx.column('Status')).getNote()).toBe(
      'Casebook: Closed was not accepted: Closed only follows Resolved: resolve the case first',
    );
    expect(ctx.ws.ui.toasts.at(-1)?.message).toBe(
      `${caseId}: Closed only follows Resolved: resolve the case first. The status was put back.`,
    );
    expect(auditRows(ctx).at(-1)).toEqual(
      expect.arrayContaining(['Status refused', caseId, 'Triaged', 'Closed']),
    );

    typeInto(ctx, 'Status', row, 'Escalated');
    expect(cell(ctx, row, 'Status')).toBe('Triaged');
    expect(ctx.ws.ui.toasts.at(-1)?.message).toMatch(/Escalated needs "Escalated to"/);
    typeInto(ctx, 'Escalated to', row, 'Policy');
    typeInto(ctx, 'Status', row, 'Escalated');
    expect(cell(ctx, row, 'Status')).toBe('Escalated');
    expect((cell(ctx, row, 'Escalated at') as Date).getTime()).toBe(ctx.ws.clock.now());
    expect(cell(ctx, row, 'SLA')).toBe('On track');
    expect(cell(ctx, row, 'SLA due')).toBeInstanceOf(Date);
  });

  test('a pasted block and cleared cells: each case is checked on its own, refused ones restored', () => {
    const ctx = automatedTracker();
    const first = newCase(ctx);
    const second = newCase(ctx);
    const third = newCase(ctx);
    expect([second.row, third.row]).toEqual([first.row + 1, first.row + 2]);
    typeInto(ctx, 'Status', first.row, [['Triaged'], ['Resolved'], ['Escalated']]);
    expect([first.row, second.row, third.row].map((r) => cell(ctx, r, 'Status'))).toEqual([
      'Triaged',
      'New',
      'New',
    ]);
    expect(ctx.ws.ui.toasts.at(-1)?.message).toBe(
      '2 status changes were put back: see the notes on their Status cells.',
    );
    typeInto(ctx, 'Status', first.row, [[''], ['']]);
    expect([first.row, second.row].map((r) => cell(ctx, r, 'Status'))).toEqual(['Triaged', 'New']);
  });

  test('rows are found by ID: a sort between reading and writing still stamps the right case', () => {
    const ctx = automatedTracker();
    const first = newCase(ctx, { sellerId: 'S-ZZZ' });
    const second = newCase(ctx, { sellerId: 'S-AAA' });
    // Another person sorts by seller after the trigger read the edited rows (it makes its write ID next,
    // inside the lock, and the simple onEdit never asks for one).
    ctx.ws.faults.beforeCall('Utilities.getUuid', 1, () => {
      ctx.cases.getRange(2, 1, 2, ctx.cases.getLastColumn()).sort(ctx.column('Seller ID'));
    });
    typeInto(ctx, 'Status', first.row, 'Triaged');
    expect(cell(ctx, rowOf(ctx, first.caseId), 'Accepted status')).toBe('Triaged');
    expect(cell(ctx, rowOf(ctx, first.caseId), 'Status changed at')).toBeInstanceOf(Date);
    expect(cell(ctx, rowOf(ctx, second.caseId), 'Accepted status')).toBe('New');
  });

  test('a busy lock writes nothing and says so', () => {
    const ctx = automatedTracker();
    const { row } = newCase(ctx);
    ctx.ws.faults.failOn('Lock.tryLock', 1, FAULTS.lockTimeout());
    const before = auditRows(ctx).length;
    const outcome = typeInto(ctx, 'Status', row, 'Triaged');
    // The simple onEdit does not lock; the installed trigger's failure is reported as Sheets would log it.
    expect(outcome.triggersRun).toContain('onCaseEdit');
    expect(cell(ctx, row, 'Accepted status')).toBe('New');
    expect(auditRows(ctx)).toHaveLength(before);
  });

  test('the case sidebar follows the same lifecycle', () => {
    const ctx = automatedTracker();
    const { caseId } = newCase(ctx);
    const view = call<{ found: true; view: { version: string } }>(ctx, 'getCaseView', { caseId }).view;
    const refused = call<{ ok: boolean; errors: Record<string, string> }>(ctx, 'updateCase', {
      caseId,
      version: view.version,
      changes: { status: 'Resolved', resolution: 'Done', rootCause: 'Seller conduct' },
    });
    expect(refused).toEqual({
      ok: false,
      errors: { status: 'A case in New cannot move to Resolved: from New it can go to Triaged or Escalated' },
    });
    const saved = call<{ ok: boolean; version: string }>(ctx, 'updateCase', {
      caseId,
      version: view.version,
      changes: { status: 'Triaged' },
    });
    expect(saved.ok).toBe(true);
    const row = rowOf(ctx, caseId);
    expect(cell(ctx, row, 'Accepted status')).toBe('Triaged');
    const next = call<{ ok: boolean }>(ctx, 'updateCase', {
      caseId,
      version: saved.version,
      changes: { status: 'Resolved', resolution: 'Seller informed.', rootCause: 'Seller conduct' },
    });
    expect(next.ok).toBe(true);
    expect(cell(ctx, row, 'Resolved at')).toBeInstanceOf(Date);
    expect(cell(ctx, row, 'SLA')).toBe('Met');
  });

  test('a status edit costs the same at 100 and at 3,000 cases; edits elsewhere cost a fixed handful of calls', () => {
    const costs = [100, 3_000].map((size) => {
      const ctx = automatedTracker();
      fillLibrary(ctx, size);
      const { row } = newCase(ctx);
      ctx.ws.ledger.reset();
      typeInto(ctx, 'Status', row, 'Triaged');
      const status = ctx.ws.ledger.calls().length;
      ctx.ws.ledger.reset();
      simulateEdit(ctx.ws, {
        user: OPS,
        spreadsheetId: ctx.spreadsheetId,
        sheet: 'Reports',
        a1: 'D5',
        values: 'x',
      });
      return { status, elsewhere: ctx.ws.ledger.calls().length };
    });
    expect(costs[1]).toEqual(costs[0]);
    // A fixed cost, the same at both sizes: about 20 calls check that Settings and Lists are the owner's
    // before the SLA settings are used, about 25 seal the edit's audit entries exactly once (channel
    // batch, drain journal, one sealed append, chain head, clean-up), and the write reads its rows right
    // before and right after writing, to verify they still hold the case.
    expect(costs[0]?.status).toBeLessThan(115);
    // The simple onEdit asks the store whether automation is on (3 calls: the tracker's ID, the document
    // properties, the owner's property) and, as it is, stops: the installable one marks Cases rows. That
    // one first asks whether its owner's authorisation holds (2 calls): without it, even that would fail;
    // then whether it runs as the recorded automation owner (5 calls: the tracker's ID, the script
    // property, the effective user), then the edited range for its tab and the tab for its name (no Apps
    // Script call names a range's tab in one: src/adapters/edited-range.ts), and, seeing no Cases edit,
    // whether Settings or Lists were edited (2).
    expect(costs[0]?.elsewhere).toBe(14);
  }, 120_000);
});

describe('the hourly dispatcher', () => {
  test('due soon once to the owner, breach once to the lead with the level raised, whatever the firings', () => {
    const ctx = automatedTracker();
    // Monday 09:00 Dublin; P1 is 4 working hours.
    const { caseId, row } = newCase(ctx, { severity: 'P1' });
    ctx.ws.clock.advance(HOUR);
    fireDueTimeTriggers(ctx.ws);
    expect(cell(ctx, row, 'SLA')).toBe('On track');
    expect(ctx.ws.mail).toEqual([]);

    ctx.ws.clock.advance(2 * HOUR + 5 * 60_000); // 3h05 of 4h used
    fireDueTimeTriggers(ctx.ws);
    expect(cell(ctx, row, 'SLA')).toBe('Due soon');
    expect(outbox(ctx.ws, OPS)).toHaveLength(1);
    expect(outbox(ctx.ws, OPS)[0]?.subject).toBe('Casebook: 1 due soon - Tracker');
    expect(outbox(ctx.ws, OPS)[0]?.body).toContain(caseId);
    // A doubled firing in the same hour does nothing.
    const uid = ctx.ws.triggers.find((t) => t.eventType === 'CLOCK')!.uid;
    runTrigger(ctx.ws, uid);
    expect(ctx.ws.mail).toHaveLength(1);

    // Missed firings: the clock jumps a day; one run does the breach once.
    ctx.ws.clock.advance(24 * HOUR);
    fireDueTimeTriggers(ctx.ws);
    expect(cell(ctx, row, 'SLA')).toBe('Breached');
    expect(cell(ctx, row, 'Escalation level')).toBe(1);
    expect(outbox(ctx.ws, LEAD)).toHaveLength(1);
    expect(outbox(ctx.ws, LEAD)[0]?.subject).toBe('Casebook: 1 breached - Tracker');
    for (let i = 0; i < 5; i++) {
      ctx.ws.clock.advance(HOUR);
      fireDueTimeTriggers(ctx.ws);
      runTrigger(ctx.ws, uid);
    }
    expect(ctx.ws.mail).toHaveLength(2);
    expect(cell(ctx, row, 'Escalation level')).toBe(1);
    // The level is raised with the breach, the notice's token added once the mail went.
    expect(cell(ctx, row, 'SLA notices')).toBe('due soon sent, level raised, breach sent');
  });

  test('with the mail quota used up, notices wait and go out once it is back', () => {
    const ctx = automatedTracker();
    ctx.ws.getUser(OWNER).mailRecipientsPerDay = 0;
    const { row } = newCase(ctx, { severity: 'P1' });
    ctx.ws.clock.advance(3 * HOUR + 10 * 60_000);
    fireDueTimeTriggers(ctx.ws);
    expect(cell(ctx, row, 'SLA')).toBe('Due soon');
    expect(ctx.ws.mail).toEqual([]);
    expect(cell(ctx, row, 'SLA notices')).toBe('');
    ctx.ws.getUser(OWNER).mailRecipientsPerDay = 1500;
    ctx.ws.clock.advance(50 * 60_000); // the next firing: exactly 4 working hours used, still due soon
    fireDueTimeTriggers(ctx.ws);
    expect(outbox(ctx.ws, OPS)).toHaveLength(1);
  });

  test('a service failure mid-sweep leaves nothing half done; the next run finishes without a second mail', () => {
    const ctx = automatedTracker();
    const cases = [newCase(ctx, { severity: 'P1' }), newCase(ctx, { severity: 'P1' })];
    ctx.ws.clock.advance(3 * HOUR + 10 * 60_000);
    // The run's first setValues moves the sidebar's waiting audit entries into the log; the second is the
    // sweep's rows (their SLA columns, before any notice is mailed).
    ctx.ws.faults.failOn('Range.setValues', 2, FAULTS.serviceError());
    expect(() => fireDueTimeTriggers(ctx.ws)).toThrow(/Service Spreadsheets failed/);
    expect(outbox(ctx.ws, OPS)).toHaveLength(0);
    expect(cases.map((c) => cell(ctx, c.row, 'SLA'))).toEqual(['On track', 'On track']);
    ctx.ws.clock.advance(50 * 60_000);
    fireDueTimeTriggers(ctx.ws);
    expect(cases.map((c) => cell(ctx, c.row, 'SLA'))).toEqual(['Due soon', 'Due soon']);
    expect(cases.map((c) => cell(ctx, c.row, 'SLA notices'))).toEqual(['due soon sent', 'due soon sent']);
    expect(outbox(ctx.ws, OPS)).toHaveLength(1);
  });

  test('without authorisation the run makes no privileged call and logs it once', () => {
    const ctx = automatedTracker();
    newCase(ctx, { severity: 'P1' });
    ctx.ws.getUser(OWNER).authorized = false;
    for (let i = 0; i < 3; i++) {
      ctx.ws.clock.advance(HOUR);
      ctx.ws.ledger.reset();
      fireDueTimeTriggers(ctx.ws);
      expect(ctx.ws.ledger.calls().some((m) => /^(SpreadsheetApp|Spreadsheet|Range|MailApp)\./.test(m))).toBe(
        false,
      );
    }
    expect(ctx.ws.logs.filter((l) => /needs your authorisation again/.test(l.message))).toHaveLength(1);
  });

  test('the sweep reads once and writes once per contiguous block, at 100 and 3,000 cases', () => {
    const costs = [100, 3_000].map((size) => {
      const ctx = automatedTracker();
      fillLibrary(ctx, size);
      newCase(ctx, { severity: 'P1' });
      newCase(ctx, { severity: 'P1' });
      ctx.ws.clock.advance(3 * HOUR + 10 * 60_000);
      ctx.ws.ledger.reset();
      fireDueTimeTriggers(ctx.ws);
      return ctx.ws.ledger.byMember();
    });
    expect(costs[1]).toEqual(costs[0]);
    // Six for sealing the waiting audit entries and checking the rows added to the log, one for the weekly
    // summary job's look at its Settings, one for the log's header when the notices' entries are sealed, 20
    // for the Dashboard job (issue 17: the header, Lists, Settings twice and its 16 columns, whatever the
    // size), and the sweep's (issue 19): the header and its four runs of columns over every case, then twice
    // (the SLA columns, then the notice's token once the mail went) the block's rows again in the lock and
    // the Case ID and written columns right before and after the write.
    expect(costs[0]?.['Range.getValues']).toBeLessThanOrEqual(41);
    expect(costs[0]?.['MailApp.sendEmail']).toBe(1);
  }, 180_000);
});
