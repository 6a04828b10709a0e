/**
 * The benchmark's library as a real tracker holds it after a year: Casebook's yearly archive moves closed
 * cases older than the Settings age out (365 days here), so a live library spans about the year before the
 * report week, and its rows are in creation order because cases arrive through Casebook's submit, which
 * appends them (a few rows out of order, as an editor's sort or move leaves them). Cases arrive at a steady
 * rate with weekly variation (fewer at weekends); older cases are mostly closed, recent ones mostly open;
 * the columns Casebook fills on every submitted case are filled as it would have: Status changed at,
 * Escalated at, Resolved at and Closed at as the case moved, SLA cycle and start, and SLA due, SLA, the
 * escalation level and SLA notices as the last hourly sweep (an hour ago) left them, computed by
 * Casebook's own core (sla-sweep.ts). The LIVE date, enforcement action, automated decision and summary are
 * still left out, as in the nine-week rows, so Validate library still marks nearly every row (its heaviest
 * case). Deterministic: every choice comes from a hash of the row's index.
 */
import { NOTICE_TOKENS, planSlaSweep, tokensOf, tokenText } from '../../src/core/automation/sla-sweep';
import { CASE_FIELDS, type FieldKey } from '../../src/core/schema/case-schema';
import { parseSlaSettings } from '../../src/core/sla/sla-settings';
import { numberFormatFor } from '../../src/core/tracker/formats';
import type { CaseRow } from '../../src/core/validation/validate-case';
import { HOUR } from '../../tests/support/automation-tracker';
import { OPS, sealRows } from '../../tests/support/intake-tracker';
import { DAY, type ReportTracker, W47_START } from '../../tests/support/report-tracker';

const POLICIES = ['Counterfeit goods', 'Fake engagement', 'Prohibited items', 'Misleading claims'];
const MARKETS = ['DE', 'FR', 'IT', 'ES', 'PL', 'NL'];
const TEAMS = ['Policy', 'Legal', 'Algorithm'];
/** Cases logged per weekday relative to each other, Sunday first (fewer staff logging at weekends). */
const WEEKDAY_WEIGHT = [0.45, 1.25, 1.2, 1.15, 1.1, 1.0, 0.55];
/** Days the library spans: the year before the report's Monday, all inside the 365-day archive line. */
export const LIBRARY_DAYS = 364;
/** Share of rows an editor's sort or move left out of creation order (each swap moves two rows). */
const SWAPPED_PER_THOUSAND = 2;

/** A well-mixed 32-bit number per row and salt (Knuth's multiplicative hash). */
const mix = (i: number, salt: number) =>
  (Math.imul(i + 1, 2_654_435_761) ^ Math.imul(salt + 1, 40_503) ^ (salt << 17)) >>> 0;
const unit = (i: number, salt: number) => mix(Math.imul(i, 0x9e37) ^ salt, salt) / 2 ** 32;
const pick = <T>(list: readonly T[], i: number, salt: number) => list[mix(i, salt) % list.length] as T;

const SEVERITY_PACE: Record<string, number> = { P1: 0.05, P2: 0.25, P3: 0.8, P4: 1.2 };

/**
 * How long a case takes from logging to resolved: most within days, a tail of weeks and months, and a few
 * still open however old (stuck with a seller or a team); null for those.
 */
function handlingMs(i: number, severity: string): number | null {
  const r = unit(i, 40);
  const s = unit(i, 41);
  // The usual case is handled in about its SLA target's time (P1 hours, P4 days), so most meet it.
  const pace = SEVERITY_PACE[severity] ?? 1;
  if (r < 0.55) return 2 * HOUR + s * 3 * DAY * pace;
  if (r < 0.85) return (3 * DAY + s * 7 * DAY) * pace;
  if (r < 0.97) return 10 * DAY + s * 30 * DAY;
  if (r < 0.997) return 40 * DAY + s * 80 * DAY;
  return null;
}

/** Creation instants for `size` cases, ascending, over LIBRARY_DAYS days ending the day before `nowMs`. */
function creationTimes(size: number, nowMs: number): number[] {
  const lastDayEnd = Math.floor(nowMs / DAY) * DAY;
  const firstDay = lastDayEnd - LIBRARY_DAYS * DAY;
  const weights = Array.from(
    { length: LIBRARY_DAYS },
    (_, d) => WEEKDAY_WEIGHT[new Date(firstDay + d * DAY).getUTCDay()] as number,
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const times: number[] = [];
  let day = 0;
  let before = 0;
  for (let i = 0; i < size; i++) {
    const at = ((i + 0.5) / size) * total;
    while (day < LIBRARY_DAYS - 1 && before + (weights[day] as number) <= at)
      before += weights[day++] as number;
    // 06:00 to 20:00 UTC of the day, in order within it.
    const within = (at - before) / (weights[day] as number);
    times.push(firstDay + day * DAY + 6 * HOUR + Math.floor(within * 14 * HOUR));
  }
  return times;
}

/** One case as Casebook would hold it at `nowMs` (SLA columns still blank: filled by slaAsSwept). */
function caseAt(i: number, created: number, nowMs: number): CaseRow {
  const inReportWeek = created >= W47_START;
  const burst = inReportWeek && mix(i, 1) % 12 === 0;
  const repeat = inReportWeek && mix(i, 2) % 40 === 7;
  const row: CaseRow = {
    // Six digits from 200,001: never one of the logged cases' (five digits) or last year's archived ones.
    caseId: `CB-${new Date(created).getUTCFullYear()}-${200_001 + i}`,
    createdAt: new Date(created),
    createdBy: OPS,
    market: burst ? 'PL' : pick(MARKETS, i, 3),
    sellerId: repeat ? 'S-REPEAT-1' : `S-${mix(i, 4) % 1_013}`,
    shopName: repeat ? 'Repeat Shop' : `Shop ${mix(i, 4) % 1_013}`,
    policy: burst ? 'Misleading claims' : pick(POLICIES, i, 5),
    detectionSource: mix(i, 6) % 3 === 0 ? 'Automated' : 'Manual',
    severity: repeat ? 'P1' : `P${(mix(i, 7) % 4) + 1}`,
    owner: OPS,
    slaCycle: 1,
    slaCycleStart: new Date(created),
    slaPausedMinutes: 0,
  };
  const handling = handlingMs(i, String(row.severity));
  const resolved = handling === null ? null : created + handling;
  const done = resolved !== null && resolved <= nowMs - HOUR;
  let escalated: number | null = null;
  if (mix(i, 8) % 5 === 0) {
    escalated = created + Math.min(2 * HOUR, (handling ?? DAY) / 2);
    if (escalated > nowMs - HOUR) escalated = null;
  }
  if (escalated !== null) {
    row.escalatedTo = pick(TEAMS, i, 9);
    row.escalatedAt = new Date(escalated);
  }
  let lastUpdated = escalated ?? created;
  if (done) {
    row.resolvedAt = new Date(resolved);
    row.resolution = 'Listing removed.';
    if (mix(i, 12) % 7 !== 0) row.rootCause = 'Seller conduct';
    const closed = resolved + (1 + unit(i, 13) * 4) * DAY;
    if (closed <= nowMs - HOUR && mix(i, 14) % 10 !== 0) {
      row.status = 'Closed';
      row.closedAt = new Date(closed);
      row.statusChangedAt = new Date(closed);
      lastUpdated = closed;
      if (mix(i, 15) % 8 === 0) {
        // An appeal after closing: decided within a week or two of being asked for, or still waiting.
        const decided = closed + (3 + unit(i, 16) * 14) * DAY;
        row.appealStatus =
          decided <= nowMs - HOUR ? (mix(i, 17) % 3 === 0 ? 'Overturned' : 'Upheld') : 'Requested';
        lastUpdated = Math.min(decided, nowMs - HOUR);
      }
    } else {
      row.status = 'Resolved';
      row.statusChangedAt = new Date(resolved);
      lastUpdated = resolved;
    }
  } else {
    const age = nowMs - created;
    if (escalated !== null) {
      row.status = 'Escalated';
      row.statusChangedAt = new Date(escalated);
    } else if (age < 4 * HOUR) {
      row.status = 'New';
      row.statusChangedAt = new Date(created);
    } else if (age < 2 * DAY || mix(i, 18) % 5 < 3) {
      row.status = 'Triaged';
      lastUpdated = created + HOUR;
      row.statusChangedAt = new Date(lastUpdated);
    } else {
      row.status = 'Awaiting response';
      lastUpdated = created + DAY;
      row.statusChangedAt = new Date(lastUpdated);
    }
  }
  row.lastUpdatedAt = new Date(Math.max(lastUpdated, created));
  row.lastUpdatedBy = OPS;
  return row;
}

/** The SLA columns as the hourly sweep an hour before `nowMs` left them under the tracker's Settings. */
function slaAsSwept(ctx: ReportTracker, rows: readonly CaseRow[], nowMs: number): void {
  const tab = ctx.ss.getSheetByName('Settings');
  if (!tab) throw new Error('the benchmark tracker has no Settings tab');
  const settings = new Map(
    tab
      .getRange(2, 1, tab.getLastRow() - 1, 2)
      .getValues()
      .map(([key, value]) => [String(key), String(value)] as [string, string]),
  );
  const parsed = parseSlaSettings(settings, ctx.ss.getSpreadsheetTimeZone(), TEAMS);
  if (!parsed.ok) throw new Error(`the benchmark's SLA settings: ${parsed.problems.join(' ')}`);
  const plan = planSlaSweep(rows, nowMs - HOUR, parsed.settings);
  const byId = new Map(rows.map((row) => [String(row.caseId), row]));
  for (const change of plan.changes) Object.assign(byId.get(change.caseId) as CaseRow, change.fields);
  for (const notice of plan.notices) {
    const row = byId.get(notice.caseId) as CaseRow;
    const tokens = tokensOf(row.slaNotices);
    tokens.add(notice.kind === 'breach' ? NOTICE_TOKENS.breachSent : NOTICE_TOKENS.dueSoonSent);
    row.slaNotices = tokenText(tokens);
  }
}

/**
 * Adds `size` cases of the year before the report week below the rows already there, in creation order
 * but for a few swapped pairs, written in one call, formatted and sealed by the owner's Set up tracker;
 * the tab's empty rows stay below them (as fillRealisticLibrary leaves them).
 */
export function fillYearLibrary(ctx: ReportTracker, size: number): void {
  if (size <= 0) return;
  const { cases, column, headers } = ctx;
  const nowMs = ctx.ws.clock.now();
  const times = creationTimes(size, nowMs);
  const library = times.map((created, i) => caseAt(i, created, nowMs));
  slaAsSwept(ctx, library, nowMs);
  const swaps = Math.floor((size * SWAPPED_PER_THOUSAND) / 2_000);
  for (let s = 0; s < swaps; s++) {
    const a = mix(s, 50) % size;
    const b = mix(s, 51) % size;
    [library[a], library[b]] = [library[b] as CaseRow, library[a] as CaseRow];
  }
  const at = CASE_FIELDS.map((field) => [field.key, column(field.header) - 1] as [FieldKey, number]);
  const rows = library.map((c) => {
    const row: unknown[] = new Array(headers.length).fill('');
    for (const [key, index] of at) if (c[key] !== undefined) row[index] = c[key];
    return row;
  });
  const first = cases.getLastRow() + 1;
  // Rows for the library below the tab's empty rows, so those stay below the last case as a tracker's
  // spare rows (Casebook adds its rows in blocks, cases-tab.ts): Submit then measures the ordinary
  // append. Where the archive's deletions left no empty rows (the archived size), none are made up, and
  // Submit there measures the growth path.
  cases.insertRowsAfter(cases.getMaxRows(), size);
  cases.getRange(first, 1, size, headers.length).setValues(rows);
  for (const field of CASE_FIELDS) {
    const format = numberFormatFor(field);
    if (format) cases.getRange(2, column(field.header), cases.getMaxRows() - 1, 1).setNumberFormat(format);
  }
  sealRows(ctx);
}
