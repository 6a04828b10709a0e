/**
 * Issue 17 through the built bundle: queue contents and order on a hand-made fixture, Claim next (20
 * concurrent calls from 5 reviewers interleaved with the emulator's hooks), claim expiry and Skip, saved
 * filter views made once over repeated setups, the Dashboard against an independent count, bulk actions
 * with allowed and refused transitions, garbage from the console for every new server function; the budgets
 * and fault sweeps are in queue-cost.test.ts. Expected orders are worked out by hand in the fixture.
 */
import { clickMenuItem } from '../../emulator';
import { automatedTracker, cell, newCase, rowOf, typeInto } from '../support/automation-tracker';
import { OPS, OWNER, type Tracker } from '../support/intake-tracker';
import {
  auditRows,
  BEN,
  type Claim,
  FIXTURE,
  fixtureTracker,
  NOW,
  recordTrusted,
} from '../support/queue-fixture';
import {
  callAs,
  caseId,
  columnById,
  queueTracker,
  REVIEWERS,
  replyValue,
  sheetsApi,
  snapshot,
  writeCases,
} from '../support/queue-tracker';

interface QueuesView {
  reviewer: string;
  queues: { id: string; title: string; count: number }[];
  selected: {
    id: string;
    title: string;
    rows: { caseId: string; claimedBy: string; owner: string }[];
    more: number;
  };
  views: { title: string; url: string }[];
  slaAsOf: string;
}
const ids = (rows: { caseId: string }[]) => rows.map((r) => r.caseId);
const queue = (ctx: Tracker, user: string, queueId: string) =>
  replyValue(callAs<QueuesView>(ctx, user, 'getQueues', { queueId }));

describe('queue contents and order', () => {
  test('each queue holds its open cases ordered by SLA due, severity, then age (hand-worked)', () => {
    const ctx = fixtureTracker();
    expect(ids(queue(ctx, OPS, 'unassigned').selected.rows)).toEqual([3, 2, 1, 5, 4].map(caseId));
    expect(ids(queue(ctx, OPS, 'breached').selected.rows)).toEqual([8, 3].map(caseId));
    expect(ids(queue(ctx, OPS, 'mine').selected.rows)).toEqual([caseId(7)]);
    expect(ids(queue(ctx, OPS, 'awaiting').selected.rows)).toEqual([caseId(7)]);
    expect(ids(queue(ctx, OPS, 'team:Legal').selected.rows)).toEqual([caseId(8)]);
    expect(ids(queue(ctx, OPS, 'misjudgement').selected.rows)).toEqual([4, 9].map(caseId));
    expect(ids(queue(ctx, OPS, 'dueSoon').selected.rows)).toEqual([caseId(2)]);
    const counts = Object.fromEntries(queue(ctx, OPS, 'mine').queues.map((q) => [q.id, q.count]));
    expect(counts).toMatchObject({
      mine: 1,
      unassigned: 5,
      dueSoon: 1,
      breached: 2,
      awaiting: 1,
      misjudgement: 2,
    });
    expect(counts['team:Legal']).toBe(1);
    // Ben owns nothing.
    expect(queue(ctx, BEN, 'mine').selected.rows).toEqual([]);
  });
});

describe('Claim next', () => {
  test('claims in queue order, writes Owner/Claimed by/Claimed at and audits; another reviewer gets the next', () => {
    const ctx = fixtureTracker();
    const first = replyValue(callAs<Claim>(ctx, OPS, 'claimNext', { queueId: 'unassigned' }));
    const second = replyValue(callAs<Claim>(ctx, BEN, 'claimNext', { queueId: 'unassigned' }));
    expect(first).toMatchObject({ claimed: true, case: { caseId: caseId(3) } });
    expect(second).toMatchObject({ claimed: true, case: { caseId: caseId(2) } });
    expect(columnById(ctx, 'Owner').get(caseId(3))).toBe(OPS);
    expect(columnById(ctx, 'Claimed by').get(caseId(2))).toBe(BEN);
    expect((columnById(ctx, 'Claimed at').get(caseId(2)) as Date).toISOString()).toBe(
      '2026-11-23T09:00:00.000Z',
    );
    const audit = auditRows(ctx);
    expect(audit.filter((r) => r[2] === 'Claim').map((r) => [r[1], r[3]])).toEqual([
      [OPS, caseId(3)],
      [BEN, caseId(2)],
    ]);
    // Claimed cases leave Unassigned and show in the claimer's own queue.
    expect(ids(queue(ctx, OPS, 'unassigned').selected.rows)).toEqual([1, 5, 4].map(caseId));
    expect(ids(queue(ctx, OPS, 'mine').selected.rows)).toEqual([3, 7].map(caseId));
  });

  test('20 concurrent Claim next calls from 5 reviewers, interleaved inside each other, give 20 distinct cases in queue order', () => {
    const ctx = queueTracker();
    ctx.ws.clock.set(Date.parse(NOW));
    // 30 unassigned cases, due one minute apart in reverse sheet order: queue order is 30, 29, ..., 1.
    writeCases(
      ctx,
      Array.from({ length: 30 }, (_, i) => ({
        id: i + 1,
        due: new Date(Date.parse('2026-11-23T12:00:00Z') + (30 - i) * 60_000).toISOString(),
        sla: 'On track',
      })),
    );
    const expected = Array.from({ length: 20 }, (_, i) => caseId(30 - i));
    const order: string[] = [];
    const busy: string[] = [];
    const pending = Array.from({ length: 20 }, (_, i) => REVIEWERS[i % 5] as string);
    const claim = (user: string) => {
      const reply = callAs<Claim>(ctx, user, 'claimNext', { queueId: 'unassigned' });
      if (!reply.ok) {
        busy.push(user);
        return;
      }
      if (reply.value.claimed) order.push(reply.value.case.caseId);
    };
    let round = 0;
    while (pending.length > 0) {
      const outer = pending.shift() as string;
      const inner = pending.shift();
      // The inner call runs right before the outer call's Nth read: early ones land before the outer takes
      // the document lock (they finish first), later ones while it holds it (they are refused as busy).
      if (inner) ctx.ws.faults.beforeCall('Range.getValues', 1 + (round % 8), () => claim(inner));
      claim(outer);
      ctx.ws.faults.clear();
      pending.push(...busy.splice(0));
      round += 1;
      if (round > 100) throw new Error('claims never finished');
    }
    expect(order).toEqual(expected);
    expect(new Set(order).size).toBe(20);
    const claimedBy = columnById(ctx, 'Claimed by');
    expect(expected.every((id) => REVIEWERS.includes(String(claimedBy.get(id))))).toBe(true);
    expect([...claimedBy.values()].filter((v) => v !== '')).toHaveLength(20);
  });

  test('a claim expires after the Settings period without a change and the case returns to the queue', () => {
    const ctx = fixtureTracker();
    replyValue(callAs<Claim>(ctx, OPS, 'claimNext', { queueId: 'unassigned' }));
    // 3h59 later Ben cannot take it; at 4h (the default period) he gets the same case.
    ctx.ws.clock.set(Date.parse('2026-11-23T12:59:00Z'));
    expect(replyValue(callAs<Claim>(ctx, BEN, 'claimNext', { queueId: 'breached' }))).toMatchObject({
      claimed: false,
    });
    ctx.ws.clock.set(Date.parse('2026-11-23T13:00:00Z'));
    expect(ids(queue(ctx, BEN, 'unassigned').selected.rows)[0]).toBe(caseId(3));
    expect(replyValue(callAs<Claim>(ctx, BEN, 'claimNext', { queueId: 'breached' }))).toMatchObject({
      claimed: true,
      case: { caseId: caseId(3) },
    });
    expect(columnById(ctx, 'Owner').get(caseId(3))).toBe(BEN);
  });

  test('a changed case keeps its claim; the menu refresh returns expired claims (audited)', () => {
    const ctx = fixtureTracker();
    writeCases(ctx, [
      ...FIXTURE,
      {
        id: 10,
        owner: BEN,
        claimedBy: BEN,
        claimedAt: '2026-11-23T01:00:00Z',
        lastUpdatedAt: '2026-11-23T01:00:00Z',
      },
      {
        id: 11,
        owner: BEN,
        claimedBy: BEN,
        claimedAt: '2026-11-23T01:00:00Z',
        lastUpdatedAt: '2026-11-23T02:00:00Z',
      },
    ]);
    clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Refresh dashboard' });
    const owner = columnById(ctx, 'Owner');
    const claimedBy = columnById(ctx, 'Claimed by');
    expect([owner.get(caseId(10)), claimedBy.get(caseId(10))]).toEqual(['', '']);
    expect([owner.get(caseId(11)), claimedBy.get(caseId(11))]).toEqual([BEN, BEN]);
    const audit = auditRows(ctx);
    expect(audit.filter((r) => r[2] === 'Claim expired').map((r) => r[3])).toEqual([caseId(10)]);
  });

  test('the sealed record decides: a claim typed away in the sheet is still held, and Release needs the sealed claim', () => {
    const ctx = fixtureTracker();
    replyValue(callAs<Claim>(ctx, BEN, 'claimNext', { queueId: 'unassigned' }));
    expect(columnById(ctx, 'Claimed by').get(caseId(3))).toBe(BEN);
    // Typed straight into the cells, no edit trigger ran: the row now reads unclaimed and unowned.
    const row = rowOf(ctx, caseId(3));
    ctx.cases.getRange(row, ctx.column('Owner')).setValue('');
    ctx.cases.getRange(row, ctx.column('Claimed by')).setValue('');
    ctx.cases.getRange(row, ctx.column('Claimed at')).setValue('');
    // Case 3 is first in the cells' order, but its record says ben holds it: ana gets case 2.
    expect(replyValue(callAs<Claim>(ctx, OPS, 'claimNext', { queueId: 'unassigned' }))).toMatchObject({
      claimed: true,
      case: { caseId: caseId(2) },
    });
    // A claim typed in is not one: ana cannot release case 1 by typing herself into it first.
    const one = rowOf(ctx, caseId(1));
    ctx.cases.getRange(one, ctx.column('Claimed by')).setValue(OPS);
    ctx.cases.getRange(one, ctx.column('Claimed at')).setValue(new Date(NOW));
    expect(callAs(ctx, OPS, 'releaseCase', { caseId: caseId(1) })).toMatchObject({
      ok: false,
      error: { message: `You do not hold a claim on ${caseId(1)}: nothing was changed.` },
    });
    // Ben's own release works from the record, and puts back the cells typed away.
    replyValue(callAs(ctx, BEN, 'releaseCase', { caseId: caseId(3) }));
    expect(recordTrusted(ctx, caseId(3))).toBe(true);
    expect(columnById(ctx, 'Claimed by').get(caseId(3))).toBe('');
  });

  test('"Claimed by" typed by an editor is put back from the record and audited; the case stays claimable', () => {
    const ctx = automatedTracker();
    const { caseId: id, row } = newCase(ctx);
    typeInto(ctx, 'Claimed by', row, BEN);
    expect(cell(ctx, row, 'Claimed by')).toBe('');
    const putBack = auditRows(ctx).filter((r) => r[3] === id && r[2] === 'System column put back');
    expect(putBack.map((r) => [r[4], r[5], r[6]])).toEqual([['Claimed by', BEN, '']]);
    // The case's owner (ana) can still claim it: ben's typed claim decided nothing.
    expect(replyValue(callAs<Claim>(ctx, OPS, 'claimNext', { queueId: 'mine' }))).toMatchObject({
      claimed: true,
      case: { caseId: id },
    });
  });

  test('Skip needs a reason, is audited, releases the claim, and Claim next does not offer it again to that reviewer', () => {
    const ctx = fixtureTracker();
    replyValue(callAs<Claim>(ctx, OPS, 'claimNext', { queueId: 'unassigned' }));
    const before = snapshot(ctx);
    const noReason = callAs(ctx, OPS, 'skipCase', { caseId: caseId(3), reason: '   ' });
    expect(noReason).toMatchObject({ ok: false, error: { message: 'reason must be non-empty text' } });
    expect(snapshot(ctx)).toBe(before);
    replyValue(callAs(ctx, OPS, 'skipCase', { caseId: caseId(3), reason: 'Conflict of interest' }));
    expect(columnById(ctx, 'Claimed by').get(caseId(3))).toBe('');
    expect(columnById(ctx, 'Owner').get(caseId(3))).toBe('');
    const audit = auditRows(ctx);
    expect(audit.filter((r) => r[2] === 'Skip').map((r) => [r[1], r[3], r[7]])).toEqual([
      [OPS, caseId(3), 'Skipped: Conflict of interest'],
    ]);
    expect(replyValue(callAs<Claim>(ctx, OPS, 'claimNext', { queueId: 'unassigned' }))).toMatchObject({
      case: { caseId: caseId(2) },
    });
    expect(replyValue(callAs<Claim>(ctx, BEN, 'claimNext', { queueId: 'unassigned' }))).toMatchObject({
      case: { caseId: caseId(3) },
    });
    // Release: only the holder.
    expect(callAs(ctx, OPS, 'releaseCase', { caseId: caseId(3) })).toMatchObject({ ok: false });
    replyValue(callAs(ctx, BEN, 'releaseCase', { caseId: caseId(3) }));
    expect(columnById(ctx, 'Claimed by').get(caseId(3))).toBe('');
  });
});

describe('saved filter views', () => {
  test('Set up tracker creates them once through the Sheets API and updates them on later runs; a person’s own view is untouched', () => {
    const ctx = fixtureTracker();
    const Sheets = sheetsApi(ctx);
    const views = () =>
      (
        Sheets.Spreadsheets.get(ctx.spreadsheetId, { fields: 'sheets(properties(sheetId),filterViews)' }) as {
          sheets: { filterViews?: { filterViewId: number; title: string; filterSpecs?: unknown[] }[] }[];
        }
      ).sheets.flatMap((s) => s.filterViews ?? []);
    // Someone renamed Casebook's Unassigned view and added their own: setup puts back only Casebook's view,
    // in one batchUpdate (issue 19: a view already as wanted is not rewritten).
    const unassignedId = views().find((v) => v.title === 'Casebook: Unassigned')!.filterViewId;
    Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          { addFilterView: { filter: { title: 'My own view', range: { sheetId: ctx.cases.getSheetId() } } } },
          { updateFilterView: { filter: { filterViewId: unassignedId, title: 'Renamed' }, fields: 'title' } },
        ],
      },
      ctx.spreadsheetId,
    );
    ctx.ws.ledger.reset();
    clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Set up tracker' });
    expect(ctx.ws.ledger.count('Sheets.Spreadsheets.batchUpdate')).toBe(1);
    const first = views();
    const titles = first.map((v) => v.title).sort();
    expect(titles).toEqual(
      [
        'Casebook: Due soon',
        'Casebook: Misjudgements',
        'Casebook: P1/P2 breached',
        'Casebook: Unassigned',
        ...REVIEWERS.map((r) => `Casebook: My open cases - ${r}`),
        'My own view',
      ].sort(),
    );
    const breached = first.find((v) => v.title === 'Casebook: P1/P2 breached')!;
    expect(breached.filterSpecs).toEqual(
      expect.arrayContaining([
        {
          columnIndex: ctx.column('SLA') - 1,
          filterCriteria: { condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: 'Breached' }] } },
        },
        { columnIndex: ctx.column('Severity') - 1, filterCriteria: { hiddenValues: ['P3', 'P4'] } },
      ]),
    );
    clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Set up tracker' });
    clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Set up tracker' });
    const again = views();
    expect(again.map((v) => [v.filterViewId, v.title]).sort()).toEqual(
      first.map((v) => [v.filterViewId, v.title]).sort(),
    );
    expect(again.find((v) => v.title === 'My own view')).toEqual(
      first.find((v) => v.title === 'My own view'),
    );
    // The sidebar links the shared views and the reviewer's own "My open cases", by filter view ID.
    const links = queue(ctx, OPS, 'unassigned').views;
    expect(links.map((l) => l.title)).toEqual([
      `My open cases - ${OPS}`,
      'P1/P2 breached',
      'Due soon',
      'Unassigned',
      'Misjudgements',
    ]);
    const unassigned = first.find((v) => v.title === 'Casebook: Unassigned')!;
    expect(links[3]?.url).toMatch(
      new RegExp(`#gid=${ctx.cases.getSheetId()}&fvid=${unassigned.filterViewId}$`),
    );
  });
});

describe('Dashboard', () => {
  test('figures equal an independent count of the Cases tab; written in one call, protected, with its as-of time', () => {
    const ctx = fixtureTracker();
    replyValue(callAs<Claim>(ctx, BEN, 'claimNext', { queueId: 'unassigned' }));
    ctx.ws.ledger.reset();
    clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Refresh dashboard' });
    const sheet = ctx.ss.getSheetByName('Dashboard')!;
    const rows = sheet.getDataRange().getValues();
    const figure = (section: string, item: string) =>
      rows.find((r) => r[0] === section && r[1] === item)?.[2];
    // Independent count from the raw tab.
    const values = ctx.cases
      .getDataRange()
      .getValues()
      .slice(1)
      .filter((r) => r[0] !== '');
    const col = (h: string) => ctx.column(h) - 1;
    const open = values.filter((r) => !['Resolved', 'Closed'].includes(String(r[col('Status')])));
    const count = (pred: (r: unknown[]) => boolean) => open.filter(pred).length;
    expect(figure('Open cases', 'All open')).toBe(open.length);
    expect(open.length).toBe(8);
    for (const status of ['New', 'Triaged', 'Escalated', 'Awaiting response'])
      expect(figure('Open by status', status)).toBe(count((r) => r[col('Status')] === status));
    for (const severity of ['P1', 'P2', 'P3', 'P4'])
      expect(figure('Open by severity', severity)).toBe(count((r) => r[col('Severity')] === severity));
    expect(figure('Open by team', 'Legal')).toBe(1);
    expect(figure('Open by SLA state', 'Breached')).toBe(count((r) => r[col('SLA')] === 'Breached'));
    expect(figure('Breached by team', 'Legal')).toBe(1);
    expect(figure('Breached by team', '(none)')).toBe(1);
    expect(figure('Claims per reviewer', BEN)).toBe(1);
    expect(rows[0]?.slice(0, 3)).toEqual(['Casebook dashboard', 'As of', '2026-11-23 09:00 (Europe/Dublin)']);
    expect(rows.filter((r) => r[0] === 'Oldest open cases').map((r) => String(r[1]).slice(0, 13))[0]).toBe(
      caseId(5),
    );
    expect(ctx.ws.ledger.count('Range.setValues')).toBe(1);
    const protections = sheet.getProtections(
      'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType,
    );
    expect(protections.map((p) => [p.getDescription(), p.isWarningOnly()])).toEqual([
      [expect.stringContaining('dashboard'), true],
    ]);
    // Typing into the Dashboard changes nothing at the next refresh.
    sheet.getRange('C3').setValue(999);
    clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Refresh dashboard' });
    expect(sheet.getRange('C3').getValue()).toBe(8);
  });
});

describe('bulk actions', () => {
  test('a status change with allowed and refused transitions: refused listed with reasons, the others written and audited', () => {
    const ctx = fixtureTracker();
    const result = replyValue(
      callAs<{ changed: string[]; unchanged: string[]; refused: { caseId: string; reason: string }[] }>(
        ctx,
        OPS,
        'runBulkAction',
        { caseIds: [1, 3, 6, 8, 99].map(caseId), action: { kind: 'status', status: 'Escalated' } },
      ),
    );
    // 1 (New) lacks Escalated to and Owner; 3 (Triaged) too; 6 is Resolved; 8 is already Escalated; 99 is missing.
    expect(result.changed).toEqual([]);
    expect(result.unchanged).toEqual([caseId(8)]);
    expect(result.refused.map((r) => r.caseId)).toEqual([1, 3, 6, 99].map(caseId));
    expect(result.refused[2]?.reason).toMatch(/A case in Resolved cannot move to Escalated/);
    const triage = replyValue(
      callAs<{ changed: string[]; refused: { caseId: string }[] }>(ctx, OPS, 'runBulkAction', {
        caseIds: [1, 2, 6, 7].map(caseId),
        action: { kind: 'status', status: 'Triaged' },
      }),
    );
    expect(triage.changed).toEqual([1, 2].map(caseId));
    expect(triage.refused.map((r) => r.caseId)).toEqual([6, 7].map(caseId));
    const status = columnById(ctx, 'Status');
    expect([1, 2, 6, 7].map((id) => status.get(caseId(id)))).toEqual([
      'Triaged',
      'Triaged',
      'Resolved',
      'Awaiting response',
    ]);
    expect(columnById(ctx, 'Status changed at').get(caseId(1))).toBeInstanceOf(Date);
    const audit = auditRows(ctx);
    expect(audit.filter((r) => r[2] === 'Bulk action').map((r) => [r[3], r[4], r[5], r[6]])).toEqual([
      [caseId(1), 'Status', 'New', 'Triaged'],
      [caseId(2), 'Status', 'New', 'Triaged'],
    ]);
    const tagged = replyValue(
      callAs<{ changed: string[] }>(ctx, OPS, 'runBulkAction', {
        caseIds: [1, 2].map(caseId),
        action: { kind: 'tag', tag: 'traffic-anomaly' },
      }),
    );
    expect(tagged.changed).toHaveLength(2);
    expect(columnById(ctx, 'Tags').get(caseId(2))).toBe('traffic-anomaly');
  });
});

describe('bulk actions and sealed records', () => {
  test('a row whose Casebook record does not verify is refused with the reason; the others proceed', () => {
    const ctx = fixtureTracker();
    const row = rowOf(ctx, caseId(1));
    const record = ctx.cases.getRange(row, ctx.column('Casebook record'));
    record.setValue(String(record.getValue()).replace('"P3"', '"P1"'));
    const result = replyValue(
      callAs<{ changed: string[]; refused: { caseId: string; reason: string }[] }>(
        ctx,
        OPS,
        'runBulkAction',
        {
          caseIds: [1, 2].map(caseId),
          action: { kind: 'assign', owner: BEN },
        },
      ),
    );
    expect(result.changed).toEqual([caseId(2)]);
    expect(result.refused).toEqual([
      {
        caseId: caseId(1),
        reason: expect.stringMatching(/^Not changed: this row.s Casebook record does not match/),
      },
    ]);
    expect(columnById(ctx, 'Owner').get(caseId(1))).toBe('');
    expect(columnById(ctx, 'Owner').get(caseId(2))).toBe(BEN);
    expect(recordTrusted(ctx, caseId(2))).toBe(true);
  });
});

describe('garbage from the console', () => {
  const CASES: [string, unknown[], RegExp][] = [
    ['getQueues', ['x'], /request must be an object/],
    ['getQueues', [{ queueId: 'team:Nobody' }], /is not a queue/],
    ['getQueues', [{ queueId: 42 }], /queueId must be non-empty text/],
    ['openQueueCase', [{ caseId: 'DROP TABLE' }], /is not a case ID/],
    ['openQueueCase', [{ caseId: caseId(999) }], /No case CB-2026-00999/],
    ['claimNext', [null], /request must be an object/],
    ['claimNext', [{ queueId: 'x'.repeat(500) }], /longer than 120/],
    ['skipCase', [{ caseId: caseId(1) }], /reason must be non-empty text/],
    ['skipCase', [{ caseId: caseId(1), reason: 'x'.repeat(501) }], /longer than 500/],
    ['releaseCase', [{ caseId: [] }], /caseId must be non-empty text/],
    ['releaseCase', [{ caseId: caseId(1) }], /do not hold a claim/],
    [
      'runBulkAction',
      [{ caseIds: 'CB-2026-00001', action: { kind: 'tag', tag: 'a' } }],
      /caseIds must be a list/,
    ],
    [
      'runBulkAction',
      [{ caseIds: Array(501).fill(caseId(1)), action: { kind: 'tag', tag: 'a' } }],
      /more than 500/,
    ],
    ['runBulkAction', [{ caseIds: [caseId(1)], action: { kind: 'delete' } }], /is not a bulk action/],
    ['runBulkAction', [{ caseIds: [caseId(1)], action: { kind: 'team', team: 'Nobody' } }], /not a team/],
    [
      'runBulkAction',
      [{ caseIds: [caseId(1)], action: { kind: 'assign', owner: '=HACK()' } }],
      /not an email/,
    ],
    ['runBulkAction', [{ caseIds: [caseId(1)], action: { kind: 'status', status: 'Done' } }], /not a status/],
    ['runBulkAction', [{ caseIds: [caseId(1)], action: { kind: 'tag', tag: '=1+1' } }], /A tag is/],
    ['runBulkAction', [{ caseIds: [], action: { kind: 'tag', tag: 'a' } }], /at least one case/],
    ['refreshQueueSla', [{ caseIds: [{}] }], /caseIds\[0\] must be non-empty text/],
    ['refreshQueueSla', [{ caseIds: Array(501).fill(caseId(1)) }], /more than 500/],
  ];
  test.each(CASES.map(([name, args, message], i) => [i, name, args, message] as const))(
    '%i: %s fails with a clear error and writes nothing',
    (_i, name, args, message) => {
      const ctx = fixtureTracker();
      const before = snapshot(ctx);
      const reply = callAs(ctx, OPS, name, ...args);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.message).toMatch(message);
      expect(snapshot(ctx)).toBe(before);
    },
  );
});
describe('SLA never silently stale', () => {
  test('Refresh SLA brings the rows in view up to date (hand-worked) and the sidebar says when the hourly run last did', () => {
    const ctx = fixtureTracker();
    // Logged Mon 09:00 Dublin (UTC+0 in November), P1 = 4 working hours: due 13:00Z, on track at 09:00.
    writeCases(ctx, [
      ...FIXTURE,
      {
        id: 12,
        severity: 'P1',
        created: '2026-11-23T09:00:00Z',
        sla: 'Breached',
        due: '2026-11-01T00:00:00Z',
      },
    ]);
    expect(queue(ctx, OPS, 'unassigned').slaAsOf).toBe('');
    const result = replyValue(
      callAs<{ refreshed: number; at: string }>(ctx, OPS, 'refreshQueueSla', {
        caseIds: [caseId(12), caseId(99)],
      }),
    );
    expect(result).toEqual({ refreshed: 1, at: '2026-11-23 09:00 (Europe/Dublin)' });
    expect(columnById(ctx, 'SLA').get(caseId(12))).toBe('On track');
    expect((columnById(ctx, 'SLA due').get(caseId(12)) as Date).toISOString()).toBe(
      '2026-11-23T13:00:00.000Z',
    );
  });
});

describe('bulk actions on the rows selected in the sheet', () => {
  const select = (ctx: Tracker, user: string, sheetId: number, row: number, numRows: number) =>
    ctx.ws
      .getSpreadsheet(ctx.spreadsheetId)
      .selections.set(user, { sheetId, row, column: 2, numRows, numColumns: 3 });

  test('getSelectedCaseIds gives the case IDs of the selected rows; elsewhere or too many rows is a clear error', () => {
    const ctx = fixtureTracker();
    const cases = ctx.cases.getSheetId();
    select(ctx, OPS, cases, 1, 4);
    expect(replyValue(callAs(ctx, OPS, 'getSelectedCaseIds'))).toEqual({ caseIds: [1, 2, 3].map(caseId) });
    select(ctx, OPS, cases, 1, 1);
    expect(callAs(ctx, OPS, 'getSelectedCaseIds')).toMatchObject({
      ok: false,
      error: { message: /header row/ },
    });
    select(ctx, OPS, ctx.ss.getSheetByName('Lists')!.getSheetId(), 2, 3);
    expect(callAs(ctx, OPS, 'getSelectedCaseIds')).toMatchObject({
      ok: false,
      error: { message: /Cases tab/ },
    });
    ctx.cases.insertRowsAfter(ctx.cases.getMaxRows(), 600);
    writeCases(
      ctx,
      Array.from({ length: 600 }, (_, i) => ({ id: i + 1 })),
    );
    select(ctx, OPS, cases, 2, 501);
    expect(callAs(ctx, OPS, 'getSelectedCaseIds')).toMatchObject({
      ok: false,
      error: { message: /at most 500/ },
    });
  });
});
