/**
 * Acceptance test of the weekly summary's story figures against docs/weekly-summary.md ("Headline",
 * "Current risk", "Needs a decision", repeat-seller points, the chart's partial week), written from the
 * definitions, not the code: every expected value is worked out by hand below, with the cases behind it.
 *
 * Report week 2026-W47 in Europe/Dublin (UTC in November): START Monday 2026-11-16T00:00Z, END Monday
 * 2026-11-23T00:00Z. The four weeks before are W43..W46 (2026-10-19T00Z..11-16T00Z; W44 starts 10-26,
 * W45 11-02, W46 11-09).
 *
 * The fixture, by case (severity, status, created, SLA due, policy x market, seller, LIVE):
 *  R1  P1 Triaged   11-10T10  due 11-18T12  CG x DE  S-A L-1  owner ana   past SLA 4.5 days -> 4
 *  R2  P1 Triaged   11-12T10  due 11-21T00  CG x DE  S-B L-3  owner ben   past SLA 2 days
 *  R3  P1 New       11-20T08  due 11-24T00  CG x DE  S-C      not past; New since 11-20T08 (2.7 days)
 *  R4  P2 Escalated 11-05T00  due 11-22T06  PI x IT  S-B L-3  Legal since 11-17; past 18 h -> 0 days
 *  R5  P3 Triaged   11-01T00  due 11-08T00  PI x IT  S-A L-2  past 15 days
 *  R6  P4 New       11-18T00  no SLA due    MC x FR  S-C      Misjudgement Yes
 *  R7  P2 Awaiting  11-16T05  due 11-30T00  MC x FR
 *  R8  -- New       11-02T00  due 11-09T00  PI x IT           unrated, past 14 days
 *  D1  P2 Resolved  11-14T00  due 11-22T00  PI x IT  resolved 11-24 (after END): open at END, 1 day over
 *  C1  P2 Resolved  11-03T00  due 11-10T00  CG x DE  S-A L-1  resolved 11-17, SLA Missed
 *  C2  P3 Resolved  11-16T10                MC x FR           resolved 11-18, SLA Met
 *  C3  P3 Closed    11-01T00                MC x FR           closed 11-12 (last week)
 *  C4  P1 Closed    11-20T00                CG x DE  S-C      closed 11-22, SLA Met
 *  M1  P3 Resolved  11-17T00                MC x FR           resolved 11-17T12, SLA Met
 *  M2  P3 Resolved  11-18T00                MC x FR           resolved 11-19, SLA Met
 * (CG Counterfeit goods, PI Prohibited items, MC Misleading claims.)
 */
import type { ReportInput, WeeklyReport } from '../../src/core/report/model';
import { buildWeeklyReport } from '../../src/core/report/weekly-report';
import type { CaseRow } from '../../src/core/validation/validate-case';

const d = (iso: string) => new Date(`2026-${iso}:00Z`);
const CG = 'Counterfeit goods';
const PI = 'Prohibited items';
const MC = 'Misleading claims';
const ROW_BASE = 200;

const NAMES = [
  'R1',
  'R2',
  'R3',
  'R4',
  'R5',
  'R6',
  'R7',
  'R8',
  'D1',
  'C1',
  'C2',
  'C3',
  'C4',
  'M1',
  'M2',
] as const;
type Name = (typeof NAMES)[number];
const idOf = (name: Name) => `CB-2026-${String(NAMES.indexOf(name) + 1).padStart(5, '0')}`;

function row(name: Name, over: CaseRow): CaseRow {
  return {
    caseId: idOf(name),
    sellerId: '',
    liveSessionId: '',
    detectionSource: 'Human review',
    slaStatus: 'On track',
    slaDue: '',
    appealStatus: 'None',
    misjudgement: 'No',
    rootCause: 'Seller conduct',
    escalatedTo: '',
    escalatedAt: '',
    resolvedAt: '',
    closedAt: '',
    duplicateOf: '',
    owner: '',
    statusChangedAt: '',
    validationIssues: '',
    ...over,
    lastUpdatedAt: over.createdAt,
  };
}

const FIXTURE: Record<Name, CaseRow> = {
  R1: {
    severity: 'P1',
    status: 'Triaged',
    createdAt: d('11-10T10:00'),
    statusChangedAt: d('11-11T09:00'),
    slaDue: d('11-18T12:00'),
    policy: CG,
    market: 'DE',
    sellerId: 'S-A',
    liveSessionId: 'L-1',
    owner: 'ana@x.eu',
  },
  R2: {
    severity: 'P1',
    status: 'Triaged',
    createdAt: d('11-12T10:00'),
    slaDue: d('11-21T00:00'),
    policy: CG,
    market: 'DE',
    sellerId: 'S-B',
    liveSessionId: 'L-3',
    owner: 'ben@x.eu',
  },
  R3: {
    severity: 'P1',
    status: 'New',
    createdAt: d('11-20T08:00'),
    slaDue: d('11-24T00:00'),
    policy: CG,
    market: 'DE',
    sellerId: 'S-C',
    owner: 'ana@x.eu',
  },
  R4: {
    severity: 'P2',
    status: 'Escalated',
    createdAt: d('11-05T00:00'),
    slaDue: d('11-22T06:00'),
    policy: PI,
    market: 'IT',
    sellerId: 'S-B',
    liveSessionId: 'L-3',
    escalatedTo: 'Legal',
    escalatedAt: d('11-17T10:00'),
  },
  R5: {
    severity: 'P3',
    status: 'Triaged',
    createdAt: d('11-01T00:00'),
    slaDue: d('11-08T00:00'),
    policy: PI,
    market: 'IT',
    sellerId: 'S-A',
    liveSessionId: 'L-2',
  },
  R6: {
    severity: 'P4',
    status: 'New',
    createdAt: d('11-18T00:00'),
    policy: MC,
    market: 'FR',
    sellerId: 'S-C',
    misjudgement: 'Yes',
  },
  R7: {
    severity: 'P2',
    status: 'Awaiting response',
    createdAt: d('11-16T05:00'),
    slaDue: d('11-30T00:00'),
    policy: MC,
    market: 'FR',
  },
  R8: {
    severity: '',
    status: 'New',
    createdAt: d('11-02T00:00'),
    slaDue: d('11-09T00:00'),
    policy: PI,
    market: 'IT',
  },
  D1: {
    severity: 'P2',
    status: 'Resolved',
    createdAt: d('11-14T00:00'),
    slaDue: d('11-22T00:00'),
    resolvedAt: d('11-24T00:00'),
    slaStatus: 'Missed',
    policy: PI,
    market: 'IT',
  },
  C1: {
    severity: 'P2',
    status: 'Resolved',
    createdAt: d('11-03T00:00'),
    slaDue: d('11-10T00:00'),
    resolvedAt: d('11-17T00:00'),
    slaStatus: 'Missed',
    policy: CG,
    market: 'DE',
    sellerId: 'S-A',
    liveSessionId: 'L-1',
  },
  C2: {
    severity: 'P3',
    status: 'Resolved',
    createdAt: d('11-16T10:00'),
    resolvedAt: d('11-18T00:00'),
    slaStatus: 'Met',
    policy: MC,
    market: 'FR',
  },
  C3: {
    severity: 'P3',
    status: 'Closed',
    createdAt: d('11-01T00:00'),
    closedAt: d('11-12T00:00'),
    slaStatus: 'Met',
    policy: MC,
    market: 'FR',
  },
  C4: {
    severity: 'P1',
    status: 'Closed',
    createdAt: d('11-20T00:00'),
    closedAt: d('11-22T00:00'),
    slaStatus: 'Met',
    policy: CG,
    market: 'DE',
    sellerId: 'S-C',
  },
  M1: {
    severity: 'P3',
    status: 'Resolved',
    createdAt: d('11-17T00:00'),
    resolvedAt: d('11-17T12:00'),
    slaStatus: 'Met',
    policy: MC,
    market: 'FR',
  },
  M2: {
    severity: 'P3',
    status: 'Resolved',
    createdAt: d('11-18T00:00'),
    resolvedAt: d('11-19T00:00'),
    slaStatus: 'Met',
    policy: MC,
    market: 'FR',
  },
};

function input(over: Partial<ReportInput> = {}): ReportInput {
  return {
    rows: NAMES.map((name) => row(name, FIXTURE[name])),
    rowNumbers: NAMES.map((_, i) => ROW_BASE + i),
    audit: [],
    week: { year: 2026, week: 47 },
    timeZone: 'Europe/Dublin',
    personalData: false,
    ...over,
  };
}

describe('the story figures of 2026-W47', () => {
  let report: WeeklyReport;
  beforeAll(() => {
    report = buildWeeklyReport(input());
  });

  test('backlog change: 7 open at the start, 9 at the end, Misleading claims in FR the driver', () => {
    // Open at START (created before 11-16, not done before it): R1 R2 R4 R5 R8 D1, and C1 (done 11-17,
    // after START) = 7. C3 was done 11-12; R3 R6 R7 C2 C4 M1 M2 were created after START.
    // Open at END: R1..R8 and D1 (resolved 11-24, after END) = 9; C1 C2 C4 M1 M2 were done in the week.
    // New this week: R3 R6 R7 C2 C4 M1 M2 = 7; closed: C1 C2 C4 M1 M2 = 5; 7 + 7 - 5 = 9.
    expect(report.thisWeek).toMatchObject({ newCases: 7, closed: 5, openBacklog: 9 });
    // Per policy x market, END minus START: CG x DE 3 (R1 R2 R3) - 3 (R1 R2 C1) = 0; PI x IT 4 - 4 = 0;
    // MC x FR 2 (R6 R7) - 0 = +2, the only one moving the same way as the total (+2), so 2 of 2 = 100%.
    // The ratio is 2 / 7.
    expect(report.backlog).toEqual({
      now: 9,
      lastWeek: 7,
      change: 2,
      ratio: 2 / 7,
      drivers: [{ policy: MC, market: 'FR', change: 2 }],
    });
  });

  test('current risk: open past SLA at the end by severity and place, and the week before', () => {
    // Open at END with SLA due before END: R1 (due 11-18), R2 (11-21), R4 (11-22T06), R5 (11-08),
    // R8 (11-09), D1 (11-22) = 6. Not R3 (due 11-24), R6 (no due), R7 (11-30).
    // By severity: P1 R1 R2; P2 R4 D1; P3 R5; unrated R8.
    expect(report.currentRisk.open).toBe(9);
    expect(report.currentRisk.pastSla).toEqual({ total: 6, P1: 2, P2: 2, P3: 1, P4: 0, other: 1 });
    // Places: R1 R2 R5 wait in Triaged; R4 with Legal (escalated 11-17, before END); R8 in New; D1 in
    // its current status Resolved. Triaged 3 first; the three with 1 have no P1, so by name: Legal, New
    // (shown, with Triaged the top 3), Resolved left out.
    expect(report.currentRisk.byPlace).toEqual({
      items: [
        { place: 'Triaged', counts: { total: 3, P1: 2, P2: 0, P3: 1, P4: 0, other: 0 } },
        { place: 'Legal', counts: { total: 1, P1: 0, P2: 1, P3: 0, P4: 0, other: 0 } },
        { place: 'New', counts: { total: 1, P1: 0, P2: 0, P3: 0, P4: 0, other: 1 } },
      ],
      omitted: 1,
    });
    // At START (= last week's end): open then and due before 11-16: R5 (11-08), R8 (11-09) and C1
    // (due 11-10, resolved only 11-17) = 3. R1 R2 R4 D1 were due later.
    expect(report.currentRisk.pastSlaLastWeek).toBe(3);
  });

  test('the week\u2019s breach rate of closed cases stays apart: 1 of 5 missed', () => {
    // Closed this week with SLA Met or Missed: C1 Missed; C2 C4 M1 M2 Met. D1 (Missed) closes next week.
    expect(report.thisWeek.slaBreachRate).toEqual({ numerator: 1, denominator: 5, value: 0.2 });
  });

  test('biggest change: Misleading claims, 5 new against a weekly average of 0.25', () => {
    // New this week by policy: CG R3 C4 = 2; MC R6 R7 C2 M1 M2 = 5; PI 0. Four weeks before (W43..W46):
    // CG C1 (W45) R1 R2 (W46) = 3, average 0.75, moved 1.25; MC C3 (W44) = 1, average 0.25, moved 4.75;
    // PI R5 (W44) R8 R4 (W45) D1 (W46) = 4, average 1, moved 1. Only MC moved 3 or more.
    expect(report.biggestChange).toEqual({ policy: MC, count: 5, average: 0.25 });
  });

  test('repeat sellers: one LIVE counts once; a misjudged case earns nothing', () => {
    // S-A: R1 (P1, L-1) and C1 (P2, L-1) are one LIVE: only the P1 counts (5); R5 (P3, L-2) 2 = 7 points
    // from 2 cases. S-B: R2 and R4 share L-3: only R2 (P1) counts, 1 case: not a repeat seller (8 points
    // from 2 cases if the LIVE were counted twice). S-C: R3 P1 5 + C4 P1 5 = 10 from 2 (R6 is misjudged).
    // Latest counted case: S-C's R3 (11-20T08) after C4 (11-20T00); S-A's R1 (11-10) after R5 (11-01).
    expect(report.repeatSellers).toEqual({
      items: [
        { sellerId: 'S-C', points: 10, cases: 2, policies: [CG], latestCaseId: idOf('R3') },
        { sellerId: 'S-A', points: 7, cases: 2, policies: [CG, PI], latestCaseId: idOf('R1') },
      ],
      omitted: 0,
    });
  });

  test('needs a decision: the five riskiest by severity x overdue x volume, then the others', () => {
    const shape = (a: WeeklyReport['actions'][number]) => ({
      kind: a.kind,
      severity: a.severity,
      overdue: a.overdue,
      volume: a.volume,
      risk: a.risk,
      cases: a.cases.map((c) => c.caseId),
    });
    // Candidates, with severity weights P1 8, P2 4, P3 2, unrated 1 and overdue = 1 + days (at most 7):
    //  overdue P1 in Triaged: R1 (4 days) R2 (2 days): 8 x (1 + 4) x 2 = 80, most overdue first;
    //  spike MC x FR: 5 new against an average of 0.25 (counted as 1): its cases this week R7 (P2),
    //    C2 M1 M2 (P3), R6 (P4): 4 x 1 x 5 = 20, most severe first, then by case ID;
    //  overdue P3 in Triaged: R5, 15 days, counted as 7: 2 x 8 x 1 = 16;
    //  repeat seller S-C: 1 x 1 x 10 points = 10;
    //  overdue P2 in Resolved: D1, 1 day: 4 x 2 x 1 = 8;
    //  overdue unrated in New: R8, 14 days: 1 x 8 x 1 = 8;
    //  waiting P1 in New: R3 (not past SLA, New since 11-20T08, 2 whole days): 8 x 1 x 1 = 8;
    //  repeat seller S-A: 7; overdue P2 with Legal: R4, 0 days: 4 x 1 x 1 = 4; backlog +2: 1 x 1 x 2 = 2;
    //  SLA breach rate up (rule 6): 1 of 5 = 20% against last week's 0 of 1 (C3 Met) = 0%, +20 points on 5
    //    closed with an SLA: 1 x 1 x 1 missed = 1.
    // Ties at 8: overdue before waiting; the two overdue by text ("1 P2 ..." before "1 unrated ...").
    expect(report.actions.map(shape)).toEqual([
      { kind: 'overdue', severity: 8, overdue: 5, volume: 2, risk: 80, cases: [idOf('R1'), idOf('R2')] },
      {
        kind: 'spike',
        severity: 4,
        overdue: 1,
        volume: 5,
        risk: 20,
        // At most 3 named: R7 (P2), then the P3s by case ID: C2, M1 (M2 and R6 counted in casesTotal).
        cases: [idOf('R7'), idOf('C2'), idOf('M1')],
      },
      { kind: 'overdue', severity: 2, overdue: 8, volume: 1, risk: 16, cases: [idOf('R5')] },
      { kind: 'repeatSeller', severity: 1, overdue: 1, volume: 10, risk: 10, cases: [] },
      { kind: 'overdue', severity: 4, overdue: 2, volume: 1, risk: 8, cases: [idOf('D1')] },
    ]);
    expect(report.actions[1]?.casesTotal).toBe(5);
    expect(report.otherActions.map(shape)).toEqual([
      { kind: 'overdue', severity: 1, overdue: 8, volume: 1, risk: 8, cases: [idOf('R8')] },
      { kind: 'waiting', severity: 8, overdue: 1, volume: 1, risk: 8, cases: [idOf('R3')] },
      { kind: 'repeatSeller', severity: 1, overdue: 1, volume: 7, risk: 7, cases: [] },
      { kind: 'overdue', severity: 4, overdue: 1, volume: 1, risk: 4, cases: [idOf('R4')] },
      { kind: 'backlog', severity: 1, overdue: 1, volume: 2, risk: 2, cases: [] },
      { kind: 'slaBreachRate', severity: 1, overdue: 1, volume: 1, risk: 1, cases: [] },
    ]);
    expect(report.actions[0]?.text).toBe('2 P1 cases past their SLA in Triaged, the oldest 4 days over.');
    expect(report.otherActions[1]?.text).toMatch(/^1 P1 case has waited in New for 2\+ days/);
    expect(report.otherActions[3]?.text).toBe('1 P2 case past its SLA with Legal, under a day over.');
    expect(report.otherActions[4]?.text).toBe(
      'The open backlog grew by 2 (29%) on last week to 9: 7 new against 5 closed; Misleading claims in FR accounts for 2 of the rise.',
    );
    // Owners only with personal data: R1 ana, R2 ben.
    expect(report.actions[0]?.owners).toEqual([]);
    expect(buildWeeklyReport(input({ personalData: true })).actions[0]?.owners).toEqual([
      'ana@x.eu',
      'ben@x.eu',
    ]);
  });

  test('the chart: W44 holds the first case (11-01) so it is partial; the week not over is partial', () => {
    // Trend W40..W47. W40..W43 end before any case; W44 (10-26..11-02) holds R5 and C3 (11-01T00).
    expect(report.trend.map((t) => [t.label, t.partial])).toEqual([
      ['W40', false],
      ['W41', false],
      ['W42', false],
      ['W43', false],
      ['W44', true],
      ['W45', false],
      ['W46', false],
      ['W47', false],
    ]);
    // W47 as plotted: 7 new, 5 closed, 9 open at the end, 6 of them past SLA, no misjudgement.
    expect(report.trend[7]).toEqual({
      label: 'W47',
      cases: 7,
      closed: 5,
      openBacklog: 9,
      openBreaches: 6,
      misjudgements: 0,
      partial: false,
    });
    // W46 as plotted: open at its end = the 7 open at START, past SLA then = 3 (see current risk).
    expect(report.trend[6]).toMatchObject({ openBacklog: 7, openBreaches: 3 });
    const midWeek = buildWeeklyReport(input({ nowMs: Date.parse('2026-11-19T12:00:00Z') }));
    expect(midWeek.trend[7]?.partial).toBe(true);
  });
});
