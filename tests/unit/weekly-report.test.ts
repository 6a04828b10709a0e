/**
 * Acceptance test of buildWeeklyReport against docs/weekly-summary.md, written independently of the
 * implementation: every expected figure below is worked out by hand from the fixture (the comments show
 * the working), never by calling report helpers.
 *
 * Report week 2026-W47 in Europe/Dublin: Monday 2026-11-16 00:00 to Monday 2026-11-23 00:00. Dublin is
 * on UTC from 2026-10-25, so W44..W47 start at UTC midnight; W40..W43 start at 23:00 UTC on the Sunday
 * (Irish summer time), and W43 is 169 hours long. One case is created 2026-10-18T23:30Z, which is Monday
 * 00:30 in Dublin: W43, not W42.
 *
 *   W40 2026-09-27T23Z..10-04T23Z   W44 10-26..11-02   Last week W46 11-09..11-16
 *   W41 10-04T23Z..10-11T23Z        W45 11-02..11-09   This week W47 11-16..11-23
 *   W42 10-11T23Z..10-18T23Z
 *   W43 10-18T23Z..10-26T00Z        Repeat-seller window: 2026-08-25T00Z..11-23 (90 x 24h)
 *
 * The fixture (71 rows: 69 counted, 2 left out) plants, by group:
 *  - S1..S10 Counterfeit goods x DE: 1,2,0,1 new in W43..W46 and 6 in W47, a spike. LATE is created at
 *    exactly the week's end (W48) and counts nowhere. S1, S3, S6, S9 close this week (S3 by Closed at
 *    only); S4 closed last week.
 *  - Q1..Q3 Misleading claims x FR: 3 in W47 (POLD is one in W44): below 4, no spike.
 *  - P1..P13 Prohibited items x IT: 2,3,2,2 then 4: average 2.25, 4 < 4.5, no spike.
 *  - U1..U7 Unsafe products x NL: 1,0,1,1 then 4: average 0.75 (counts as 1), 4 >= 2: a spike.
 *  - Appeals on old cases: A1 (created in September) overturned Wednesday 11-18 by the Audit log; A2
 *    Upheld with no audit entry, decided by Last updated at in the week; A3 whose audit entry for Upheld
 *    is last week although Last updated at is this week; A4 whose latest matching entry is this week
 *    while its Last updated at is next week (and an older matching entry in W44).
 *  - Repeat sellers SELLER-A2 (8 points), SELLER-R1 (8: P1 + P2; an overturned P1 and a P1 100 days
 *    before the week's end do not count), SELLER-Q (6), SELLER-Z (6); noise N1 (one P1 = 5), N2 (two P4
 *    = 2), N3 (P1 + a duplicate), N4 (P1 + a P2 marked Misjudgement Yes).
 *  - Escalations to Policy, Product, Algorithm and Legal, with "Escalated to" audit entries (B1 bounces
 *    Policy -> Product -> Policy -> Product within the week, B2 Policy -> Algorithm last week).
 *  - Data quality: two rows with validation issues, two closed rows without root cause, two rows left out
 *    (no Case ID, no Created at) planted so they would change many figures if counted.
 *
 * Where the doc leaves a choice, the test takes the literal reading (see the comments at each assertion):
 * list orders the doc does not fix (teams, notable cases, data-quality rows, a seller's policies) are
 * compared sorted; "busiest first" is checked on a fixture where New, Closed and Open backlog all agree.
 */

import type {
  AuditFact,
  KpiRow,
  Rate,
  Recommendation,
  ReportInput,
  WeeklyReport,
} from '../../src/core/report/model';
import { reportFields } from '../../src/core/report/report-cases';
import { buildWeeklyReport } from '../../src/core/report/weekly-report';
import type { FieldKey } from '../../src/core/schema/case-schema';
import type { CaseRow } from '../../src/core/validation/validate-case';

const d = (iso: string) => new Date(iso);
const ms = (iso: string) => Date.parse(iso);

const DUBLIN = 'Europe/Dublin';
const W47 = { year: 2026, week: 47 };
const START = ms('2026-11-16T00:00:00Z');
const END = ms('2026-11-23T00:00:00Z');

const CG = 'Counterfeit goods';
const PI = 'Prohibited items';
const MC = 'Misleading claims';
const UP = 'Unsafe products';
const HS = 'Hate speech';

/** Sheet rows need not be index + 2 (rows may be filtered), so the fixture numbers them from 100. */
const ROW_BASE = 100;

const rate = (numerator: number, denominator: number): Rate => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
});
const NO_RATE = rate(0, 0);

interface Fixture {
  rows: CaseRow[];
  rowNumbers: number[];
  /** Case ID and sheet row by fixture name. */
  id: Record<string, string>;
  row: Record<string, number>;
}

function fixtureBuilder() {
  const rows: CaseRow[] = [];
  const id: Record<string, string> = {};
  const row: Record<string, number> = {};
  /** A Triaged P3 found by human review, On track, no appeal, root cause filled; dates from ISO text. */
  const add = (name: string, created: string, policy: string, market: string, over: CaseRow = {}) => {
    const n = rows.length + 1;
    const caseId = `CB-2026-${String(n).padStart(5, '0')}`;
    const createdAt = created === '' ? '' : d(created);
    const record: CaseRow = {
      caseId,
      createdAt,
      market,
      sellerId: `SID-${n}`,
      shopName: `Shop ${n}`,
      policy,
      detectionSource: 'Human review',
      severity: 'P3',
      summary: `Summary of case ${n}`,
      status: 'Triaged',
      owner: `owner${n}@example.com`,
      escalatedTo: '',
      escalatedAt: '',
      slaStatus: 'On track',
      appealStatus: 'None',
      misjudgement: 'No',
      rootCause: 'Seller conduct',
      resolvedAt: '',
      closedAt: '',
      duplicateOf: '',
      lastUpdatedAt: createdAt === '' ? d('2026-11-18T10:00:00Z') : createdAt,
      validationIssues: '',
      ...over,
    };
    rows.push(record);
    id[name] = String(record.caseId);
    row[name] = ROW_BASE + n - 1;
    return caseId;
  };
  const done = (): Fixture => ({ rows, rowNumbers: rows.map((_, i) => ROW_BASE + i), id, row });
  return { add, done };
}

const resolved = (iso: string, sla = 'Met'): CaseRow => ({
  status: 'Resolved',
  resolvedAt: d(iso),
  slaStatus: sla,
});
const appeal = (status: 'Upheld' | 'Overturned', decidedIso: string, rootCause = 'Governance'): CaseRow =>
  status === 'Overturned'
    ? { appealStatus: 'Overturned', misjudgement: 'Yes', rootCause, lastUpdatedAt: d(decidedIso) }
    : { appealStatus: 'Upheld', lastUpdatedAt: d(decidedIso) };

function mainFixture(): Fixture {
  const { add, done } = fixtureBuilder();

  // Counterfeit goods x DE: W43 1, W44 2, W45 0, W46 1, W47 6 (spike).
  const s6 = '2026-11-16T09:00:00Z';
  add('S1', '2026-10-20T10:00:00Z', CG, 'DE', resolved('2026-11-16T10:00:00Z', 'Missed')); // 27.0 days
  add('S2', '2026-10-27T10:00:00Z', CG, 'DE', { sellerId: 'SELLER-Z', severity: 'P2' });
  add('S3', '2026-10-29T10:00:00Z', CG, 'DE', {
    // Closed at only (Resolved at blank): done 11-20, 22.0 days; no root cause.
    status: 'Closed',
    closedAt: d('2026-11-20T10:00:00Z'),
    slaStatus: 'Missed',
    rootCause: '',
  });
  add('S4', '2026-11-10T10:00:00Z', CG, 'DE', {
    // Closed last week: done 11-12 (Resolved at), 2.0 days.
    sellerId: 'SELLER-Z',
    severity: 'P2',
    status: 'Closed',
    resolvedAt: d('2026-11-12T10:00:00Z'),
    closedAt: d('2026-11-13T10:00:00Z'),
    slaStatus: 'Met',
  });
  add('S5', '2026-11-16T00:00:00Z', CG, 'DE', { sellerId: 'SELLER-N1', severity: 'P1' }); // the week's first instant
  const s6Id = add('S6', s6, CG, 'DE', {
    sellerId: 'SELLER-N3',
    severity: 'P1',
    ...resolved('2026-11-19T09:00:00Z', 'Paused'), // 3.0 days; SLA word neither Met nor Missed
  });
  add('S7', '2026-11-17T08:00:00Z', CG, 'DE', { sellerId: 'SELLER-N3', severity: 'P2', duplicateOf: s6Id });
  add('S8', '2026-11-17T09:00:00Z', CG, 'DE', {
    severity: 'P1',
    status: 'Escalated',
    escalatedTo: 'Policy',
    escalatedAt: d('2026-11-17T12:00:00Z'),
    slaStatus: 'Breached',
  });
  add('S9', '2026-11-19T09:00:00Z', CG, 'DE', resolved('2026-11-20T21:00:00Z', 'Missed')); // 1.5 days
  add('S10', '2026-11-22T23:59:59Z', CG, 'DE');
  add('LATE', '2026-11-23T00:00:00Z', CG, 'DE', { severity: 'P1' }); // W48

  // Misleading claims x FR: 3 this week, seller SELLER-Q (3 x P3 = 6 points).
  add('Q1', '2026-11-17T14:00:00Z', MC, 'FR', { sellerId: 'SELLER-Q' });
  add('Q2', '2026-11-18T14:00:00Z', MC, 'FR', { sellerId: 'SELLER-Q' });
  add('Q3', '2026-11-20T14:00:00Z', MC, 'FR', { sellerId: 'SELLER-Q' });

  // Prohibited items x IT: W43 2, W44 3, W45 2, W46 2, W47 4.
  add('P1', '2026-10-20T10:00:00Z', PI, 'IT', resolved('2026-10-23T10:00:00Z'));
  add('P2', '2026-10-22T10:00:00Z', PI, 'IT', resolved('2026-10-28T10:00:00Z'));
  add('P3', '2026-10-26T10:00:00Z', PI, 'IT', {
    sellerId: 'SELLER-A2',
    severity: 'P2',
    ...resolved('2026-10-30T10:00:00Z'),
  });
  add('P4', '2026-10-28T10:00:00Z', PI, 'IT', {
    sellerId: 'SELLER-A2',
    severity: 'P2',
    ...resolved('2026-11-04T10:00:00Z'),
  });
  add('P5', '2026-10-30T10:00:00Z', PI, 'IT', { sellerId: 'SELLER-N4', severity: 'P2', misjudgement: 'Yes' });
  add('P6', '2026-11-03T10:00:00Z', PI, 'IT', resolved('2026-11-10T10:00:00Z', 'Missed')); // last week, 7.0 days
  add('P7', '2026-11-05T10:00:00Z', PI, 'IT', { sellerId: 'SELLER-N4', severity: 'P1' });
  add('P8', '2026-11-11T10:00:00Z', PI, 'IT');
  add('P9', '2026-11-13T10:00:00Z', PI, 'IT', {
    // Done time is Resolved at (11-17, 4.0 days), not Closed at (11-21).
    status: 'Closed',
    resolvedAt: d('2026-11-17T10:00:00Z'),
    closedAt: d('2026-11-21T10:00:00Z'),
    slaStatus: 'Met',
  });
  add('P10', '2026-11-16T12:00:00Z', PI, 'IT', {
    ...resolved('2026-11-19T12:00:00Z'), // 3.0 days
    escalatedTo: 'Policy',
    escalatedAt: d('2026-11-18T00:00:00Z'),
  });
  add('P11', '2026-11-17T10:00:00Z', PI, 'IT');
  add('P12', '2026-11-18T10:00:00Z', PI, 'IT', {
    status: 'Escalated',
    escalatedTo: 'Policy',
    escalatedAt: d('2026-11-20T00:00:00Z'),
    rootCause: '', // open: not a data-quality row
  });
  add('P13', '2026-11-19T10:00:00Z', PI, 'IT', { validationIssues: 'Summary' });

  // Unsafe products x NL: W43 1, W44 0, W45 1, W46 1, W47 4.
  add('U1', '2026-10-21T10:00:00Z', UP, 'NL', resolved('2026-10-27T10:00:00Z'));
  add('U2', '2026-11-04T10:00:00Z', UP, 'NL', { sellerId: 'SELLER-A2', ...resolved('2026-11-06T10:00:00Z') });
  add('U3', '2026-11-14T10:00:00Z', UP, 'NL', { sellerId: 'SELLER-N2', severity: 'P4' });
  add('U4', '2026-11-16T12:00:00Z', UP, 'NL');
  add('U5', '2026-11-18T08:00:00Z', UP, 'NL', {
    // Closed after the week's end: open at the end, both as backlog and as an escalation.
    status: 'Closed',
    resolvedAt: d('2026-11-24T09:00:00Z'),
    closedAt: d('2026-11-24T09:00:00Z'),
    slaStatus: 'Met',
    escalatedTo: 'Policy',
    escalatedAt: d('2026-11-18T12:00:00Z'),
  });
  add('U6', '2026-11-20T10:00:00Z', UP, 'NL', { sellerId: 'SELLER-N2', severity: 'P4' });
  add('U7', '2026-11-21T10:00:00Z', UP, 'NL');

  // Appeals on older, long-resolved cases.
  add('A1', '2026-09-15T10:00:00Z', MC, 'IE', {
    detectionSource: 'Automated',
    severity: 'P2',
    ...resolved('2026-09-17T10:00:00Z'),
    ...appeal('Overturned', '2026-11-19T15:00:00Z', 'Algorithm'), // audit says Wednesday 11-18
  });
  add('M2', '2026-10-01T10:00:00Z', MC, 'IE', {
    detectionSource: 'Automated',
    ...resolved('2026-10-02T10:00:00Z'),
    ...appeal('Overturned', '2026-11-17T11:00:00Z', 'Algorithm'),
  });
  add('M3', '2026-10-02T10:00:00Z', MC, 'IE', {
    ...resolved('2026-10-05T10:00:00Z'),
    ...appeal('Overturned', '2026-11-20T11:00:00Z'),
  });
  add('A2', '2026-10-06T10:00:00Z', MC, 'IE', {
    detectionSource: 'Automated',
    ...resolved('2026-10-07T10:00:00Z'),
    ...appeal('Upheld', '2026-11-17T10:00:00Z'), // no audit entry: Last updated at decides
  });
  add('A3', '2026-10-07T10:00:00Z', MC, 'IE', {
    ...resolved('2026-10-08T10:00:00Z'),
    ...appeal('Upheld', '2026-11-19T10:00:00Z'), // but the audit entry for Upheld is 11-12 (last week)
  });
  add('M6', '2026-10-08T10:00:00Z', MC, 'IE', {
    ...resolved('2026-10-09T10:00:00Z'),
    ...appeal('Upheld', '2026-11-04T10:00:00Z'),
  });
  add('M7', '2026-10-09T10:00:00Z', MC, 'IE', {
    detectionSource: 'Automated',
    ...resolved('2026-10-12T10:00:00Z'),
    ...appeal('Overturned', '2026-10-28T10:00:00Z', 'Algorithm'),
  });
  add('M8', '2026-10-13T10:00:00Z', MC, 'IE', {
    ...resolved('2026-10-14T10:00:00Z'),
    ...appeal('Upheld', '2026-10-29T10:00:00Z'),
  });
  add('CU1', '2026-10-14T10:00:00Z', CG, 'ES', {
    detectionSource: 'User report',
    ...resolved('2026-10-15T10:00:00Z'),
    ...appeal('Overturned', '2026-11-05T10:00:00Z'),
  });
  add('CU2', '2026-10-15T10:00:00Z', CG, 'ES', {
    detectionSource: 'User report',
    ...resolved('2026-10-16T10:00:00Z'),
    ...appeal('Overturned', '2026-11-18T16:00:00Z'),
  });
  add('PH', '2026-10-16T10:00:00Z', PI, 'ES', {
    ...resolved('2026-10-19T10:00:00Z'),
    ...appeal('Overturned', '2026-11-19T10:00:00Z'),
  });
  add('PU', '2026-10-20T10:00:00Z', PI, 'ES', {
    detectionSource: 'User report',
    ...resolved('2026-10-21T10:00:00Z'),
    ...appeal('Upheld', '2026-11-20T10:00:00Z'),
  });
  add('PT', '2026-10-21T10:00:00Z', PI, 'ES', {
    detectionSource: 'Trusted flagger',
    ...resolved('2026-10-22T10:00:00Z'),
    ...appeal('Upheld', '2026-11-21T10:00:00Z'),
  });
  add('PA', '2026-10-22T10:00:00Z', PI, 'ES', {
    detectionSource: 'Automated',
    ...resolved('2026-10-23T10:00:00Z'),
    ...appeal('Overturned', '2026-11-11T10:00:00Z', 'Algorithm'),
  });
  add('A4', '2026-10-05T10:00:00Z', UP, 'ES', {
    detectionSource: 'Trusted flagger',
    ...resolved('2026-10-06T10:00:00Z'),
    ...appeal('Upheld', '2026-11-24T08:00:00Z'), // latest matching audit entry: 11-19
  });
  add('O40', '2026-09-10T10:00:00Z', HS, 'ES', {
    detectionSource: 'Automated',
    ...resolved('2026-09-11T10:00:00Z'),
    ...appeal('Overturned', '2026-09-30T10:00:00Z', 'Algorithm'), // W40
  });
  add('O39', '2026-09-01T10:00:00Z', HS, 'ES', {
    detectionSource: 'Automated',
    ...resolved('2026-09-02T10:00:00Z'),
    ...appeal('Overturned', '2026-09-23T10:00:00Z', 'Algorithm'), // W39, before the trend
  });

  // SELLER-R1: R1 P1 (5) + R2 P2 (3) = 8 points; R3 overturned and R4 100 days back earn nothing.
  add('R1', '2026-10-07T12:00:00Z', CG, 'FR', {
    sellerId: 'SELLER-R1',
    severity: 'P1',
    status: 'Closed',
    resolvedAt: d('2026-10-09T12:00:00Z'),
    closedAt: d('2026-10-12T12:00:00Z'),
    slaStatus: 'Met',
  });
  add('R2', '2026-11-11T12:00:00Z', PI, 'FR', {
    sellerId: 'SELLER-R1',
    severity: 'P2',
    validationIssues: 'LIVE date',
  });
  add('R3', '2026-10-28T10:00:00Z', UP, 'FR', {
    sellerId: 'SELLER-R1',
    severity: 'P1',
    ...resolved('2026-10-29T10:00:00Z'),
    ...appeal('Overturned', '2026-11-03T10:00:00Z'),
  });
  add('R4', '2026-08-15T00:00:00Z', CG, 'FR', {
    sellerId: 'SELLER-R1',
    severity: 'P1',
    status: 'Closed',
    resolvedAt: d('2026-08-16T10:00:00Z'),
    closedAt: d('2026-08-20T10:00:00Z'),
    slaStatus: 'Met',
  });

  // Escalations.
  add('E2', '2026-11-09T08:00:00Z', MC, 'IE', {
    severity: 'P2',
    status: 'Awaiting response',
    escalatedTo: 'Policy',
    escalatedAt: d('2026-11-10T00:00:00Z'),
    slaStatus: 'Breached',
  });
  add('B1', '2026-11-11T09:00:00Z', UP, 'IE', {
    severity: 'P2',
    status: 'Escalated',
    escalatedTo: 'Product',
    escalatedAt: d('2026-11-19T12:00:00Z'),
  });
  add('POLD', '2026-10-30T09:00:00Z', MC, 'FR', {
    status: 'Escalated',
    escalatedTo: 'Product',
    escalatedAt: d('2026-11-02T12:00:00Z'),
    slaStatus: 'Breached',
  });
  add('B2', '2026-11-06T09:00:00Z', HS, 'DE', {
    status: 'Escalated',
    escalatedTo: 'Algorithm',
    escalatedAt: d('2026-11-13T12:00:00Z'),
    slaStatus: 'Due soon',
  });
  add('RO', '2026-11-04T09:00:00Z', HS, 'IE', {
    // Reopened after a resolution this week: not closed, open backlog, not an open escalation.
    status: 'Reopened',
    resolvedAt: d('2026-11-18T10:00:00Z'),
    escalatedTo: 'Algorithm',
    escalatedAt: d('2026-11-05T10:00:00Z'),
    rootCause: '',
  });
  add('L1', '2026-09-30T09:00:00Z', HS, 'ES', {
    ...resolved('2026-10-02T10:00:00Z'),
    escalatedTo: 'Legal',
    escalatedAt: d('2026-10-01T10:00:00Z'),
    rootCause: '',
  });
  add('KX', '2026-11-12T10:00:00Z', HS, 'DE', {
    // Resolved last week (1.0 day), Closed at this week: closed last week, not this week.
    severity: 'P1',
    status: 'Closed',
    resolvedAt: d('2026-11-13T10:00:00Z'),
    closedAt: d('2026-11-17T10:00:00Z'),
    slaStatus: 'Met',
  });

  // Others.
  add('DST', '2026-10-18T23:30:00Z', CG, 'ES'); // Monday 00:30 in Dublin: W43
  add('OLD1', '2025-06-10T10:00:00Z', CG, 'GB');
  add('OLD2', '2025-03-01T10:00:00Z', HS, 'GB', {
    status: 'Closed',
    resolvedAt: d('2025-03-05T10:00:00Z'),
    closedAt: d('2025-03-10T10:00:00Z'),
    slaStatus: 'Met',
  });
  add('NONE', '2026-02-02T10:00:00Z', '', '');
  add('W40a', '2026-09-29T10:00:00Z', CG, 'IE');
  add('W42a', '2026-10-14T12:00:00Z', HS, 'DE');
  add('HSNEW', '2026-11-18T15:00:00Z', HS, 'GB', { severity: 'P2' });

  // Left out: each would change figures if counted.
  add('X1', '2026-11-18T10:00:00Z', CG, 'DE', { caseId: '', sellerId: 'SELLER-N1', severity: 'P1' });
  add('X2', '', PI, 'IT', {
    ...resolved('2026-11-18T12:00:00Z', 'Missed'),
    ...appeal('Overturned', '2026-11-18T10:00:00Z'),
    rootCause: '',
  });
  return done();
}

function mainAudit(id: Record<string, string>): AuditFact[] {
  const fact = (
    iso: string,
    name: string,
    field: FieldKey,
    oldValue: string,
    newValue: string,
  ): AuditFact => ({
    timeMs: ms(iso),
    caseId: id[name] as string,
    field,
    oldValue,
    newValue,
  });
  return [
    fact('2026-11-10T09:00:00Z', 'A1', 'appealStatus', 'None', 'Pending'),
    fact('2026-11-18T14:00:00Z', 'A1', 'appealStatus', 'Pending', 'Overturned'),
    fact('2026-11-05T10:00:00Z', 'A3', 'appealStatus', 'None', 'Pending'),
    fact('2026-11-12T10:00:00Z', 'A3', 'appealStatus', 'Pending', 'Upheld'),
    fact('2026-10-26T10:00:00Z', 'A4', 'appealStatus', 'None', 'Pending'),
    fact('2026-10-29T10:00:00Z', 'A4', 'appealStatus', 'Pending', 'Upheld'),
    fact('2026-11-10T10:00:00Z', 'A4', 'appealStatus', 'Upheld', 'Pending'),
    fact('2026-11-19T16:00:00Z', 'A4', 'appealStatus', 'Pending', 'Upheld'),
    fact('2026-11-17T12:00:00Z', 'S8', 'escalatedTo', '', 'Policy'),
    fact('2026-11-17T13:00:00Z', 'S8', 'slaStatus', 'On track', 'Breached'),
    fact('2026-11-12T10:00:00Z', 'B1', 'escalatedTo', '', 'Policy'),
    fact('2026-11-17T10:00:00Z', 'B1', 'escalatedTo', 'Policy', 'Product'),
    fact('2026-11-18T10:00:00Z', 'B1', 'escalatedTo', 'Product', 'Policy'),
    fact('2026-11-19T12:00:00Z', 'B1', 'escalatedTo', 'Policy', 'Product'),
    fact('2026-11-06T12:00:00Z', 'B2', 'escalatedTo', '', 'Policy'),
    fact('2026-11-13T12:00:00Z', 'B2', 'escalatedTo', 'Policy', 'Algorithm'), // last week
    fact('2026-11-20T10:00:00Z', 'RO', 'status', 'Resolved', 'Reopened'),
  ];
}

function mainInput(personalData = false): { input: ReportInput; fx: Fixture } {
  const fx = mainFixture();
  return {
    fx,
    input: {
      rows: fx.rows,
      rowNumbers: fx.rowNumbers,
      audit: mainAudit(fx.id),
      week: W47,
      timeZone: DUBLIN,
      personalData,
    },
  };
}

const byName = <T extends { name: string }>(items: readonly T[]) =>
  Object.fromEntries(items.map((item) => [item.name, item]));
const sortedBy = <T>(items: readonly T[], key: (item: T) => string | number) =>
  [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

describe('buildWeeklyReport: the main fixture', () => {
  const { input, fx } = mainInput();
  const { id, row } = fx;
  let report: WeeklyReport;
  beforeAll(() => {
    report = buildWeeklyReport(input);
  });

  test('the week: label and bounds in Dublin', () => {
    expect(report.week).toEqual(W47);
    expect(report.label).toBe('2026-W47');
    expect(report.startMs).toBe(START);
    expect(report.endMs).toBe(END);
    expect(report.timeZone).toBe(DUBLIN);
  });

  test('this week: headline KPIs', () => {
    expect(report.thisWeek).toEqual({
      // Created in W47: S5..S10 (6), Q1..Q3 (3), P10..P13 (4), U4..U7 (4), HSNEW (1). Not LATE (11-23 00:00),
      // not X1 (no Case ID).
      newCases: 18,
      // Resolved/Closed with done time in W47: S1, S3 (Closed at only), S6, S9, P9 (Resolved at 11-17, not
      // Closed at), P10. Not RO (Reopened), KX (resolved last week), U5 (11-24), X2 (left out).
      closed: 6,
      // 68 counted rows created before the end (all but LATE), minus 37 closed before the end (31 before
      // 11-16, listed under last week, plus this week's 6). Per policy: 8 + 7 + 6 + 5 + 4 + 1.
      openBacklog: 31,
      // Days: S9 1.5, S6 3.0, P10 3.0, P9 4.0, S3 22.0, S1 27.0 -> mean of 3.0 and 4.0.
      medianDaysToResolve: 3.5,
      // Met or Missed: S1 Missed, S3 Missed, S9 Missed, P9 Met, P10 Met (S6 Paused is left out).
      slaBreachRate: rate(3, 5),
      // Decided in W47: A1 O (audit Wed), M2 O, M3 O, A2 U, CU2 O, PH O, PU U, PT U, A4 U (audit 11-19).
      // Not A3 (its Upheld entry is 11-12), not X2.
      misjudgementRate: rate(5, 9),
    });
  });

  test('last week: headline KPIs', () => {
    expect(report.lastWeek).toEqual({
      // E2, S4, P8, R2, B1, KX, P9, U3.
      newCases: 8,
      // S4 (2.0 days, Met), P6 (7.0, Missed), KX (Resolved at 11-13, 1.0, Met).
      closed: 3,
      // At 11-16 00:00: S1 S2 S3, P5 P7 P8 P9, U3, R2, E2 B1 POLD B2 RO, DST OLD1 NONE W40a W42a.
      openBacklog: 19,
      medianDaysToResolve: 2,
      slaBreachRate: rate(1, 3),
      // A3 Upheld (audit 11-12), PA Overturned (Last updated at 11-11).
      misjudgementRate: rate(1, 2),
    });
  });

  test('by policy: every row, busiest first', () => {
    const row = (
      name: string,
      newCases: number,
      closed: number,
      openBacklog: number,
      medianDaysToResolve: number | null,
      slaBreachRate: Rate,
      misjudgementRate: Rate,
    ): KpiRow => ({
      name,
      newCases,
      closed,
      openBacklog,
      medianDaysToResolve,
      slaBreachRate,
      misjudgementRate,
    });
    // New, Closed and Open backlog all rank the policies in the same order, so "busiest" is unambiguous.
    expect(report.byPolicy).toEqual({
      items: [
        // Closed S9 1.5, S6 3, S3 22, S1 27 -> 12.5; backlog S2 S5 S7 S8 S10 W40a DST OLD1; CU2 overturned.
        row(CG, 6, 4, 8, 12.5, rate(3, 3), rate(1, 1)),
        // Closed P10 3, P9 4; backlog P5 P7 P8 P11 P12 P13 R2; PH O, PU U, PT U.
        row(PI, 4, 2, 7, 3.5, rate(0, 2), rate(1, 3)),
        // Backlog U3 U4 U5 U6 U7 B1; A4 Upheld.
        row(UP, 4, 0, 6, null, NO_RATE, rate(0, 1)),
        // Backlog Q1 Q2 Q3 E2 POLD; A1 (created in September, overturned Wednesday), M2, M3 O, A2 U.
        row(MC, 3, 0, 5, null, NO_RATE, rate(3, 4)),
        // HSNEW; backlog B2 RO W42a HSNEW.
        row(HS, 1, 0, 4, null, NO_RATE, NO_RATE),
        row('(none)', 0, 0, 1, null, NO_RATE, NO_RATE),
      ],
      omitted: 0,
    });
  });

  test('by market: every row, the busiest (DE) first', () => {
    const mk = (
      newCases: number,
      closed: number,
      openBacklog: number,
      medianDaysToResolve: number | null,
      slaBreachRate: Rate,
      misjudgementRate: Rate,
    ) => ({ newCases, closed, openBacklog, medianDaysToResolve, slaBreachRate, misjudgementRate });
    expect(report.byMarket.omitted).toBe(0);
    expect(report.byMarket.items[0]?.name).toBe('DE');
    expect(byName(report.byMarket.items)).toEqual({
      // Closed S1 S3 S6 S9; backlog S2 S5 S7 S8 S10 B2 W42a.
      DE: { name: 'DE', ...mk(6, 4, 7, 12.5, rate(3, 3), NO_RATE) },
      // Closed P9 P10; backlog P5 P7 P8 P11 P12 P13.
      IT: { name: 'IT', ...mk(4, 2, 6, 3.5, rate(0, 2), NO_RATE) },
      NL: { name: 'NL', ...mk(4, 0, 5, null, NO_RATE, NO_RATE) },
      // Backlog Q1 Q2 Q3 R2 POLD (R3's appeal was decided in W45).
      FR: { name: 'FR', ...mk(3, 0, 5, null, NO_RATE, NO_RATE) },
      // Backlog E2 B1 RO W40a; A1 M2 M3 overturned, A2 upheld (A3 was decided last week).
      IE: { name: 'IE', ...mk(0, 0, 4, null, NO_RATE, rate(3, 4)) },
      // Backlog DST; CU2 PH overturned, PU PT A4 upheld.
      ES: { name: 'ES', ...mk(0, 0, 1, null, NO_RATE, rate(2, 5)) },
      GB: { name: 'GB', ...mk(1, 0, 2, null, NO_RATE, NO_RATE) },
      '(none)': { name: '(none)', ...mk(0, 0, 1, null, NO_RATE, NO_RATE) },
    });
  });

  test('escalations by team', () => {
    // The doc does not fix the order of teams: compared by name. Legal (L1, resolved in October) has
    // nothing to show. RO (Reopened) is not an open escalation of Algorithm.
    expect(sortedBy(report.escalations, (t) => t.team)).toEqual([
      // B2: 11-23 - 11-13 12:00 = 9.5 days. Its Policy -> Algorithm move was last week.
      { team: 'Algorithm', escalated: 0, open: 1, breached: 0, medianAgeDays: 9.5, bounced: [] },
      // Escalated in W47: S8, P10, P12, U5. Open: S8 (5.5 days), E2 (13.0), P12 (3.0), U5 (closed after
      // the end, 4.5) -> median of 3, 4.5, 5.5, 13 = 5.0. Breached: S8, E2. B1 left Policy for Product
      // twice this week: once.
      { team: 'Policy', escalated: 4, open: 4, breached: 2, medianAgeDays: 5, bounced: [id.B1] },
      // Escalated in W47: B1. Open: B1 (3.5 days), POLD (20.5) -> 12.0. B1 left Product for Policy 11-18.
      { team: 'Product', escalated: 1, open: 2, breached: 1, medianAgeDays: 12, bounced: [id.B1] },
    ]);
  });

  test('spikes: the planted one and the edge average, not the noise', () => {
    expect(report.spikes).toEqual([
      // 6 against 1,2,0,1 (average 1): rise 5.
      { policy: CG, market: 'DE', count: 6, previous: [1, 2, 0, 1], average: 1 },
      // 4 against 1,0,1,1: average 0.75 counts as 1 for the test (4 >= 2), rise 3.25. The reported
      // average is the real one (literal reading: "counts as 1" is part of the spike test only).
      { policy: UP, market: 'NL', count: 4, previous: [1, 0, 1, 1], average: 0.75 },
    ]);
    // Not reported: Misleading claims x FR (3 < 4), Prohibited items x IT (4 < 2 x 2.25).
  });

  test('repeat sellers: points, cases, policies, latest case', () => {
    expect(report.repeatSellers.omitted).toBe(0);
    // The order of a seller's policies is not fixed by the doc: compared sorted.
    const sellers = report.repeatSellers.items.map((s) => ({ ...s, policies: [...s.policies].sort() }));
    expect(sellers).toEqual([
      // P3 P2 (3) + P4 P2 (3) + U2 P3 (2); U2 (11-04) is the latest.
      { sellerId: 'SELLER-A2', points: 8, cases: 3, policies: [PI, UP], latestCaseId: id.U2 },
      // R1 P1 (5) + R2 P2 (3); R3 overturned, R4 created 100 days before the end.
      { sellerId: 'SELLER-R1', points: 8, cases: 2, policies: [CG, PI], latestCaseId: id.R2 },
      { sellerId: 'SELLER-Q', points: 6, cases: 3, policies: [MC], latestCaseId: id.Q3 },
      { sellerId: 'SELLER-Z', points: 6, cases: 2, policies: [CG], latestCaseId: id.S4 },
    ]);
    // Not reported: SELLER-N1 (one P1; X1 is left out), N2 (2 points), N3 (S7 is a duplicate), N4 (P5 is a
    // misjudgement).
  });

  test('misjudgement clusters: policy x detection source over W44..W47', () => {
    expect(report.clusters).toEqual([
      {
        policy: MC,
        detectionSource: 'Automated',
        // A1 O, M2 O, M7 O (W44), A2 U.
        overturned: rate(3, 4),
        // Human review: M3 O, A3 U, M6 U, M8 U.
        otherSources: rate(1, 4),
      },
    ]);
    // Not clusters: Counterfeit goods x User report (2 decided, both overturned), Misleading claims x Human
    // review (1 of 4).
  });

  test('notable cases: P1s, overturned decisions and breaches, without personal data', () => {
    const notable = (
      name: string,
      severity: string,
      policy: string,
      market: string,
      sellerId: string,
      status: string,
      team = '',
    ) => ({
      caseId: id[name],
      rowNumber: row[name],
      severity,
      policy,
      market,
      sellerId,
      status,
      team,
      workNotes: 0,
    });
    const byId = <T extends { caseId: string }>(items: readonly T[]) => sortedBy(items, (c) => c.caseId);

    // P1 created in W47 (not KX of W46, LATE of W48 or X1 without an ID).
    expect(report.notable.p1.omitted).toBe(0);
    expect(byId(report.notable.p1.items)).toEqual([
      notable('S5', 'P1', CG, 'DE', 'SELLER-N1', 'Triaged'),
      notable('S6', 'P1', CG, 'DE', 'SELLER-N3', 'Resolved'),
      notable('S8', 'P1', CG, 'DE', 'SID-8', 'Escalated', 'Policy'),
    ]);
    expect(report.notable.overturned.omitted).toBe(0);
    expect(byId(report.notable.overturned.items)).toEqual([
      notable('A1', 'P2', MC, 'IE', 'SID-35', 'Resolved'),
      notable('M2', 'P3', MC, 'IE', 'SID-36', 'Resolved'),
      notable('M3', 'P3', MC, 'IE', 'SID-37', 'Resolved'),
      notable('CU2', 'P3', CG, 'ES', 'SID-44', 'Resolved'),
      notable('PH', 'P3', PI, 'ES', 'SID-45', 'Resolved'),
    ]);
    // Open at the end with Breached: S8, E2, POLD. Closed in the week with Missed: S1, S3, S9 (not P6,
    // closed last week; not X2).
    expect(report.notable.breaches.omitted).toBe(0);
    expect(byId(report.notable.breaches.items)).toEqual([
      notable('S1', 'P3', CG, 'DE', 'SID-1', 'Resolved'),
      notable('S3', 'P3', CG, 'DE', 'SID-3', 'Closed'),
      notable('S8', 'P1', CG, 'DE', 'SID-8', 'Escalated', 'Policy'),
      notable('S9', 'P3', CG, 'DE', 'SID-9', 'Resolved'),
      notable('E2', 'P2', MC, 'IE', 'SID-56', 'Awaiting response', 'Policy'),
      notable('POLD', 'P3', MC, 'FR', 'SID-58', 'Escalated', 'Product'),
    ]);
    for (const list of [report.notable.p1, report.notable.overturned, report.notable.breaches]) {
      for (const item of list.items) {
        expect(Object.keys(item)).not.toContain('shopName');
        expect(Object.keys(item)).not.toContain('owner');
        expect(Object.keys(item)).not.toContain('summary');
      }
    }
  });

  test('recommendations: rules in the documented order, each citing its figures', () => {
    const recs = report.recommendations;
    const rules = recs.map((r) => r.rule).filter((rule, i, all) => i === 0 || all[i - 1] !== rule);
    expect(rules).toEqual([
      'policyOverturns',
      'cluster',
      'spike',
      'teamBreaches',
      'repeatSeller',
      'slaBreachRate',
      'rootCauses',
    ]);
    const of = (rule: Recommendation['rule']) => recs.filter((r) => r.rule === rule);
    const one = (rule: Recommendation['rule']): Recommendation => {
      expect(of(rule)).toHaveLength(1);
      return of(rule)[0] as Recommendation;
    };
    /** The text with the figures it rests on. */
    const cited = (r: Recommendation) => [r.text, ...r.figures].join(' | ');

    // 1. Misleading claims: 3 of 4 = 75% this week, 1 of 4 = 25% over W43..W46, up 50 points.
    // Prohibited items (1 of 3 = 33% against 100%) and the others (fewer than 3 decided) do not qualify.
    const policy = one('policyOverturns');
    expect(policy.text).toContain(MC);
    expect(policy.text).toMatch(/\b75\s?%/);
    expect(policy.text).toMatch(/\b50\b/);
    expect(cited(policy)).toMatch(/\b25\s?%/);

    // 2. The cluster goes to Algorithm (automated detection).
    const cluster = one('cluster');
    expect(cluster.text).toContain(MC);
    expect(cluster.text).toContain('Algorithm');

    // 3. Each spike, in the spikes' order; none for the noise pairs.
    const spikes = of('spike');
    expect(spikes).toHaveLength(2);
    expect(spikes[0]?.text).toContain(CG);
    expect(spikes[0]?.text).toContain('DE');
    expect(spikes[1]?.text).toContain(UP);
    expect(spikes[1]?.text).toContain('NL');
    for (const spike of spikes) {
      expect(spike.text).not.toContain(MC);
      expect(spike.text).not.toContain(PI);
    }

    // 4. Policy has 2 breached open escalations; Product has only 1.
    const team = one('teamBreaches');
    expect(team.text).toContain('Policy');
    expect(team.text).not.toContain('Product');
    expect(cited(team)).toMatch(/\b2\b/);

    // 5. The three repeat sellers with the most points: A2, R1, Q (not Z, fourth).
    const sellerText = of('repeatSeller').map(cited).join('\n');
    expect(sellerText).toContain('SELLER-A2');
    expect(sellerText).toContain('SELLER-R1');
    expect(sellerText).toContain('SELLER-Q');
    expect(sellerText).not.toContain('SELLER-Z');

    // 6. SLA breach rate 60% (3 of 5) against 33% (1 of 3) last week: up 27 points, 5 closed with an SLA.
    const sla = one('slaBreachRate');
    expect(cited(sla)).toMatch(/\b60\s?%/);
    expect(cited(sla)).toMatch(/\b33\s?%/);

    // 7. Two closed cases without a root cause.
    expect(cited(one('rootCauses'))).toMatch(/\b2\b/);
  });

  test('data quality', () => {
    const ref = (name: string) => ({ caseId: id[name], rowNumber: row[name] });
    const byRow = <T extends { rowNumber: number }>(items: readonly T[]) =>
      sortedBy(items, (r) => r.rowNumber);
    expect(report.dataQuality.rowsLeftOut).toBe(2);
    expect(report.dataQuality.invalidRows.omitted).toBe(0);
    expect(byRow(report.dataQuality.invalidRows.items)).toEqual([ref('P13'), ref('R2')]);
    // Resolved or Closed with Root cause blank: S3, L1. Not RO (Reopened) or P12 (Escalated); not X2
    // (left out of every figure).
    expect(report.dataQuality.missingRootCause.omitted).toBe(0);
    expect(byRow(report.dataQuality.missingRootCause.items)).toEqual([ref('S3'), ref('L1')]);
  });

  test('trend: the eight weeks W40..W47, oldest first', () => {
    expect(report.trend).toHaveLength(8);
    report.trend.forEach((week, i) => {
      expect(week.label.endsWith(`W${40 + i}`)).toBe(true);
    });
    // W40: M2 M3 L1 W40a. W41: A4 A2 A3 R1 M6 M7. W42: M8 CU1 W42a CU2 PH. W43: DST (Monday 00:30 Dublin)
    // S1 P1 PU U1 PT P2 PA. W44: P3 S2 P4 R3 S3 P5 POLD. W45: P6 U2 RO P7 B2. W46: as last week. W47: 18.
    expect(report.trend.map((w) => w.cases)).toEqual([4, 6, 5, 8, 7, 5, 8, 18]);
    // Overturned: W40 O40; W44 M7; W45 CU1 R3; W46 PA; W47 A1 M2 M3 CU2 PH. (O39 is W39.)
    expect(report.trend.map((w) => w.misjudgements)).toEqual([1, 0, 0, 0, 1, 2, 1, 5]);
  });
});

describe('buildWeeklyReport: personal data, caps, determinism', () => {
  test('with personal data allowed, notable cases carry shop name, owner and summary', () => {
    const { input, fx } = mainInput(true);
    const report = buildWeeklyReport(input);
    const s8 = report.notable.p1.items.find((c) => c.caseId === fx.id.S8);
    expect(s8).toEqual({
      caseId: fx.id.S8,
      rowNumber: fx.row.S8,
      severity: 'P1',
      policy: CG,
      market: 'DE',
      sellerId: 'SID-8',
      status: 'Escalated',
      team: 'Policy',
      shopName: 'Shop 8',
      owner: 'owner8@example.com',
      summary: 'Summary of case 8',
      workNotes: 0,
    });
    const a1 = report.notable.overturned.items.find((c) => c.caseId === fx.id.A1);
    expect(a1).toMatchObject({
      shopName: 'Shop 35',
      owner: 'owner35@example.com',
      summary: 'Summary of case 35',
    });
  });

  test('a list of notable cases stops at 15 and counts the rest', () => {
    const { add, done } = fixtureBuilder();
    const markets = ['DE', 'FR', 'IT', 'NL', 'IE', 'ES'];
    for (let i = 0; i < 18; i++) {
      const hour = String(i).padStart(2, '0');
      add(`K${i}`, `2026-11-1${7 + (i % 3)}T${hour}:00:00Z`, CG, markets[i % 6] as string, {
        severity: 'P1',
      });
    }
    const fx = done();
    const report = buildWeeklyReport({
      rows: fx.rows,
      rowNumbers: fx.rowNumbers,
      audit: [],
      week: W47,
      timeZone: DUBLIN,
      personalData: false,
    });
    expect(report.thisWeek.newCases).toBe(18);
    expect(report.notable.p1.items).toHaveLength(15);
    expect(report.notable.p1.omitted).toBe(3);
    const all = new Set(Object.values(fx.id));
    const shown = report.notable.p1.items.map((c) => c.caseId);
    expect(new Set(shown).size).toBe(15);
    for (const caseId of shown) expect(all.has(caseId)).toBe(true);
  });

  test('the same input gives the same report, and the input is not changed', () => {
    const { input } = mainInput();
    const before = structuredClone({ rows: input.rows, rowNumbers: input.rowNumbers, audit: input.audit });
    const first = buildWeeklyReport(input);
    const second = buildWeeklyReport(input);
    expect(second).toEqual(first);
    expect({ rows: input.rows, rowNumbers: input.rowNumbers, audit: input.audit }).toEqual(before);
  });
});

describe('buildWeeklyReport: the columns the summary reads', () => {
  test.each([true, false])(
    'rows holding only reportFields(%s) give the same report as whole rows',
    (personalData) => {
      const { input } = mainInput();
      const keys = reportFields(personalData);
      const narrow = input.rows.map((row) =>
        Object.fromEntries(Object.entries(row).filter(([key]) => keys.includes(key as FieldKey))),
      );
      // Without personal data the fixture's shop names, owners and summaries are dropped too.
      if (!personalData)
        expect(
          narrow.some((row, i) => Object.keys(row).length < Object.keys(input.rows[i] ?? {}).length),
        ).toBe(true);
      expect(buildWeeklyReport({ ...input, rows: narrow, personalData })).toEqual(
        buildWeeklyReport({ ...input, personalData }),
      );
    },
  );
});
