/**
 * The reviewer queues in core (src/core/queue): queue order (SLA due, severity, age, ID), claim expiry,
 * which case Claim next picks, bulk-action planning against the lifecycle, and Dashboard figures. Expected
 * values are worked out by hand from the rows below.
 */
import { type BulkAction, bulkActionProblem, planBulkAction } from '../../src/core/queue/bulk-action';
import { DASHBOARD_FIELDS, dashboardCells, dashboardFigures } from '../../src/core/queue/dashboard';
import {
  claimExpiryMs,
  claimIsLive,
  HOUR_MS,
  QUEUE_FIELDS,
  QUEUE_ORDER,
  queueCaseOf,
} from '../../src/core/queue/queue-case';
import { cutBy, settleHead } from '../../src/core/queue/queue-head';
import { findQueue, nextClaimable, queueCases, queueDefinitions } from '../../src/core/queue/queues';
import type { CaseRow } from '../../src/core/validation/validate-case';

const NOW = Date.parse('2026-11-23T09:00:00Z');
const EXPIRY = 4 * HOUR_MS;
const ME = 'ana@x.example';
const d = (iso: string) => new Date(iso);

function cases(rows: CaseRow[]) {
  return rows.map((row, i) => queueCaseOf(row, i + 2, NOW, EXPIRY));
}

const ROWS: CaseRow[] = [
  {
    caseId: 'CB-2026-00001',
    severity: 'P3',
    status: 'New',
    slaDue: d('2026-11-23T12:00:00Z'),
    createdAt: d('2026-11-20T09:00:00Z'),
  },
  {
    caseId: 'CB-2026-00002',
    severity: 'P1',
    status: 'New',
    slaDue: d('2026-11-23T12:00:00Z'),
    createdAt: d('2026-11-21T09:00:00Z'),
  },
  {
    caseId: 'CB-2026-00003',
    severity: 'P2',
    status: 'New',
    slaDue: d('2026-11-23T10:00:00Z'),
    createdAt: d('2026-11-22T09:00:00Z'),
  },
  { caseId: 'CB-2026-00004', severity: 'P2', status: 'New', createdAt: d('2026-11-10T09:00:00Z') },
  { caseId: 'CB-2026-00005', severity: 'P2', status: 'New', createdAt: d('2026-11-05T09:00:00Z') },
  { caseId: 'CB-2026-00006', severity: 'p1', status: 'Closed', createdAt: d('2026-11-01T09:00:00Z') },
  { caseId: '', severity: 'P1', status: 'New' },
];

describe('queue order', () => {
  test('SLA due first, then severity (P1 first), then oldest, then ID; closed and ID-less rows are in no queue', () => {
    const unassigned = findQueue([], 'unassigned')!;
    expect(queueCases(cases(ROWS), unassigned, ME).map((c) => c.caseId.slice(-1))).toEqual([
      '3',
      '2',
      '1',
      '5',
      '4',
    ]);
  });

  test('one queue per team after the fixed ones', () => {
    expect(queueDefinitions(['Legal', 'Policy']).map((q) => q.id)).toEqual([
      'mine',
      'unassigned',
      'dueSoon',
      'breached',
      'awaiting',
      'misjudgement',
      'team:Legal',
      'team:Policy',
    ]);
    expect(findQueue(['Legal'], 'team:Policy')).toBeNull();
  });
});

describe('claims', () => {
  test.each([
    ['no claim', null, null, NOW, false],
    ['3h59 after the claim, unchanged', NOW - 239 * 60_000, NOW - 239 * 60_000, NOW, true],
    ['4h after the claim, unchanged', NOW - 240 * 60_000, NOW - 240 * 60_000, NOW, false],
    ['4h after, but changed after the claim', NOW - 240 * 60_000, NOW - 60_000, NOW, true],
  ])('%s: live = %s', (_name, claimedAt, updated, now, live) => {
    expect(claimIsLive(claimedAt, updated, now, EXPIRY)).toBe(live);
  });

  test('claim expiry setting: hours, with 4 as the default for blank or nonsense', () => {
    expect(claimExpiryMs('2')).toBe(2 * HOUR_MS);
    expect(claimExpiryMs('0.5')).toBe(HOUR_MS / 2);
    for (const bad of ['', 'soon', '-1', '0', '10000', undefined])
      expect(claimExpiryMs(bad)).toBe(4 * HOUR_MS);
  });

  test('an expired claim undoes the owner it set; Claim next skips live claims, others’ cases and skipped ones', () => {
    const rows: CaseRow[] = [
      ...ROWS,
      {
        caseId: 'CB-2026-00007',
        status: 'New',
        owner: 'ben@x.example',
        claimedBy: 'ben@x.example',
        claimedAt: d('2026-11-23T01:00:00Z'),
        lastUpdatedAt: d('2026-11-23T01:00:00Z'),
        slaDue: d('2026-11-23T09:30:00Z'),
      },
      {
        caseId: 'CB-2026-00008',
        status: 'New',
        owner: 'ben@x.example',
        claimedBy: 'ben@x.example',
        claimedAt: d('2026-11-23T08:00:00Z'),
        slaDue: d('2026-11-23T09:10:00Z'),
      },
      { caseId: 'CB-2026-00009', status: 'New', owner: 'cy@x.example', slaDue: d('2026-11-23T09:05:00Z') },
    ];
    const all = cases(rows);
    const seven = all.find((c) => c.caseId.endsWith('7'))!;
    expect([seven.owner, seven.claimedBy, seven.claimExpired]).toEqual(['', '', true]);
    const unassigned = findQueue([], 'unassigned')!;
    expect(nextClaimable(all, unassigned, ME, new Set())?.caseId).toBe('CB-2026-00007');
    expect(nextClaimable(all, unassigned, ME, new Set(['CB-2026-00007']))?.caseId).toBe('CB-2026-00003');
    // From "Due soon" with no case in it: nothing.
    expect(nextClaimable(all, findQueue([], 'dueSoon')!, ME, new Set())).toBeNull();
  });
});

describe('what Claim next reads (issue 19)', () => {
  const people = ['', ME, 'ben@x.example', ' Ana@X.example '];
  // Claimed an hour ago (live), eight hours ago (expired), before the last change (live: it became work).
  const times = ['', d('2026-11-23T08:00:00Z'), d('2026-11-23T01:00:00Z'), d('2026-11-22T08:00:00Z')];
  /** Every mix of the cells the queues and claims look at, closed and open, live and expired claims. */
  const mixes: CaseRow[] = [];
  for (const status of ['New', 'Awaiting response', 'Resolved', 'Closed', ''])
    for (const owner of people)
      for (const claimedBy of people)
        for (const claimedAt of times)
          for (const [slaStatus, escalatedTo, appealStatus, misjudgement] of [
            ['Breached', 'Legal', '', ''],
            ['Due soon', '', 'Pending', ''],
            ['Met', 'Policy', '', 'Yes'],
            ['', '', 'Upheld', 'No'],
          ])
            mixes.push({
              caseId: 'CB-2026-00001',
              status,
              owner,
              claimedBy,
              claimedAt,
              lastUpdatedAt: d('2026-11-22T09:00:00Z'),
              slaStatus,
              escalatedTo,
              appealStatus,
              misjudgement,
            });

  test('every case a queue holds passes each stage of its marker on those columns alone; a closed one fails', () => {
    for (const queue of queueDefinitions(['Legal', 'Policy'])) {
      let passed = 0;
      for (const row of mixes) {
        const stagesPass = queue.marker.every((stage) =>
          stage.mayHold(Object.fromEntries(stage.keys.map((key) => [key, row[key]])), ME),
        );
        const held = queueCases([queueCaseOf(row, 2, NOW, EXPIRY)], queue, ME).length === 1;
        if (held) expect([queue.id, stagesPass]).toEqual([queue.id, true]);
        if (stagesPass) passed += 1;
        // A closed case (its SLA met, as the sweep writes at the close) gets no further than its first stage.
        if (row.status === 'Closed' && row.slaStatus === 'Met')
          expect([queue.id, stagesPass]).toEqual([queue.id, false]);
      }
      expect(passed).toBeGreaterThan(0);
    }
  });

  test('the head of the queue in queue order, a level read only for the rows tied near the head', () => {
    // 300 open cases: a few SLA due times, all severities, ages; many tie on the first levels.
    const rows = new Map<number, CaseRow>();
    for (let i = 0; i < 300; i++)
      rows.set(i + 2, {
        caseId: `CB-2026-${String(1000 - i).padStart(5, '0')}`,
        status: 'New',
        slaDue: i % 7 === 0 ? d(`2026-11-2${3 + (i % 3)}T10:00:00Z`) : '',
        severity: `P${(i % 4) + 1}`,
        createdAt: d(`2026-11-${String(1 + (i % 20)).padStart(2, '0')}T09:00:00Z`),
      });
    const caseAt = (row: number) => queueCaseOf(rows.get(row) as CaseRow, row, NOW, EXPIRY);
    const asked: number[] = [0, 0, 0, 0];
    const head = settleHead([{ rows: [...rows.keys()], level: 0 }], 5, QUEUE_ORDER.length, (level, tied) => {
      asked[level] = (asked[level] as number) + tied.flat().length;
      const { compare } = QUEUE_ORDER[level] as (typeof QUEUE_ORDER)[number];
      return tied.map((group) => cutBy(group, caseAt, compare));
    })
      .flatMap((group) => group.rows)
      .slice(0, 5);
    const everything = queueCases([...rows.keys()].map(caseAt), findQueue([], 'unassigned')!, ME);
    expect(head).toEqual(everything.slice(0, 5).map((c) => c.row));
    // SLA due of all 300; severity and age only of the rows still tied near the head.
    expect(asked[0]).toBe(300);
    expect(asked[1]).toBeLessThan(300);
    expect(asked[2]).toBeLessThan(asked[1] as number);
  });
});

describe('bulk actions', () => {
  const byId = new Map<string, CaseRow>([
    ['A', { caseId: 'A', status: 'New', owner: '', escalatedTo: '', tags: 'x' }],
    ['B', { caseId: 'B', status: 'Triaged', owner: 'ana@x.example', escalatedTo: 'Legal', tags: '' }],
    ['C', { caseId: 'C', status: 'Closed' }],
  ]);
  const plan = (action: BulkAction, ids: string[]) => planBulkAction(action, ids, byId, NOW, null);

  test('each case is checked on its own: refused ones carry the lifecycle reason, the rest are planned', () => {
    const result = plan({ kind: 'status', status: 'Escalated' }, ['A', 'B', 'C', 'Z', 'B']);
    expect(result.changes.map((c) => c.caseId)).toEqual(['B']);
    expect(result.changes[0]?.fields).toMatchObject({ status: 'Escalated', acceptedStatus: 'Escalated' });
    expect(result.refused).toEqual([
      { caseId: 'A', reason: 'Escalated needs "Escalated to" and "Owner"' },
      { caseId: 'C', reason: 'A case in Closed cannot move to Escalated: from Closed it can go to Reopened' },
      { caseId: 'Z', reason: 'No such case in this tracker' },
    ]);
  });

  test('add tag keeps existing tags and skips cases that already have it (any case)', () => {
    const result = plan({ kind: 'tag', tag: 'X' }, ['A', 'B']);
    expect(result.unchanged).toEqual(['A']);
    expect(result.changes[0]).toMatchObject({ caseId: 'B', fields: { tags: 'X' } });
  });

  test('action values are checked before any case', () => {
    expect(bulkActionProblem({ kind: 'assign', owner: 'nobody' }, [])).toMatch(/not an email/);
    expect(bulkActionProblem({ kind: 'team', team: 'Legal' }, ['Legal'])).toBeNull();
    expect(bulkActionProblem({ kind: 'status', status: 'Done' }, [])).toMatch(/not a status/);
    expect(bulkActionProblem({ kind: 'tag', tag: '=SUM(A1)' }, [])).toMatch(/A tag is/);
  });
});

describe('dashboard', () => {
  test('the figures made from the Dashboard fields alone are those made from every queue field', () => {
    // Every queue field filled, differently per row, with live, expired and no claims.
    const full: CaseRow[] = ['New', 'Triaged', 'Resolved', 'Closed', 'In review'].map((status, i) => ({
      caseId: `CB-2026-0000${i + 1}`,
      createdAt: d(`2026-11-${10 + i}T08:00:00Z`),
      market: ['DE', 'FR', 'PL', 'DE', 'ES'][i],
      policy: ['Counterfeit', 'Misleading claims', 'Counterfeit', 'Unsafe product', 'Other'][i],
      severity: `P${(i % 4) + 1}`,
      status,
      owner: i % 2 ? ME : '',
      claimedBy: i === 0 || i === 4 ? ME : '',
      claimedAt: i === 0 ? d('2026-11-23T08:00:00Z') : i === 4 ? d('2026-11-22T08:00:00Z') : '',
      escalatedTo: ['Legal', '', 'Trust', 'Legal', 'Trust'][i],
      slaDue: d(`2026-11-2${i}T12:00:00Z`),
      slaStatus: ['Breached', 'Due soon', '', '', 'On track'][i],
      appealStatus: i === 2 ? 'Open' : '',
      misjudgement: i === 3 ? 'Yes' : '',
      lastUpdatedAt: d(`2026-11-1${i}T09:00:00Z`),
      resolvedAt: status === 'Resolved' || status === 'Closed' ? d('2026-11-18T08:00:00Z') : '',
    }));
    expect(Object.keys(full[0] as CaseRow).sort()).toEqual([...QUEUE_FIELDS].sort());
    const narrow = full.map((row) =>
      Object.fromEntries(DASHBOARD_FIELDS.map((key) => [key, row[key]])),
    ) as CaseRow[];
    expect(DASHBOARD_FIELDS.length).toBeLessThan(QUEUE_FIELDS.length);
    expect(dashboardFigures(cases(narrow), NOW, 'UTC')).toEqual(dashboardFigures(cases(full), NOW, 'UTC'));
    expect(cases(narrow).map((c) => c.claimExpired)).toEqual(cases(full).map((c) => c.claimExpired));
  });

  test('figures count open cases by status, team, severity and SLA; this week against last; one rectangle of cells', () => {
    const rows: CaseRow[] = [
      {
        caseId: 'A',
        status: 'New',
        severity: 'P1',
        escalatedTo: 'Legal',
        slaStatus: 'Breached',
        createdAt: d('2026-11-23T08:00:00Z'),
      },
      {
        caseId: 'B',
        status: 'Triaged',
        severity: 'P2',
        slaStatus: 'Due soon',
        createdAt: d('2026-11-17T08:00:00Z'),
      },
      {
        caseId: 'C',
        status: 'Resolved',
        severity: 'P2',
        createdAt: d('2026-11-10T08:00:00Z'),
        resolvedAt: d('2026-11-18T08:00:00Z'),
      },
    ];
    const figures = dashboardFigures(cases(rows), NOW, 'UTC');
    expect(figures.openTotal).toBe(2);
    expect(figures.openByStatus).toEqual([
      ['New', 1],
      ['Triaged', 1],
    ]);
    expect(figures.breachedByTeam).toEqual([['Legal', 1]]);
    expect(figures.dueSoonByTeam).toEqual([['(none)', 1]]);
    // 2026-11-23 is Monday of 2026-W48: A was created this week, B last week, C resolved last week.
    expect(figures.weeks).toEqual([
      { label: '2026-W48', created: 1, resolved: 0 },
      { label: '2026-W47', created: 1, resolved: 1 },
    ]);
    expect(figures.oldestOpen.map((c) => [c.caseId, c.ageDays])).toEqual([
      ['B', 6],
      ['A', 0],
    ]);
    const cells = dashboardCells(figures, 'now', 'then', { views: { breached: 'https://x/#fvid=1' } });
    expect(cells.every((row) => row.length === 4)).toBe(true);
    expect(cells.find((r) => r[0] === 'Breached by team')).toEqual([
      'Breached by team',
      'Legal',
      1,
      'https://x/#fvid=1',
    ]);
  });
});
