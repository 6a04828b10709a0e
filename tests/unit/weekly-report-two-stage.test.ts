/**
 * The weekly summary's two-stage read (core/report/report-read-plan.ts) gives the very report a full read
 * of every report field gives: a messy library over eighteen months (old closed cases with every sort of
 * value in their window fields, appeals decided and escalations made this week on long-closed cases, open
 * cases from last year, rows with only some fields, blank rows, text where dates belong, other languages)
 * is read both ways, as readColumns and readFieldsAt read a tab (stage 2 in blocks, or of every row as
 * addFieldsOfRows does when most rows reach a window), and the reports compared whole.
 */
import { WORK_NOTE_FACT } from '../../src/core/cases/work-note';
import type { IsoWeek } from '../../src/core/report/iso-week';
import type { AuditFact } from '../../src/core/report/model';
import {
  LIBRARY_FIELDS,
  REPORT_FIELDS,
  type ReportRow,
  reportFields,
  WINDOW_FIELDS,
  windowFields,
} from '../../src/core/report/report-cases';
import {
  hasContent,
  type ReadRows,
  windowRowsOf,
  withWindowFields,
} from '../../src/core/report/report-read-plan';
import { buildWeeklyReport } from '../../src/core/report/weekly-report';
import type { FieldKey } from '../../src/core/schema/case-schema';

const DAY = 86_400_000;
const FROM = Date.UTC(2025, 8, 1);
const SPAN = 540 * DAY;
const ZONE = 'Europe/Berlin';

/** A small deterministic generator, so the library is the same on every run. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    pick: <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T,
    chance: (p: number) => next() < p,
  };
}

const STATUSES = [
  'New',
  'Triaged',
  'In review',
  'Escalated',
  'Awaiting response',
  'Resolved',
  'Closed',
  '',
  'Résolu',
  ' Closed ',
];
const POLICIES = [
  'Counterfeit goods',
  'Misleading claims',
  'Unsafe products',
  '',
  'Gefälschte Ware',
  '偽造品',
];
const MARKETS = ['DE', 'FR', 'PL', 'IT', '', 'n/a'];
const SEVERITIES = ['P1', 'P2', 'P3', 'P4', '', 'high'];
const SLA = ['Met', 'Missed', 'Breached', 'On track', 'Due soon', '', 'TBD'];
const APPEALS = ['', '', 'Requested', 'Upheld', 'Overturned', 'Withdrawn'];
const TEAMS = ['Policy', 'Legal', 'Product', '', 'Équipe juridique'];

/** A date, or now and then a blank, a placeholder or text where the date belongs. */
function dateOr(r: ReturnType<typeof randomFrom>, ms: number): unknown {
  if (r.chance(0.04)) return r.pick(['', 'TBD', 'gestern', '2026-13-45']);
  return new Date(ms);
}

function messyRow(r: ReturnType<typeof randomFrom>, i: number): ReportRow {
  if (r.chance(0.03)) return {};
  const created = FROM + Math.floor(r.next() * SPAN);
  // Most cases of a long library are done; the rest of every sort.
  const status = r.chance(0.75) ? r.pick(['Resolved', 'Closed']) : r.pick(STATUSES);
  const row: ReportRow = {
    caseId: r.chance(0.02) ? '' : r.chance(0.02) ? 'CB-DUP' : `CB-${String(i).padStart(6, '0')}`,
    createdAt: r.chance(0.02) ? 'unknown' : new Date(created),
    market: r.pick(MARKETS),
    sellerId: r.pick(['S-1', 'S-2', 'S-3', `S-${i % 97}`, '']),
    liveSessionId: r.pick(['', 'L-1', 'L-2', `L-${i % 13}`]),
    policy: r.pick(POLICIES),
    detectionSource: r.pick(['Automated', 'Manual', '', 'User report']),
    severity: r.pick(SEVERITIES),
    status,
    statusChangedAt: dateOr(r, created + r.next() * 20 * DAY),
    slaDue: dateOr(r, created + r.next() * 10 * DAY),
    slaStatus: r.pick(SLA),
    appealStatus: r.pick(APPEALS),
    misjudgement: r.pick(['', 'Yes', 'No', 'ja']),
    rootCause: r.pick(['', 'Seller conduct', 'Detection error', '  ']),
    duplicateOf: r.chance(0.1) ? 'CB-000001' : '',
    lastUpdatedAt: dateOr(r, created + r.next() * 200 * DAY),
    validationIssues: r.chance(0.1) ? 'Severity: not one of P1-P4' : '',
    shopName: r.pick(['Glitzer Boutique', 'Sklep Ania', '=HYPERLINK("x")', '']),
    owner: r.pick(['ops@x.example', 'lead@x.example', '']),
    summary: r.pick(['Fake sneakers', 'Produits dangereux en direct', '']),
  };
  // Now and then resolved long after: open through every window of a report months later.
  if (r.chance(0.85)) row.resolvedAt = dateOr(r, created + r.next() * (r.chance(0.1) ? 400 : 30) * DAY);
  if (r.chance(0.3)) row.closedAt = dateOr(r, created + r.next() * 60 * DAY);
  if (r.chance(0.3)) {
    row.escalatedTo = r.pick(TEAMS);
    // Now and then escalated long after the case was created (even after it closed), or before it.
    row.escalatedAt = dateOr(
      r,
      created + (r.next() - (r.chance(0.1) ? 1 : 0)) * (r.chance(0.2) ? 400 : 5) * DAY,
    );
  }
  // Rows with some fields only: a row holding only window fields is still a row left out.
  if (r.chance(0.02)) return { summary: row.summary, policy: row.policy };
  if (r.chance(0.02)) return { caseId: row.caseId, severity: 'P1' };
  return row;
}

function messyLibrary(size: number): { sheet: ReportRow[]; audit: AuditFact[] } {
  const r = randomFrom(20_261_119);
  const sheet = Array.from({ length: size }, (_, i) => messyRow(r, i + 1));
  const audit: AuditFact[] = [];
  sheet.forEach((row, i) => {
    const caseId = String(row.caseId ?? '');
    if (caseId === '' || !r.chance(0.2)) return;
    const timeMs = FROM + Math.floor(r.next() * SPAN);
    const field = r.pick(['appealStatus', 'escalatedTo', WORK_NOTE_FACT] as const);
    const newValue = field === 'appealStatus' ? r.pick(['Upheld', 'Overturned']) : r.pick(TEAMS);
    audit.push({ timeMs, caseId, field, oldValue: r.pick(TEAMS), newValue });
    if (i % 50 === 0) audit.push({ timeMs: timeMs + DAY, caseId, field, oldValue: '', newValue });
  });
  return { sheet, audit };
}

/** As readColumns reads a tab: the fields `keys` of every row, rows blank in all of them left out. */
function readColumnsOf(sheet: readonly ReportRow[], keys: readonly FieldKey[]): ReadRows {
  const rows: ReportRow[] = [];
  const rowNumbers: number[] = [];
  sheet.forEach((full, i) => {
    const row: ReportRow = {};
    for (const key of keys)
      (row as Record<string, unknown>)[key] = (full as Record<string, unknown>)[key] ?? '';
    if (!hasContent(row)) return;
    rows.push(row);
    rowNumbers.push(i + 2);
  });
  return { rows, rowNumbers };
}

/** As readFieldsAt reads a tab: the fields `keys` of the given sheet rows. */
function readFieldsOf(sheet: readonly ReportRow[], rowNumbers: readonly number[], keys: readonly FieldKey[]) {
  const read = new Map<number, ReportRow>();
  for (const n of rowNumbers) {
    const row: ReportRow = {};
    for (const key of keys)
      (row as Record<string, unknown>)[key] =
        (sheet[n - 2] as Record<string, unknown> | undefined)?.[key] ?? '';
    read.set(n, row);
  }
  return read;
}

const WEEKS: IsoWeek[] = [
  { year: 2026, week: 47 },
  { year: 2026, week: 1 },
  { year: 2026, week: 30 },
  { year: 2027, week: 9 },
];

describe('the two-stage read', () => {
  test('the stage-1 and stage-2 lists are the report fields, each once', () => {
    expect([...LIBRARY_FIELDS, ...WINDOW_FIELDS].sort()).toEqual([...new Set(REPORT_FIELDS)].sort());
    expect(LIBRARY_FIELDS.filter((f) => (WINDOW_FIELDS as readonly string[]).includes(f))).toEqual([]);
  });

  test.each(WEEKS.flatMap((week) => [true, false].map((personalData) => ({ week, personalData }))))(
    'gives the same report as a full read of a messy library over 18 months (%o)',
    ({ week, personalData }) => {
      const { sheet, audit } = messyLibrary(3_000);
      // Trailing rows blank, as a tab's last rows often are, and one with only a window field.
      sheet.push({}, { market: 'DE' }, {});
      const lastRow = sheet.length + 1;
      const input = { audit, week, timeZone: ZONE, personalData, nowMs: Date.UTC(2027, 5, 1) };

      const full = readColumnsOf(sheet, reportFields(personalData));
      const stage1 = readColumnsOf(sheet, LIBRARY_FIELDS);
      const windowRows = windowRowsOf(stage1, lastRow, audit, week, ZONE);
      const twoStage = withWindowFields(stage1, readFieldsOf(sheet, windowRows, windowFields(personalData)));
      // When most rows reach the windows, stage 2 reads the window columns of every row instead
      // (addFieldsOfRows in adapters/case-columns.ts): the rows with any of them filled.
      const everyRow = readColumnsOf(sheet, windowFields(personalData));
      const wholeTab = withWindowFields(
        stage1,
        new Map(everyRow.rowNumbers.map((n, i) => [n, everyRow.rows[i] as ReportRow])),
      );

      // The plan must leave most of the library out of stage 2, or this compares nothing.
      expect(windowRows.length).toBeLessThan(sheet.length / 2);
      expect(twoStage.rowNumbers).toEqual(full.rowNumbers);
      expect(wholeTab.rowNumbers).toEqual(full.rowNumbers);
      const expected = buildWeeklyReport({ ...input, ...full });
      expect(buildWeeklyReport({ ...input, ...twoStage })).toEqual(expected);
      expect(buildWeeklyReport({ ...input, ...wholeTab })).toEqual(expected);
    },
  );

  test('a figure that used a window field of a row outside the windows would differ: the rows left out are real cases', () => {
    const { sheet, audit } = messyLibrary(3_000);
    const week = WEEKS[0] as IsoWeek;
    const stage1 = readColumnsOf(sheet, LIBRARY_FIELDS);
    const windowRows = new Set(windowRowsOf(stage1, sheet.length + 1, audit, week, ZONE));
    const outside = stage1.rowNumbers.filter((n) => !windowRows.has(n)).map((n) => sheet[n - 2] as ReportRow);
    // Old closed cases with policies, severities, SLA results and teams of every kind.
    expect(new Set(outside.map((row) => row.policy).filter((v) => v !== undefined)).size).toBe(
      POLICIES.length,
    );
    expect(new Set(outside.map((row) => row.slaStatus).filter((v) => v !== undefined)).size).toBe(SLA.length);
    expect(outside.some((row) => row.escalatedTo !== undefined && row.escalatedTo !== '')).toBe(true);
  });
});
