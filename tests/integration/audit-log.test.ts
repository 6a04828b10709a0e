/**
 * Issue 15 deliverable 3 through the built bundle: every execution records its audit entries in the
 * add-on's document properties (the audit channel, which no cell reaches); the owner's hourly run seals
 * them into the protected Audit log, each with a sequence number and a seal chained to the row before,
 * exactly once even when any call fails (Verify audit log naming a tampered row:
 * tests/security/audit-forgery.test.ts); the case sidebar marks each entry sealed or pending. Also the edit trigger's other duties
 * (Severity and Escalated to edits audited with their old value, statuses reconciled by the sweep) and the
 * trigger handler cannot be driven from the browser console.
 */
import {
  callServerFunction,
  clickMenuItem,
  createWorkspace,
  EditRefused,
  Execution,
  FAULTS,
  fireDueTimeTriggers,
  loadBundle,
  openSpreadsheet,
  restoreWorkspace,
  simulateEdit,
  snapshotWorkspace,
  type Workspace,
} from '../../emulator';
import { createServiceGlobals } from '../../emulator/globals';
import { MAX_STORE_BYTES } from '../../src/core/audit/channel';
import { documentProperties, pendingAudit } from '../support/audit-channel';
import {
  auditRows,
  automatedTracker,
  cell,
  HOUR,
  newCase,
  rowOf,
  typeInto,
} from '../support/automation-tracker';
import { compactFixture } from '../support/fault-sweep';
import { call, FIELDS, OPS, OWNER } from '../support/intake-tracker';

const SOURCE = 8;
const SEQUENCE = 9;
const SEAL = 10;

/** Verify audit log, clicked by the owner; its answer (also shown in an alert). */
function verify(ws: Workspace, spreadsheetId: string): string {
  ws.answerNextDialog({ button: 'OK' });
  return String(clickMenuItem(ws, { user: OWNER, spreadsheetId, caption: 'Verify audit log' }));
}

/** The same menu function, called without building the menu first (restored workspaces have none). */
function verifyDirectly(ws: Workspace, spreadsheetId: string): string {
  ws.answerNextDialog({ button: 'OK' });
  const bundle = loadBundle(ws, { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId });
  try {
    return String(bundle.call('verifyAuditLog'));
  } finally {
    bundle.end();
  }
}

type HistoryView = { view: { history: { action: string; status: string; field: string }[] } };

describe('the audit channel and the sealed log', () => {
  test('set up protects the log for the owner alone, with Sequence and Seal columns and no inbox', () => {
    const ctx = automatedTracker();
    const log = ctx.ss.getSheetByName('Audit log')!;
    const [protection] = log.getProtections(
      'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType,
    );
    expect(protection?.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
    expect((log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0] as string[]).slice(SEQUENCE)).toEqual([
      'Sequence',
      'Seal',
    ]);
    expect(ctx.ss.getSheetByName('Audit inbox')).toBeNull();
    expect(() =>
      simulateEdit(ctx.ws, {
        user: OPS,
        spreadsheetId: ctx.spreadsheetId,
        sheet: 'Audit log',
        a1: 'B2',
        values: 'me',
      }),
    ).toThrow(EditRefused);
  });

  test("an ops sidebar entry waits in the channel (history: pending), then the owner's hourly run seals it once", () => {
    const ctx = automatedTracker();
    const before = auditRows(ctx).length;
    const { caseId } = newCase(ctx);
    expect(auditRows(ctx)).toHaveLength(before);
    expect(
      pendingAudit(ctx.ws, ctx.spreadsheetId).map((e) => [e.user, e.action, e.caseId, e.source]),
    ).toEqual([[OPS, 'New case', caseId, 'Intake form']]);
    const waiting = call<HistoryView>(ctx, 'getCaseView', { caseId });
    expect(waiting.view.history.map((h) => [h.action, h.status])).toEqual([['New case', 'pending']]);

    ctx.ws.clock.advance(HOUR);
    fireDueTimeTriggers(ctx.ws);
    expect(pendingAudit(ctx.ws, ctx.spreadsheetId)).toEqual([]);
    const rows = auditRows(ctx);
    const moved = rows.filter((r) => r[3] === caseId && r[2] === 'New case');
    expect(moved).toHaveLength(1);
    expect(moved[0]?.[1]).toBe(OPS);
    expect(rows.map((r) => Number(r[SEQUENCE]))).toEqual(rows.map((_, i) => i + 1));
    expect(rows.every((r) => /^[A-Za-z0-9+/]{43}=$/.test(String(r[SEAL])))).toBe(true);
    const sealed = call<HistoryView>(ctx, 'getCaseView', { caseId });
    expect(sealed.view.history.map((h) => [h.action, h.status])).toEqual([['New case', 'sealed']]);
    expect(verify(ctx.ws, ctx.spreadsheetId)).toBe(`All ${rows.length} entries of the Audit log are intact.`);
    // The secret never reaches a cell, a log line or a page.
    const secret = documentProperties(ctx.ws, ctx.spreadsheetId).get('casebook.sealSecret')!;
    expect(secret.length).toBeGreaterThan(30);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(JSON.stringify(ctx.ws.logs)).not.toContain(secret);
    expect(JSON.stringify(sealed)).not.toContain(secret);
  });

  test("the owner's own sidebar entries are sealed into the log at once", () => {
    const ctx = automatedTracker();
    const reply = callServerFunction(
      ctx.ws,
      { user: OWNER, spreadsheetId: ctx.spreadsheetId },
      'submitCase',
      [{ submissionId: 'owner-submission-1', fields: { ...FIELDS, sellerId: 'S-1', owner: OPS } }],
    );
    expect(reply.ok ? 'ok' : reply.error.message).toBe('ok');
    expect(pendingAudit(ctx.ws, ctx.spreadsheetId)).toEqual([]);
    expect(auditRows(ctx).some((r) => r[2] === 'New case' && r[1] === OWNER && r[SEAL] !== '')).toBe(true);
  });

  test('an actor Session cannot name is recorded as "unknown", never ""', () => {
    const ctx = automatedTracker();
    const bundle = loadBundle(ctx.ws, {
      user: OPS,
      authMode: 'FULL',
      activeSpreadsheetId: ctx.spreadsheetId,
      activeUserVisible: false,
    });
    try {
      bundle.call('submitCase', {
        submissionId: 'hidden-user-1',
        fields: { ...FIELDS, sellerId: 'S-77', owner: OPS },
      });
    } finally {
      bundle.end();
    }
    expect(pendingAudit(ctx.ws, ctx.spreadsheetId).map((e) => e.user)).toEqual(['unknown']);
  });

  test('an =IMPORTDATA summary, a formula and a full-width = stay literal text in the sealed log', () => {
    const ctx = automatedTracker();
    const { caseId } = newCase(ctx);
    const { view } = call<{ view: { version: string } }>(ctx, 'getCaseView', { caseId });
    // The case keeps its text trimmed; the log keeps whatever the case held, literally.
    const tricky = '=HYPERLINK("https://evil.example")';
    const reply = call<{ ok: boolean }>(ctx, 'updateCase', {
      caseId,
      version: view.version,
      changes: { summary: tricky },
    });
    expect(reply.ok).toBe(true);
    const again = call<{ view: { version: string } }>(ctx, 'getCaseView', { caseId });
    call(ctx, 'updateCase', { caseId, version: again.view.version, changes: { summary: '＝1+1' } });
    ctx.ws.clock.advance(HOUR);
    fireDueTimeTriggers(ctx.ws);
    const log = ctx.ss.getSheetByName('Audit log')!;
    const values = log.getDataRange().getValues();
    const formulas = log.getDataRange().getFormulas();
    expect(formulas.flat().filter((f) => f !== '')).toEqual([]);
    const summaries = values.filter((r) => r[3] === caseId && r[4] === 'Summary').map((r) => [r[5], r[6]]);
    expect(summaries).toEqual([
      [FIELDS.summary, tricky],
      [tricky, '＝1+1'],
    ]);
    expect(verify(ctx.ws, ctx.spreadsheetId)).toMatch(/^All \d+ entries of the Audit log are intact\.$/);
  });

  test('a full channel refuses an ops submission with a clear message and writes no case', () => {
    const ctx = automatedTracker();
    const store = documentProperties(ctx.ws, ctx.spreadsheetId);
    // Someone's entries filled the store (no owner run for a long time): leave it almost full.
    let used = 0;
    for (const [k, v] of store) used += Buffer.byteLength(k) + Buffer.byteLength(v);
    for (let i = 0; used < MAX_STORE_BYTES - 20_000; i++) {
      const key = `filler.${i}`;
      const value = 'x'.repeat(Math.min(9000, MAX_STORE_BYTES - 20_000 - used));
      store.set(key, value);
      used += key.length + value.length;
    }
    const rowsBefore = ctx.cases.getLastRow();
    const reply = callServerFunction(ctx.ws, ctx.session, 'submitCase', [
      { submissionId: 'full-channel-1', fields: { ...FIELDS, sellerId: 'S-88', owner: OPS } },
    ]);
    expect(reply.ok ? 'saved' : reply.error.message).toMatch(/filled their store, so nothing was saved/);
    expect(ctx.cases.getLastRow()).toBe(rowsBefore);
    expect(pendingAudit(ctx.ws, ctx.spreadsheetId)).toEqual([]);
  });
});

describe('migrating a tracker that had the Audit inbox', () => {
  test('Set up tracker seals existing log rows as "before sealing", moves nothing from the inbox and retires it', () => {
    const ws = createWorkspace({ users: [{ email: OWNER }, { email: OPS }], now: Date.UTC(2026, 10, 23, 9) });
    const spreadsheetId = ws.createSpreadsheet({ name: 'Old tracker', owner: OWNER }).id;
    ws.shareSpreadsheet(spreadsheetId, OPS);
    const exec = new Execution(ws, { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId });
    const { SpreadsheetApp } = createServiceGlobals(exec) as {
      SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    };
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const old = [
      'Timestamp',
      'User',
      'Action',
      'Case ID',
      'Field',
      'Old value',
      'New value',
      'Details',
      'Source',
    ];
    const at = new Date(Date.UTC(2026, 10, 2, 8));
    const legacy = [
      [at, OWNER, 'New case', 'CB-2026-00001', '', '', '', '', 'Intake form'],
      [at, OPS, 'Edit', 'CB-2026-00001', 'Severity', 'P3', 'P2', '', 'Sidebar'],
    ];
    ss.insertSheet('Audit log')
      .getRange(1, 1, 3, 9)
      .setValues([old, ...legacy]);
    const forged = [at, OWNER, 'Edit', 'CB-2026-00001', 'Status', 'New', 'Closed', '', 'Sidebar'];
    ss.insertSheet('Audit inbox').getRange(1, 1, 2, 9).setValues([old, forged]);
    openSpreadsheet(ws, { user: OWNER, spreadsheetId });
    const summary = String(clickMenuItem(ws, { user: OWNER, spreadsheetId, caption: 'Set up tracker' }));
    expect(summary).toContain('Sealed the 2 existing Audit log rows (marked "before sealing").');

    expect(ss.getSheetByName('Audit inbox')).toBeNull();
    const retired = ss.getSheetByName('Audit inbox (retired, not trusted)')!;
    expect(retired.getRange(2, 3, 1, 5).getValues()[0]).toEqual([
      'Edit',
      'CB-2026-00001',
      'Status',
      'New',
      'Closed',
    ]);
    const log = ss.getSheetByName('Audit log')!.getDataRange().getValues();
    expect(log[0]).toEqual([...old, 'Sequence', 'Seal']);
    expect(log.slice(1).map((r) => [r[2], r[9]])).toEqual([
      ['New case', 1],
      ['Edit', 2],
      ['Set up tracker', 3],
    ]);
    expect(log.slice(1, 3).every((r) => String(r[10]).startsWith('before sealing: '))).toBe(true);
    expect(log.some((r) => r[6] === 'Closed')).toBe(false);
    expect(verify(ws, spreadsheetId)).toBe('All 3 entries of the Audit log are intact.');
  });
});

describe('the drain is exactly once under faults', () => {
  test('a spent drain journal stays until the next drain overwrites it: two typed statuses each land once, in order', () => {
    const ctx = automatedTracker();
    const first = newCase(ctx);
    const second = newCase(ctx);
    const store = documentProperties(ctx.ws, ctx.spreadsheetId);
    expect(typeInto(ctx, 'Status', first.row, 'Triaged').triggerErrors).toEqual([]);
    const spent = JSON.parse(store.get('casebook.audit.drain') ?? 'null') as { keys: string[] } | null;
    expect(spent?.keys.length).toBeGreaterThan(0);
    expect(spent?.keys.some((key) => store.has(key))).toBe(false);
    expect(pendingAudit(ctx.ws, ctx.spreadsheetId)).toEqual([]);
    expect(typeInto(ctx, 'Status', second.row, 'Triaged').triggerErrors).toEqual([]);
    expect(pendingAudit(ctx.ws, ctx.spreadsheetId)).toEqual([]);
    const triaged = auditRows(ctx).filter((r) => r[6] === 'Triaged');
    expect(triaged.map((r) => r[3])).toEqual([first.caseId, second.caseId]);
    const sequences = auditRows(ctx).map((r) => Number(r[SEQUENCE]));
    expect(sequences).toEqual(sequences.map((_, i) => (sequences[0] as number) + i));
    expect(verify(ctx.ws, ctx.spreadsheetId)).toMatch(/^All \d+ entries of the Audit log are intact\.$/);
  });

  test("the drain writes on the row after the head's, found without the log's last row; a row typed below sends it to the last row, over no sealed row", () => {
    const ctx = automatedTracker();
    const first = newCase(ctx);
    const second = newCase(ctx);
    expect(typeInto(ctx, 'Status', first.row, 'Triaged').triggerErrors).toEqual([]);
    const store = documentProperties(ctx.ws, ctx.spreadsheetId);
    const log = ctx.ss.getSheetByName('Audit log')!;
    const head = () =>
      JSON.parse(store.get('casebook.audit.head') ?? '{}') as { sequence: number; row?: number };
    // The head keeps where its entry landed: the log's last row.
    expect(head().row).toBe(log.getLastRow());
    expect(Number(log.getRange(log.getLastRow(), SEQUENCE + 1).getValue())).toBe(head().sequence);

    ctx.ws.ledger.reset();
    expect(typeInto(ctx, 'Status', second.row, 'Triaged').triggerErrors).toEqual([]);
    expect(ctx.ws.ledger.count('Sheet.getLastRow')).toBe(0);
    expect(ctx.ws.ledger.count('Sheet.getMaxRows')).toBe(0);
    expect(head().row).toBe(log.getLastRow());

    // The owner types on the row after the head's: it is no longer free, so the next entry goes below the
    // last row, and what was typed stays.
    const typedRow = (head().row as number) + 1;
    log.getRange(typedRow, 1).setValue('owner note');
    expect(typeInto(ctx, 'Status', first.row, 'Escalated').triggerErrors).toEqual([]);
    expect(log.getRange(typedRow, 1).getValue()).toBe('owner note');
    expect(log.getRange(typedRow, 2).getValue()).toBe('');
    expect(head().row).toBe(log.getLastRow());
    expect(head().row).toBeGreaterThan(typedRow);
    expect(String(log.getRange(head().row as number, 7).getValue())).toBe('Escalated');
    const sequences = auditRows(ctx)
      .map((r) => r[SEQUENCE])
      .filter((v) => v !== '')
      .map(Number);
    expect(sequences).toEqual(sequences.map((_, i) => (sequences[0] as number) + i));
  });

  test("with the head's row known, a service error at every call of the hourly drain, then a retry: each entry lands once after it, the chain intact", () => {
    const ctx = automatedTracker();
    newCase(ctx);
    ctx.ws.clock.advance(HOUR);
    fireDueTimeTriggers(ctx.ws);
    expect(pendingAudit(ctx.ws, ctx.spreadsheetId)).toEqual([]);
    const head = JSON.parse(documentProperties(ctx.ws, ctx.spreadsheetId).get('casebook.audit.head') ?? '{}');
    expect(head.row).toBeGreaterThan(1);
    const caseIds = [newCase(ctx).caseId, newCase(ctx).caseId];
    ctx.ws.clock.advance(HOUR);
    compactFixture(ctx.ss);
    const snapshot = snapshotWorkspace(ctx.ws);

    const clean = restoreWorkspace(snapshot);
    clean.ledger.reset();
    fireDueTimeTriggers(clean);
    const calls = clean.ledger.calls();
    expect(calls).toContain('Range.setValues');
    // The drain (up to its time formats) finds where to write by the head's row.
    expect(calls.slice(0, calls.indexOf('Range.setNumberFormat'))).not.toContain('Sheet.getLastRow');
    const cleanRows = logRows(clean, ctx.spreadsheetId);

    const seen = new Map<string, number>();
    for (const member of calls) {
      const nth = (seen.get(member) ?? 0) + 1;
      seen.set(member, nth);
      const ws = restoreWorkspace(snapshot);
      ws.faults.failOn(member, nth, FAULTS.serviceError());
      try {
        fireDueTimeTriggers(ws);
      } catch {
        // The run stopped at the failed call; the next hourly run retries.
      }
      ws.faults.clear();
      ws.clock.advance(HOUR);
      fireDueTimeTriggers(ws);
      const rows = logRows(ws, ctx.spreadsheetId);
      const label = `fault at call ${nth} of ${member}`;
      for (const caseId of caseIds)
        expect([label, rows.filter((r) => r[3] === caseId && r[2] === 'New case').length]).toEqual([
          label,
          1,
        ]);
      // The rows sealed before the drain are where they were, unchanged.
      expect([label, rows.slice(0, head.row - 1)]).toEqual([label, cleanRows.slice(0, head.row - 1)]);
      expect([label, rows.filter((r) => r.every((v) => v === '')).length]).toEqual([label, 0]);
      expect([label, pendingAudit(ws, ctx.spreadsheetId)]).toEqual([label, []]);
      expect([label, verifyDirectly(ws, ctx.spreadsheetId)]).toEqual([
        label,
        expect.stringMatching(/^All \d+ entries of the Audit log are intact\.$/),
      ]);
    }
  });

  test('a service error at every call of the hourly run, then a retry: each entry lands once, the chain intact', () => {
    const ctx = automatedTracker();
    const caseIds = [newCase(ctx).caseId, newCase(ctx).caseId, newCase(ctx).caseId];
    ctx.ws.clock.advance(HOUR);
    // Setup's empty 1,000-row tabs would make each restore cost as much as a new tracker.
    compactFixture(ctx.ss);
    const snapshot = snapshotWorkspace(ctx.ws);

    const clean = restoreWorkspace(snapshot);
    clean.ledger.reset();
    fireDueTimeTriggers(clean);
    const calls = clean.ledger.calls();
    expect(calls.length).toBeGreaterThan(20);
    expect(calls).toContain('Range.setValues');
    expect(calls).toContain('Properties.deleteProperty');

    const seen = new Map<string, number>();
    for (const member of calls) {
      const nth = (seen.get(member) ?? 0) + 1;
      seen.set(member, nth);
      const ws = restoreWorkspace(snapshot);
      ws.faults.failOn(member, nth, FAULTS.serviceError());
      try {
        fireDueTimeTriggers(ws);
      } catch {
        // The run stopped at the failed call; the next hourly run retries.
      }
      ws.faults.clear();
      ws.clock.advance(HOUR);
      fireDueTimeTriggers(ws);
      const rows = logRows(ws, ctx.spreadsheetId);
      const label = `fault at call ${nth} of ${member}`;
      for (const caseId of caseIds)
        expect([label, rows.filter((r) => r[3] === caseId && r[2] === 'New case').length]).toEqual([
          label,
          1,
        ]);
      expect([label, pendingAudit(ws, ctx.spreadsheetId)]).toEqual([label, []]);
      expect([label, verifyDirectly(ws, ctx.spreadsheetId)]).toEqual([
        label,
        expect.stringMatching(/^All \d+ entries of the Audit log are intact\.$/),
      ]);
    }
  });
});

/** The log's rows, read through an owner's execution in `ws` (a restored workspace too). */
function logRows(ws: Workspace, spreadsheetId: string): string[][] {
  const exec = new Execution(ws, { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId });
  const { SpreadsheetApp } = createServiceGlobals(exec) as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Audit log')!;
  return sheet
    .getDataRange()
    .getValues()
    .slice(1)
    .map((r) => r.map((v) => String(v)));
}

describe('the edit trigger beyond statuses', () => {
  test('a single-cell Severity edit is audited with its old value and moves the SLA due time', () => {
    const ctx = automatedTracker();
    const { caseId, row } = newCase(ctx, { severity: 'P3' });
    const dueBefore = cell(ctx, row, 'SLA due') as Date;
    typeInto(ctx, 'Severity', row, 'P1');
    const dueAfter = cell(ctx, row, 'SLA due') as Date;
    // P1 is 4 working hours, P3 three working days: the due time comes much earlier.
    expect(dueAfter.getTime()).toBeLessThan(dueBefore.getTime() - 24 * HOUR);
    const entry = auditRows(ctx).find((r) => r[3] === caseId && r[4] === 'Severity');
    expect(entry?.slice(5, 7)).toEqual(['P3', 'P1']);
    expect(entry?.[SOURCE]).toBe('Sheet edit');
  });

  test('Overturned typed into Appeal status makes the case a misjudgement; only the reason is left to fill', () => {
    const ctx = automatedTracker();
    const { caseId, row } = newCase(ctx, { appealStatus: 'Pending', misjudgement: 'No' });
    const outcome = typeInto(ctx, 'Appeal status', row, 'Overturned');
    expect(outcome.triggerErrors).toEqual([]);
    expect(cell(ctx, row, 'Misjudgement')).toBe('Yes');
    // onEdit marked the row as typed (Misjudgement No); the trigger marks it again with Yes filled in.
    expect(
      String(cell(ctx, row, 'Validation issues'))
        .split('|')
        .sort(),
    ).toEqual(['Overturn reason', 'Root cause']);
    expect(ctx.cases.getRange(row, ctx.column('Misjudgement')).getNote()).toBe('');
    const entries = auditRows(ctx).filter((r) => r[3] === caseId && r[SOURCE] === 'Sheet edit');
    expect(entries.map((r) => [r[4], r[5], r[6]])).toEqual([
      ['Misjudgement', 'No', 'Yes'],
      ['Appeal status', 'Pending', 'Overturned'],
    ]);
  });

  test('a status typed while the lock was busy is checked by the next hourly sweep', () => {
    const ctx = automatedTracker();
    const allowed = newCase(ctx);
    const refused = newCase(ctx);
    // Someone else holds the document lock: the edit trigger can do nothing but say so.
    ctx.ws.faults.failOn('Lock.tryLock', 1, FAULTS.lockTimeout());
    typeInto(ctx, 'Status', allowed.row, 'Triaged');
    ctx.ws.faults.failOn('Lock.tryLock', 1, FAULTS.lockTimeout());
    typeInto(ctx, 'Status', refused.row, 'Closed');
    expect(cell(ctx, allowed.row, 'Accepted status')).toBe('New');
    expect(cell(ctx, refused.row, 'Status')).toBe('Closed');

    ctx.ws.clock.advance(HOUR);
    fireDueTimeTriggers(ctx.ws);
    expect(cell(ctx, rowOf(ctx, allowed.caseId), 'Accepted status')).toBe('Triaged');
    expect(cell(ctx, rowOf(ctx, allowed.caseId), 'Status changed at')).toBeInstanceOf(Date);
    expect(cell(ctx, rowOf(ctx, refused.caseId), 'Status')).toBe('New');
    expect(ctx.cases.getRange(rowOf(ctx, refused.caseId), ctx.column('Status')).getNote()).toMatch(
      /Closed was not accepted/,
    );
    const entries = auditRows(ctx).filter((r) => r[SOURCE] === 'Automation' && r[4] === 'Status');
    expect(entries.map((r) => [r[3], r[2], r[5], r[6]])).toEqual([
      [allowed.caseId, 'Edit', 'New', 'Triaged'],
      [refused.caseId, 'Status refused', 'New', 'Closed'],
    ]);
  });

  test("without the automation owner's authorisation a status edit changes nothing privileged, logged once", () => {
    const ctx = automatedTracker();
    const { row } = newCase(ctx);
    ctx.ws.getUser(OWNER).authorized = false;
    const before = auditRows(ctx).length;
    const stamped = cell(ctx, row, 'Status changed at');
    for (const status of ['Triaged', 'New', 'Triaged']) {
      const outcome = typeInto(ctx, 'Status', row, status);
      expect(outcome.triggerErrors).toEqual([]);
    }
    expect(cell(ctx, row, 'Accepted status')).toBe('New');
    expect(cell(ctx, row, 'Status changed at')).toEqual(stamped);
    expect(auditRows(ctx)).toHaveLength(before);
    expect(ctx.ws.logs.filter((l) => /needs your authorisation again/.test(l.message))).toHaveLength(1);
    // The next hourly run after the owner authorises again finds the typed status and checks it.
    ctx.ws.getUser(OWNER).authorized = true;
    ctx.ws.clock.advance(HOUR);
    fireDueTimeTriggers(ctx.ws);
    expect(cell(ctx, row, 'Accepted status')).toBe('Triaged');
  });

  test('called from the browser console with made-up data, the trigger handler does nothing', () => {
    const ctx = automatedTracker();
    const { row } = newCase(ctx);
    ctx.ws.ledger.reset();
    const reply = callServerFunction(ctx.ws, ctx.session, 'onCaseEdit', [
      { range: { getSheet: 'Cases', row }, source: {}, value: 'Closed', user: OPS },
    ]);
    expect(reply.ok ? 'ok' : reply.error.message).toBe('ok');
    expect(ctx.ws.ledger.calls()).toEqual([]);
  });
});
