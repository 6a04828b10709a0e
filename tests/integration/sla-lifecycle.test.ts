/**
 * Issue 6 acceptance through the built bundle, for what automation.test.ts does not cover yet: SLA clocks
 * over a weekend, a holiday and daylight-saving changes; pause and resume; a reopened case's second SLA
 * cycle; every allowed and refused status transition typed into the sheet; a case bounced between teams;
 * an hourly sweep stopped by the run deadline; SLA settings problems reported by Enable automation.
 * Everything goes through simulated user edits, the hourly trigger and a moving emulator clock. Every
 * expected due time is worked out by hand from the calendar and written out as a UTC instant; nothing
 * here asks src/core what the answer should be.
 */

import { EditRefused, fireDueTimeTriggers, runTrigger } from '../../emulator';
import { RUN_BUDGET_MS } from '../../src/server/dispatcher';
import { pendingAudit } from '../support/audit-channel';
import {
  automatedTracker,
  cell,
  enableAutomation,
  HOUR,
  LEAD,
  MINUTE,
  newCase,
  outbox,
  typeInto,
  typeSetting,
} from '../support/automation-tracker';
import { OPS, type Tracker, tracker } from '../support/intake-tracker';

/** An ISO instant as ms. */
const at = (iso: string) => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
};

/** A date cell as an ISO instant ('' when blank, the raw value otherwise, so a failure shows it). */
function instant(ctx: Tracker, row: number, header: string): unknown {
  const value = cell(ctx, row, header);
  return value instanceof Date ? value.toISOString() : value;
}

function note(ctx: Tracker, row: number, header: string): string {
  return ctx.cases.getRange(row, ctx.column(header)).getNote();
}

/** Types a status and fails the test if a trigger crashed. */
function typeStatus(ctx: Tracker, row: number, value: string) {
  const outcome = typeInto(ctx, 'Status', row, value);
  expect(outcome.triggerErrors).toEqual([]);
  return outcome;
}

interface AuditEntry {
  user: string;
  action: string;
  caseId: string;
  field: string;
  oldValue: string;
  newValue: string;
  details: string;
  source: string;
}

/**
 * Every entry recorded so far, in recording order: the Audit log tab's rows (read by header), then the
 * entries still waiting in the audit channel (an owner's execution seals them all at once).
 */
function auditLog(ctx: Tracker): AuditEntry[] {
  return [...sealedAuditLog(ctx), ...pendingAudit(ctx.ws, ctx.spreadsheetId)];
}

/** The Audit log tab, row by row, read by header. */
function sealedAuditLog(ctx: Tracker): AuditEntry[] {
  const sheet = ctx.ss.getSheetByName('Audit log')!;
  const [header, ...rows] = sheet.getDataRange().getValues();
  const col = (name: string) => {
    const index = (header as unknown[]).indexOf(name);
    if (index < 0) throw new Error(`the Audit log has no ${name} column`);
    return index;
  };
  const columns = {
    user: col('User'),
    action: col('Action'),
    caseId: col('Case ID'),
    field: col('Field'),
    oldValue: col('Old value'),
    newValue: col('New value'),
    details: col('Details'),
    source: col('Source'),
  };
  return rows
    .filter((r) => r.some((v) => v !== ''))
    .map(
      (r) =>
        Object.fromEntries(
          Object.entries(columns).map(([key, index]) => [key, String(r[index] ?? '')]),
        ) as unknown as AuditEntry,
    );
}

/** The Audit log rows exactly as stored (timestamps included), to show nothing was rewritten. */
function auditSnapshot(ctx: Tracker): string[][] {
  const sheet = ctx.ss.getSheetByName('Audit log')!;
  return sheet
    .getDataRange()
    .getValues()
    .map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : String(v))));
}

/** Moves the clock to `ms` and fires the hourly trigger if it is due (as Apps Script would). */
function hourlyRunAt(ctx: Tracker, ms: number): void {
  if (ms < ctx.ws.clock.now()) throw new Error('the clock only moves forward here');
  ctx.ws.clock.set(ms);
  fireDueTimeTriggers(ctx.ws);
}

/** Fires the hourly trigger once an hour until `untilMs`, calling `each` after every run. */
function hourlyRunsUntil(ctx: Tracker, untilMs: number, each: (nowMs: number) => void = () => {}): void {
  for (let now = ctx.ws.clock.now() + HOUR; now <= untilMs; now += HOUR) {
    hourlyRunAt(ctx, now);
    each(now);
  }
}

function slaView(ctx: Tracker, row: number) {
  return {
    sla: cell(ctx, row, 'SLA'),
    due: instant(ctx, row, 'SLA due'),
    ownerMails: outbox(ctx.ws, OPS).length,
    leadMails: outbox(ctx.ws, LEAD).length,
  };
}

// --- 1. SLA over a weekend, a holiday and daylight-saving changes ------------------------------------

/**
 * Each row: Settings typed by the owner, a case logged at `created`, its due time worked out by hand, and
 * what the SLA column and the outbox show after the hourly runs at `checks` (the trigger fires every hour
 * in between too). The default calendar is Mon-Fri 09:00-18:00 (9 working hours, so P2 = 1d = 9h), P1 is
 * 4 working hours, due soon at 75%; the spreadsheet's time zone is Europe/Dublin.
 */
interface CalendarRow {
  name: string;
  settings: Record<string, string>;
  severity: 'P1' | 'P2';
  created: string;
  due: string;
  /** [instant of an hourly run, SLA word, due-soon mails to the owner, breach mails to the lead]. */
  checks: [string, string, number, number][];
}

const CALENDAR_ROWS: CalendarRow[] = [
  {
    // Fri 16:00-18:00 is 2h; Sat and Sun do not count; Mon 09:00-11:00 the other 2h. Due soon at 3h: Mon 10:00.
    name: 'a P1 logged on Friday afternoon runs over the weekend to Monday 11:00 (Dublin, winter)',
    settings: {},
    severity: 'P1',
    created: '2026-11-27T16:00:00Z',
    due: '2026-11-30T11:00:00.000Z',
    checks: [
      ['2026-11-27T17:00:00Z', 'On track', 0, 0],
      ['2026-11-27T18:00:00Z', 'On track', 0, 0],
      ['2026-11-28T12:00:00Z', 'On track', 0, 0], // Saturday noon: a calendar counting Saturdays breaches here
      ['2026-11-29T18:00:00Z', 'On track', 0, 0],
      ['2026-11-30T09:00:00Z', 'On track', 0, 0],
      ['2026-11-30T10:00:00Z', 'Due soon', 1, 0],
      ['2026-11-30T11:00:00Z', 'Due soon', 1, 0], // exactly at the due minute: not yet breached
      ['2026-11-30T12:00:00Z', 'Breached', 1, 1],
      ['2026-11-30T15:00:00Z', 'Breached', 1, 1],
    ],
  },
  {
    // Mon 13:00-18:00 is 5h; Tue 8 Dec is a holiday; Wed 09:00-13:00 the other 4h. Due soon at 6.75h: Wed 10:45.
    name: 'a P2 logged the day before a midweek holiday skips it (Holidays row on Settings)',
    settings: { Holidays: '2026-12-08, 2026-12-24' },
    severity: 'P2',
    created: '2026-12-07T13:00:00Z',
    due: '2026-12-09T13:00:00.000Z',
    checks: [
      ['2026-12-07T18:00:00Z', 'On track', 0, 0],
      ['2026-12-08T12:00:00Z', 'On track', 0, 0], // without the holiday: 8h used, due soon
      ['2026-12-08T18:00:00Z', 'On track', 0, 0], // without the holiday: breached
      ['2026-12-09T10:00:00Z', 'On track', 0, 0],
      ['2026-12-09T11:00:00Z', 'Due soon', 1, 0],
      ['2026-12-09T13:00:00Z', 'Due soon', 1, 0],
      ['2026-12-09T14:00:00Z', 'Breached', 1, 1],
    ],
  },
  {
    // Berlin moves to summer time on Sun 28 Mar 2027. Fri 15:00-18:00 CET (14:00-17:00Z) is 3h; Mon 09:00
    // CEST is 07:00Z, and 6h more is 13:00Z (a calendar keeping the winter offset says 14:00Z).
    name: 'a P2 over the spring daylight-saving weekend in Berlin is due Monday 15:00 CEST',
    settings: { 'Time zone': 'Europe/Berlin' },
    severity: 'P2',
    created: '2027-03-26T14:00:00Z',
    due: '2027-03-29T13:00:00.000Z',
    checks: [
      ['2027-03-26T17:00:00Z', 'On track', 0, 0],
      ['2027-03-29T07:00:00Z', 'On track', 0, 0],
      ['2027-03-29T10:00:00Z', 'On track', 0, 0], // 6h of 9h
      ['2027-03-29T11:00:00Z', 'Due soon', 1, 0],
      ['2027-03-29T13:00:00Z', 'Due soon', 1, 0],
      ['2027-03-29T14:00:00Z', 'Breached', 1, 1],
    ],
  },
  {
    // Dublin (the spreadsheet's zone: Time zone left blank) leaves summer time on Sun 31 Oct 2027. Fri
    // 15:00-18:00 IST (14:00-17:00Z) is 3h; Mon 09:00 GMT is 09:00Z; 6h more is 15:00Z (not 14:00Z).
    name: 'a P2 over the autumn daylight-saving weekend in Dublin is due Monday 15:00 GMT',
    settings: {},
    severity: 'P2',
    created: '2027-10-29T14:00:00Z',
    due: '2027-11-01T15:00:00.000Z',
    checks: [
      ['2027-10-29T17:00:00Z', 'On track', 0, 0],
      ['2027-11-01T09:00:00Z', 'On track', 0, 0],
      ['2027-11-01T12:00:00Z', 'On track', 0, 0],
      ['2027-11-01T13:00:00Z', 'Due soon', 1, 0],
      ['2027-11-01T15:00:00Z', 'Due soon', 1, 0],
      ['2027-11-01T16:00:00Z', 'Breached', 1, 1],
    ],
  },
  {
    // A round-the-clock calendar: 4 real hours from Sun 00:30 CET (23:30Z) end at 03:30Z, which is 05:30
    // CEST on the wall clock because 02:00-03:00 never happens that night (wall-clock counting says 02:30Z).
    name: 'a P1 on a 24/7 calendar across the spring clock change in Berlin counts real hours',
    settings: { 'Time zone': 'Europe/Berlin', 'Working days': 'Mon-Sun', 'Working hours': '00:00-24:00' },
    severity: 'P1',
    created: '2027-03-27T23:30:00Z',
    due: '2027-03-28T03:30:00.000Z',
    checks: [
      ['2027-03-28T00:30:00Z', 'On track', 0, 0],
      ['2027-03-28T01:30:00Z', 'On track', 0, 0],
      ['2027-03-28T02:30:00Z', 'Due soon', 1, 0],
      ['2027-03-28T03:30:00Z', 'Due soon', 1, 0],
      ['2027-03-28T04:30:00Z', 'Breached', 1, 1],
    ],
  },
  {
    // Dublin falls back at 02:00 IST (01:00Z) on 31 Oct 2027: 4 real hours from 00:30 IST (23:30Z) end at
    // 03:30Z = 03:30 GMT, though the wall clock only moved 3 hours (wall-clock counting says 04:30Z).
    name: 'a P1 on a 24/7 calendar across the autumn clock change in Dublin counts real hours',
    settings: { 'Working days': 'Mon-Sun', 'Working hours': '00:00-24:00' },
    severity: 'P1',
    created: '2027-10-30T23:30:00Z',
    due: '2027-10-31T03:30:00.000Z',
    checks: [
      ['2027-10-31T00:30:00Z', 'On track', 0, 0],
      ['2027-10-31T01:30:00Z', 'On track', 0, 0],
      ['2027-10-31T02:30:00Z', 'Due soon', 1, 0],
      ['2027-10-31T03:30:00Z', 'Due soon', 1, 0],
      ['2027-10-31T04:30:00Z', 'Breached', 1, 1],
    ],
  },
];

describe('SLA clocks on the working calendar, run by the hourly dispatcher', () => {
  test.each(CALENDAR_ROWS)('$name', ({ settings, severity, created, due, checks }) => {
    const ctx = automatedTracker(settings);
    ctx.ws.clock.set(at(created));
    const { row } = newCase(ctx, { severity });
    expect(slaView(ctx, row)).toEqual({ sla: 'On track', due, ownerMails: 0, leadMails: 0 });

    const expected = new Map(
      checks.map(([when, sla, ownerMails, leadMails]) => [at(when), { sla, ownerMails, leadMails }]),
    );
    const seen: string[] = [];
    hourlyRunsUntil(ctx, Math.max(...expected.keys()), (now) => {
      const view = slaView(ctx, row);
      // The due time never moves, whatever the hour.
      expect({ at: new Date(now).toISOString(), due: view.due }).toEqual({
        at: new Date(now).toISOString(),
        due,
      });
      const check = expected.get(now);
      if (!check) return;
      seen.push(new Date(now).toISOString());
      expect({ at: new Date(now).toISOString(), ...view }).toEqual({
        at: new Date(now).toISOString(),
        due,
        ...check,
      });
    });
    // Every check fell on an hourly run.
    expect(seen).toHaveLength(checks.length);
  });

  test('a holiday typed into Settings after the case was logged moves its due time at the next run', () => {
    const ctx = automatedTracker();
    // Mon 7 Dec 2026 13:00 Dublin, P2 (9h): due Tue 8 Dec 13:00; with Tue a holiday, Wed 9 Dec 13:00.
    ctx.ws.clock.set(at('2026-12-07T13:00:00Z'));
    const { row } = newCase(ctx, { severity: 'P2' });
    expect(instant(ctx, row, 'SLA due')).toBe('2026-12-08T13:00:00.000Z');
    typeSetting(ctx, 'Holidays', '2026-12-08');
    hourlyRunAt(ctx, at('2026-12-07T14:00:00Z'));
    expect(instant(ctx, row, 'SLA due')).toBe('2026-12-09T13:00:00.000Z');
    expect(cell(ctx, row, 'SLA')).toBe('On track');
  });
});

// --- 2. Pause and resume ------------------------------------------------------------------------------

describe('Awaiting response pauses the SLA clock', () => {
  test('paused: no breach past the old due time; resumed with the paused working time added', () => {
    const ctx = automatedTracker();
    // Mon 23 Nov 2026 09:00 Dublin (UTC in winter), P1 = 4 working hours: due 13:00.
    const { caseId, row } = newCase(ctx, { severity: 'P1' });
    expect(instant(ctx, row, 'SLA due')).toBe('2026-11-23T13:00:00.000Z');
    const levelBefore = cell(ctx, row, 'Escalation level');

    hourlyRunAt(ctx, at('2026-11-23T10:00:00Z'));
    typeStatus(ctx, row, 'Triaged');
    hourlyRunAt(ctx, at('2026-11-23T11:00:00Z'));
    // 2h of 4h used, then the merchant is asked.
    typeStatus(ctx, row, 'Awaiting response');
    expect(cell(ctx, row, 'Status')).toBe('Awaiting response');
    expect(cell(ctx, row, 'SLA')).toBe('Paused');
    // While paused there is no due time: it depends on when the clock starts again.
    expect(cell(ctx, row, 'SLA due')).toBe('');

    // The clock moves well past the old due time (13:00) and the end of the day, to Tuesday 10:00.
    hourlyRunsUntil(ctx, at('2026-11-24T10:00:00Z'), (now) => {
      expect({ at: new Date(now).toISOString(), sla: cell(ctx, row, 'SLA') }).toEqual({
        at: new Date(now).toISOString(),
        sla: 'Paused',
      });
    });
    expect(ctx.ws.mail).toEqual([]);
    expect(cell(ctx, row, 'Escalation level')).toBe(levelBefore);
    expect(auditLog(ctx).filter((e) => e.caseId === caseId && e.action === 'SLA')).toEqual([]);

    // Tue 10:00: escalated to Policy; the clock resumes with Mon 11:00-18:00 and Tue 09:00-10:00 (8h) paused.
    typeInto(ctx, 'Escalated to', row, 'Policy');
    expect(cell(ctx, row, 'SLA')).toBe('Paused');
    typeStatus(ctx, row, 'Escalated');
    expect(cell(ctx, row, 'Status')).toBe('Escalated');
    expect(instant(ctx, row, 'Escalated at')).toBe('2026-11-24T10:00:00.000Z');
    expect(Number(cell(ctx, row, 'SLA paused minutes'))).toBe(8 * 60);
    // 2h left: due Tue 12:00, due soon (3h used) at 11:00.
    expect(slaView(ctx, row)).toEqual({
      sla: 'On track',
      due: '2026-11-24T12:00:00.000Z',
      ownerMails: 0,
      leadMails: 0,
    });

    hourlyRunAt(ctx, at('2026-11-24T11:00:00Z'));
    expect(slaView(ctx, row)).toEqual({
      sla: 'Due soon',
      due: '2026-11-24T12:00:00.000Z',
      ownerMails: 1,
      leadMails: 0,
    });
    hourlyRunAt(ctx, at('2026-11-24T12:00:00Z'));
    expect(slaView(ctx, row)).toEqual({
      sla: 'Due soon',
      due: '2026-11-24T12:00:00.000Z',
      ownerMails: 1,
      leadMails: 0,
    });
    hourlyRunAt(ctx, at('2026-11-24T13:00:00Z'));
    expect(slaView(ctx, row)).toEqual({
      sla: 'Breached',
      due: '2026-11-24T12:00:00.000Z',
      ownerMails: 1,
      leadMails: 1,
    });
    expect(Number(cell(ctx, row, 'Escalation level'))).toBe(Number(levelBefore || 0) + 1);

    expect(
      auditLog(ctx)
        .filter((e) => e.caseId === caseId && e.field === 'Status')
        .map((e) => [e.action, e.oldValue, e.newValue, e.source]),
    ).toEqual([
      ['Edit', 'New', 'Triaged', 'Sheet edit'],
      ['Edit', 'Triaged', 'Awaiting response', 'Sheet edit'],
      ['Edit', 'Awaiting response', 'Escalated', 'Sheet edit'],
    ]);
  });

  test('a second pause in the same cycle adds to the first', () => {
    const ctx = automatedTracker();
    // Mon 09:00 P2 (9h). Paused Mon 10:00-12:00 (2h) and Mon 14:00-Tue 10:00 (4h + 1h = 5h): 7h paused.
    // Worked: 09-10, 12-14 = 3h by Tue 10:00; 6h left: due Tue 16:00.
    const { row } = newCase(ctx, { severity: 'P2' });
    ctx.ws.clock.set(at('2026-11-23T10:00:00Z'));
    typeStatus(ctx, row, 'Triaged');
    typeStatus(ctx, row, 'Awaiting response');
    ctx.ws.clock.set(at('2026-11-23T12:00:00Z'));
    typeInto(ctx, 'Escalated to', row, 'Product');
    typeStatus(ctx, row, 'Escalated');
    expect(Number(cell(ctx, row, 'SLA paused minutes'))).toBe(120);
    expect(instant(ctx, row, 'SLA due')).toBe('2026-11-24T11:00:00.000Z');
    ctx.ws.clock.set(at('2026-11-23T14:00:00Z'));
    typeStatus(ctx, row, 'Awaiting response');
    expect(cell(ctx, row, 'SLA')).toBe('Paused');
    hourlyRunsUntil(ctx, at('2026-11-24T10:00:00Z'));
    expect(cell(ctx, row, 'SLA')).toBe('Paused');
    typeStatus(ctx, row, 'Escalated');
    expect(Number(cell(ctx, row, 'SLA paused minutes'))).toBe(7 * 60);
    expect(slaView(ctx, row)).toEqual({
      sla: 'On track',
      due: '2026-11-24T16:00:00.000Z',
      ownerMails: 0,
      leadMails: 0,
    });
  });
});

// --- 3. Reopened: a new SLA cycle ---------------------------------------------------------------------

describe('Reopened starts a new SLA cycle', () => {
  test('due-soon and breach notices go out again for cycle 2; cycle 1 stays in the Audit log', () => {
    const ctx = automatedTracker();
    // Cycle 1: Mon 23 Nov 2026 09:00, P1 due 13:00; due soon at 12:00, breached by 14:00.
    const { caseId, row } = newCase(ctx, { severity: 'P1' });
    hourlyRunAt(ctx, at('2026-11-23T10:00:00Z'));
    typeStatus(ctx, row, 'Triaged');
    hourlyRunsUntil(ctx, at('2026-11-23T14:00:00Z'));
    expect(slaView(ctx, row)).toEqual({
      sla: 'Breached',
      due: '2026-11-23T13:00:00.000Z',
      ownerMails: 1,
      leadMails: 1,
    });
    const levelAfterCycle1 = Number(cell(ctx, row, 'Escalation level'));
    expect(levelAfterCycle1).toBeGreaterThanOrEqual(1);

    ctx.ws.clock.set(at('2026-11-23T15:00:00Z'));
    typeInto(ctx, 'Resolution', row, 'Listing removed; seller warned.');
    typeInto(ctx, 'Root cause', row, 'Seller conduct');
    typeStatus(ctx, row, 'Resolved');
    expect(cell(ctx, row, 'Status')).toBe('Resolved');
    expect(cell(ctx, row, 'SLA')).toBe('Missed');
    hourlyRunsUntil(ctx, at('2026-11-23T18:00:00Z'));
    expect(cell(ctx, row, 'SLA')).toBe('Missed');
    const cycle1Audit = auditSnapshot(ctx);
    const cycle1Notices = auditLog(ctx).filter((e) => e.caseId === caseId && e.action === 'Notice sent');
    expect(cycle1Notices.map((e) => e.details)).toEqual([
      `Due soon notice to ${OPS}`,
      `Breach notice to ${LEAD}`,
    ]);

    // Cycle 2: reopened Tue 09:00, a fresh 4h: due Tue 13:00.
    ctx.ws.clock.set(at('2026-11-24T09:00:00Z'));
    typeStatus(ctx, row, 'Reopened');
    expect(cell(ctx, row, 'Status')).toBe('Reopened');
    expect(Number(cell(ctx, row, 'SLA cycle'))).toBe(2);
    expect(instant(ctx, row, 'SLA cycle start')).toBe('2026-11-24T09:00:00.000Z');
    expect(cell(ctx, row, 'SLA notices')).toBe('');
    expect(slaView(ctx, row)).toEqual({
      sla: 'On track',
      due: '2026-11-24T13:00:00.000Z',
      ownerMails: 1,
      leadMails: 1,
    });
    const levelAtReopen = Number(cell(ctx, row, 'Escalation level'));

    hourlyRunsUntil(ctx, at('2026-11-24T11:00:00Z'));
    expect(slaView(ctx, row)).toEqual({
      sla: 'On track',
      due: '2026-11-24T13:00:00.000Z',
      ownerMails: 1,
      leadMails: 1,
    });
    hourlyRunAt(ctx, at('2026-11-24T12:00:00Z'));
    expect(slaView(ctx, row)).toEqual({
      sla: 'Due soon',
      due: '2026-11-24T13:00:00.000Z',
      ownerMails: 2,
      leadMails: 1,
    });
    hourlyRunAt(ctx, at('2026-11-24T13:00:00Z'));
    hourlyRunAt(ctx, at('2026-11-24T14:00:00Z'));
    expect(slaView(ctx, row)).toEqual({
      sla: 'Breached',
      due: '2026-11-24T13:00:00.000Z',
      ownerMails: 2,
      leadMails: 2,
    });
    expect(Number(cell(ctx, row, 'Escalation level'))).toBe(levelAtReopen + 1);
    // Many more runs, some doubled: nothing is sent a third time.
    const uid = ctx.ws.triggers.find((t) => t.eventType === 'CLOCK')!.uid;
    hourlyRunsUntil(ctx, at('2026-11-24T20:00:00Z'), () => runTrigger(ctx.ws, uid));
    expect([outbox(ctx.ws, OPS).length, outbox(ctx.ws, LEAD).length]).toEqual([2, 2]);
    for (const mail of ctx.ws.mail) expect(mail.body).toContain(caseId);

    // Append-only: cycle 1's rows are still there, unchanged, with cycle 2's after them.
    const after = auditSnapshot(ctx);
    expect(after.slice(0, cycle1Audit.length)).toEqual(cycle1Audit);
    const mine = auditLog(ctx).filter((e) => e.caseId === caseId);
    expect(mine.filter((e) => e.action === 'Notice sent').map((e) => e.details)).toEqual([
      `Due soon notice to ${OPS}`,
      `Breach notice to ${LEAD}`,
      `Due soon notice to ${OPS}`,
      `Breach notice to ${LEAD}`,
    ]);
    expect(mine.filter((e) => e.action === 'SLA' && e.field === 'SLA').map((e) => e.newValue)).toEqual([
      'Due soon',
      'Breached',
      'Due soon',
      'Breached',
    ]);
    expect(mine.filter((e) => e.field === 'Status').map((e) => `${e.oldValue} -> ${e.newValue}`)).toEqual([
      'New -> Triaged',
      'Triaged -> Resolved',
      'Resolved -> Reopened',
    ]);
  });
});

// --- 4. Every allowed and refused transition, typed into the Status cell -------------------------------

const STATUSES = [
  'New',
  'Triaged',
  'Escalated',
  'Awaiting response',
  'Resolved',
  'Closed',
  'Reopened',
] as const;
type Status = (typeof STATUSES)[number];

/** Written from the issue: the chain, the pause and its way back, closing only after resolving, reopening. */
const ALLOWED: Readonly<Record<Status, readonly Status[]>> = {
  New: ['Triaged', 'Escalated'],
  Triaged: ['Escalated', 'Awaiting response', 'Resolved'],
  Escalated: ['Awaiting response', 'Resolved'],
  'Awaiting response': ['Escalated', 'Resolved'],
  Resolved: ['Closed', 'Reopened'],
  Closed: ['Reopened'],
  Reopened: ['Triaged', 'Escalated', 'Resolved'],
};

/** How a new case is walked, by typed edits, to each status. */
const PATH_TO: Readonly<Record<Status, readonly Status[]>> = {
  New: [],
  Triaged: ['Triaged'],
  Escalated: ['Escalated'],
  'Awaiting response': ['Triaged', 'Awaiting response'],
  Resolved: ['Triaged', 'Resolved'],
  Closed: ['Triaged', 'Resolved', 'Closed'],
  Reopened: ['Triaged', 'Resolved', 'Reopened'],
};

/** The stamp each status sets on entry, besides "Status changed at". */
const ENTRY_STAMP: Partial<Record<Status, string>> = {
  Escalated: 'Escalated at',
  Resolved: 'Resolved at',
  Closed: 'Closed at',
};
const STAMPS = ['Status changed at', 'Escalated at', 'Resolved at', 'Closed at'] as const;

/** Everything any status needs, so only the transition itself decides. */
const COMPLETE_CASE = {
  severity: 'P2',
  escalatedTo: 'Policy',
  resolution: 'Listing removed; seller warned.',
  rootCause: 'Seller conduct',
};

interface TransitionRow {
  from: Status;
  to: Status | '';
  allowed: boolean;
}

const TRANSITIONS: TransitionRow[] = STATUSES.flatMap((from) =>
  [...STATUSES.filter((to) => to !== from), ''].map((to) => ({
    from,
    to: to as Status | '',
    allowed: to !== '' && ALLOWED[from].includes(to as Status),
  })),
);

describe('status transitions typed into the sheet', () => {
  let ctx: Tracker;
  beforeAll(() => {
    ctx = automatedTracker();
  });

  function caseIn(from: Status, fields: Record<string, string> = COMPLETE_CASE) {
    const created = newCase(ctx, fields);
    for (const step of PATH_TO[from]) typeStatus(ctx, created.row, step);
    expect(cell(ctx, created.row, 'Accepted status')).toBe(from);
    return created;
  }

  function stampsOf(row: number): Record<string, unknown> {
    return Object.fromEntries(STAMPS.map((header) => [header, instant(ctx, row, header)]));
  }

  test('the table covers every ordered pair of statuses and a cleared cell', () => {
    expect(TRANSITIONS).toHaveLength(STATUSES.length * STATUSES.length);
    expect(TRANSITIONS.filter((t) => t.allowed)).toHaveLength(15);
  });

  test.each(TRANSITIONS)('$from -> "$to": allowed $allowed', ({ from, to, allowed }) => {
    const { caseId, row } = caseIn(from);
    const before = stampsOf(row);
    const cycleBefore = Number(cell(ctx, row, 'SLA cycle'));
    const auditBefore = auditLog(ctx).length;
    ctx.ws.clock.advance(MINUTE);
    const now = new Date(ctx.ws.clock.now()).toISOString();

    typeStatus(ctx, row, to);
    const added = auditLog(ctx).slice(auditBefore);

    if (allowed) {
      expect(cell(ctx, row, 'Status')).toBe(to);
      expect(cell(ctx, row, 'Accepted status')).toBe(to);
      const entry = ENTRY_STAMP[to as Status];
      expect(stampsOf(row)).toEqual({
        ...before,
        'Status changed at': now,
        ...(entry ? { [entry]: now } : {}),
      });
      expect(note(ctx, row, 'Status')).not.toMatch(/was not accepted/);
      expect(added.map((e) => [e.action, e.caseId, e.field, e.oldValue, e.newValue, e.source])).toEqual([
        ['Edit', caseId, 'Status', from, to, 'Sheet edit'],
      ]);
      expect(Number(cell(ctx, row, 'SLA cycle'))).toBe(to === 'Reopened' ? cycleBefore + 1 : cycleBefore);
      // A P2 resolved minutes after it was logged met its SLA; a closed case keeps that.
      if (to === 'Resolved' || to === 'Closed') expect(cell(ctx, row, 'SLA')).toBe('Met');
      if (to === 'Awaiting response') expect(cell(ctx, row, 'SLA')).toBe('Paused');
    } else {
      expect(cell(ctx, row, 'Status')).toBe(from);
      expect(cell(ctx, row, 'Accepted status')).toBe(from);
      expect(stampsOf(row)).toEqual(before);
      expect(Number(cell(ctx, row, 'SLA cycle'))).toBe(cycleBefore);
      const refusedNote = note(ctx, row, 'Status');
      expect(
        refusedNote.startsWith(`Casebook: ${to === '' ? 'A blank status' : to} was not accepted: `),
      ).toBe(true);
      if (to === 'Closed') expect(refusedNote).toMatch(/Closed only follows Resolved/);
      else if (to !== '') expect(refusedNote).toContain(from);
      expect(ctx.ws.ui.toasts.at(-1)?.message).toMatch(
        new RegExp(`^${caseId}: .+\\. The status was put back\\.$`),
      );
      expect(added.map((e) => [e.action, e.caseId, e.oldValue, e.newValue, e.source])).toEqual([
        ['Status refused', caseId, from, to, 'Sheet edit'],
      ]);
    }
  });

  test('a refused change leaves the validation marks as they were: the status went back, so did its checks', () => {
    const cleared = caseIn('Triaged');
    const unresolved = caseIn('Triaged', { ...COMPLETE_CASE, resolution: '' });
    const marks = (row: number) => ({
      issues: cell(ctx, row, 'Validation issues'),
      statusNote: note(ctx, row, 'Status').replace(/\n?Casebook: .* was not accepted: .*/, ''),
      resolutionNote: note(ctx, row, 'Resolution'),
    });
    const before = [marks(cleared.row), marks(unresolved.row)];
    typeStatus(ctx, cleared.row, '');
    typeStatus(ctx, unresolved.row, 'Resolved');
    expect([cleared.row, unresolved.row].map((row) => cell(ctx, row, 'Status'))).toEqual([
      'Triaged',
      'Triaged',
    ]);
    expect([marks(cleared.row), marks(unresolved.row)]).toEqual(before);
  });

  test('a status that is not on the list is rejected by the cell itself and changes nothing', () => {
    const { row } = caseIn('Triaged');
    const before = stampsOf(row);
    expect(() => typeInto(ctx, 'Status', row, 'Done')).toThrow(EditRefused);
    expect(cell(ctx, row, 'Status')).toBe('Triaged');
    expect(stampsOf(row)).toEqual(before);
  });

  /** Transitions the table allows, refused until the case holds what the target status needs. */
  const REQUIREMENTS: {
    name: string;
    from: Status;
    to: Status;
    fields: Record<string, string>;
    /** Typed into the row before the status (header -> value). */
    typed?: Record<string, string>;
    /** What the note must name. */
    names: string[];
    /** Typed afterwards to satisfy the requirement; the same status is then accepted. */
    fix: Record<string, string>;
  }[] = [
    {
      name: 'Escalated needs a team',
      from: 'New',
      to: 'Escalated',
      fields: { ...COMPLETE_CASE, escalatedTo: '' },
      names: ['"Escalated to"'],
      fix: { 'Escalated to': 'Legal' },
    },
    {
      name: 'Escalated needs an owner',
      from: 'Triaged',
      to: 'Escalated',
      fields: { ...COMPLETE_CASE, owner: '' },
      names: ['"Owner"'],
      fix: { Owner: OPS },
    },
    {
      name: 'Escalated needs a team and an owner',
      from: 'Reopened',
      to: 'Escalated',
      fields: COMPLETE_CASE,
      typed: { 'Escalated to': '', Owner: '' },
      names: ['"Escalated to"', '"Owner"'],
      fix: { 'Escalated to': 'Algorithm', Owner: OPS },
    },
    {
      name: 'Resolved needs a resolution',
      from: 'Triaged',
      to: 'Resolved',
      fields: { ...COMPLETE_CASE, resolution: '' },
      names: ['"Resolution"'],
      fix: { Resolution: 'Seller informed.' },
    },
    {
      name: 'Resolved needs a root cause',
      from: 'Escalated',
      to: 'Resolved',
      fields: { ...COMPLETE_CASE, rootCause: '' },
      names: ['"Root cause"'],
      fix: { 'Root cause': 'Policy gap' },
    },
    {
      name: 'an overturned appeal needs a reason',
      from: 'Triaged',
      to: 'Resolved',
      fields: COMPLETE_CASE,
      typed: { 'Appeal status': 'Overturned', Misjudgement: 'Yes' },
      names: ['"Overturn reason"'],
      fix: { 'Overturn reason': 'The product was genuine: the seller showed the invoice.' },
    },
  ];

  test.each(REQUIREMENTS)('$name: $from -> $to refused, then accepted once filled', (req) => {
    const { caseId, row } = caseIn(req.from, req.fields);
    for (const [header, value] of Object.entries(req.typed ?? {})) typeInto(ctx, header, row, value);
    ctx.ws.clock.advance(MINUTE);
    typeStatus(ctx, row, req.to);
    expect(cell(ctx, row, 'Status')).toBe(req.from);
    const refusedNote = note(ctx, row, 'Status');
    expect(refusedNote.startsWith(`Casebook: ${req.to} was not accepted: `)).toBe(true);
    for (const name of req.names) expect(refusedNote).toContain(name);
    expect(ctx.ws.ui.toasts.at(-1)?.message).toContain(caseId);

    for (const [header, value] of Object.entries(req.fix)) typeInto(ctx, header, row, value);
    ctx.ws.clock.advance(MINUTE);
    typeStatus(ctx, row, req.to);
    expect(cell(ctx, row, 'Status')).toBe(req.to);
    expect(cell(ctx, row, 'Accepted status')).toBe(req.to);
    expect(instant(ctx, row, 'Status changed at')).toBe(new Date(ctx.ws.clock.now()).toISOString());
    expect(note(ctx, row, 'Status')).not.toMatch(/was not accepted/);
  });
});

// --- 5. A case bounced between teams -------------------------------------------------------------------

describe('a case bounced between teams', () => {
  test('each change of "Escalated to" is audited, and the team override moves the due time', () => {
    const ctx = automatedTracker({ 'SLA targets': 'P1: 4h; P2: 1d; P3: 3d; P4: 5d; P1/Algorithm: 8h' });
    // Mon 23 Nov 2026 09:00 Dublin, P1: due 13:00; while with Algorithm 8h: due 17:00.
    const { caseId, row } = newCase(ctx, { severity: 'P1' });
    ctx.ws.clock.advance(10 * MINUTE);
    typeInto(ctx, 'Escalated to', row, 'Policy');
    typeStatus(ctx, row, 'Escalated');
    expect(cell(ctx, row, 'Status')).toBe('Escalated');
    expect(instant(ctx, row, 'SLA due')).toBe('2026-11-23T13:00:00.000Z');

    ctx.ws.clock.advance(20 * MINUTE);
    typeInto(ctx, 'Escalated to', row, 'Algorithm');
    expect(instant(ctx, row, 'SLA due')).toBe('2026-11-23T17:00:00.000Z');
    ctx.ws.clock.advance(30 * MINUTE);
    typeInto(ctx, 'Escalated to', row, 'Product');
    expect(instant(ctx, row, 'SLA due')).toBe('2026-11-23T13:00:00.000Z');
    expect(cell(ctx, row, 'Status')).toBe('Escalated');

    const teamChanges = auditLog(ctx)
      .filter((e) => e.caseId === caseId && e.field === 'Escalated to')
      .map((e) => [e.oldValue, e.newValue, e.user, e.source]);
    expect(teamChanges).toEqual([
      ['', 'Policy', OPS, 'Sheet edit'],
      ['Policy', 'Algorithm', OPS, 'Sheet edit'],
      ['Algorithm', 'Product', OPS, 'Sheet edit'],
    ]);
  });
});

// --- 6. A long sweep stopped by the run deadline ---------------------------------------------------

describe('a sweep that reaches the run deadline', () => {
  test('finishes the chunk it started; its notices wait for the next run, nothing mailed twice', () => {
    const ctx = automatedTracker();
    // Mon 09:00: eight P1 cases, each followed by a P4 case, so the sweep writes eight separate blocks.
    const urgent: { caseId: string; row: number }[] = [];
    for (let i = 0; i < 8; i++) {
      urgent.push(newCase(ctx, { severity: 'P1' }));
      newCase(ctx, { severity: 'P4' });
    }
    // 12:10: 3h10 of 4h used by every P1, so all are due soon.
    ctx.ws.clock.set(at('2026-11-23T12:10:00Z'));
    // A slow spreadsheet: once the first block's SLA column is written, the run is past its deadline.
    let slowed = false;
    for (let n = 1; n <= 40; n++) {
      ctx.ws.faults.beforeCall('Range.setValues', n, () => {
        if (slowed) return;
        const written = urgent.some(({ row }) => cell(ctx, row, 'SLA') === 'Due soon');
        if (!written) return;
        slowed = true;
        ctx.ws.clock.advance(RUN_BUDGET_MS + MINUTE);
      });
    }
    fireDueTimeTriggers(ctx.ws);
    ctx.ws.faults.clear();
    expect(slowed).toBe(true);
    // A run always finishes the chunk it started (every case here): each row written once, whole.
    expect(urgent.map(({ row }) => cell(ctx, row, 'SLA'))).toEqual(urgent.map(() => 'Due soon'));
    // Past the deadline no mail is started: the notices wait, their rows keep no token.
    expect(ctx.ws.mail).toHaveLength(0);
    expect(urgent.map(({ row }) => cell(ctx, row, 'SLA notices'))).toEqual(urgent.map(() => ''));

    // The next hourly run (13:00: exactly 4h used, still due soon) sends the digest, naming every case.
    hourlyRunAt(ctx, at('2026-11-23T13:00:00Z'));
    expect(urgent.map(({ row }) => cell(ctx, row, 'SLA'))).toEqual(urgent.map(() => 'Due soon'));
    expect(urgent.map(({ row }) => cell(ctx, row, 'SLA notices'))).toEqual(urgent.map(() => 'due soon sent'));
    expect(outbox(ctx.ws, OPS)).toHaveLength(1);
    for (const { caseId } of urgent) expect(outbox(ctx.ws, OPS)[0]?.body).toContain(caseId);
    // A doubled firing in the same hour changes nothing.
    runTrigger(ctx.ws, ctx.ws.triggers.find((t) => t.eventType === 'CLOCK')!.uid);
    expect(ctx.ws.mail).toHaveLength(1);

    // The Audit log says each thing once per case: one notice, one change to Due soon.
    const log = auditLog(ctx);
    for (const { caseId } of urgent) {
      const mine = log.filter((e) => e.caseId === caseId);
      expect({
        caseId,
        notices: mine.filter((e) => e.action === 'Notice sent').length,
        dueSoon: mine.filter((e) => e.action === 'SLA' && e.newValue === 'Due soon').length,
      }).toEqual({ caseId, notices: 1, dueSoon: 1 });
    }
  });
});

// --- 7. SLA settings problems reported by Enable automation -------------------------------------------

describe('Enable automation checks the SLA settings', () => {
  test('every problem is reported when the user turns automation on; checks start once fixed', () => {
    const ctx = tracker();
    ctx.ws.addUser(LEAD);
    typeSetting(ctx, 'Team lead', LEAD);
    typeSetting(ctx, 'SLA targets', 'P1: 4 hours; P2: 1d; P9: 2h; P1/Sales: 8h');
    typeSetting(ctx, 'Holidays', '2026-12-25, 2026-02-30');
    typeSetting(ctx, 'Time zone', 'Europe/Dublim');
    typeSetting(ctx, 'Due soon at (%)', '150');
    enableAutomation(ctx);

    const message = ctx.ws.ui.toasts.at(-1)?.message ?? '';
    // Each mistake is named as typed, so the owner can find it on the Settings tab.
    for (const mistake of ['SLA targets', '4 hours', 'P9', 'Sales', '2026-02-30', 'Europe/Dublim', '150'])
      expect(message).toContain(mistake);
    expect(message).not.toContain('2026-12-25');

    // Status edits still follow the lifecycle meanwhile; the hourly run says why it skips the SLA checks.
    const { row } = newCase(ctx, { severity: 'P1' });
    typeStatus(ctx, row, 'Triaged');
    expect(cell(ctx, row, 'Accepted status')).toBe('Triaged');
    hourlyRunAt(ctx, at('2026-11-23T10:00:00Z'));
    expect(ctx.ws.logs.some((l) => /Settings tab/.test(l.message) && /4 hours/.test(l.message))).toBe(true);
    expect(cell(ctx, row, 'SLA due')).toBe('');

    // Fixed: the next run computes the SLA (P1 from the 09:00 creation: due 13:00 Dublin).
    typeSetting(ctx, 'SLA targets', 'P1: 4h; P2: 1d; P3: 3d; P4: 5d');
    typeSetting(ctx, 'Holidays', '2026-12-25');
    typeSetting(ctx, 'Time zone', '');
    typeSetting(ctx, 'Due soon at (%)', '75');
    hourlyRunAt(ctx, at('2026-11-23T11:00:00Z'));
    expect(instant(ctx, row, 'SLA due')).toBe('2026-11-23T13:00:00.000Z');
    expect(cell(ctx, row, 'SLA')).toBe('On track');
  });
});
