/**
 * Possible duplicates of a case being logged: an earlier case about the same LIVE session, or about the
 * same seller and policy within the tracker's duplicate window (the duplicateWindowDays setting).
 * Pure: the server reads the library once and passes its rows here; the form asks while people type, and
 * the server asks again when the case is saved, so a case logged meanwhile by someone else is caught too.
 */
import { dayInZone } from '../normalise/date';

/** What the check needs to know about each case already in the library. */
export interface LibraryCase {
  caseId: string;
  sellerId: string;
  policy: string;
  /** YYYY-MM-DD, or '' when the row has no readable date. */
  liveDay: string;
  liveSessionId: string;
  status: string;
  /** Sheet row, so the form can link to it. */
  row: number;
}

export interface DuplicateProbe {
  sellerId: string;
  policy: string;
  liveDay: string;
  liveSessionId: string;
}

export type DuplicateReason = 'sameSession' | 'sameSellerAndPolicy';

export interface PossibleDuplicate {
  caseId: string;
  row: number;
  reason: DuplicateReason;
  /** Days between the two LIVE dates (null when either is unknown). */
  daysApart: number | null;
  policy: string;
  liveDay: string;
  status: string;
}

/** More than this many matches add nothing a person can act on; the closest are kept. */
export const MAX_DUPLICATES_SHOWN = 5;

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(day: string): number | null {
  const match = DAY.exec(day);
  if (!match) return null;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

const sameId = (a: string, b: string) => a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether the probe holds enough to compare: a LIVE session, or a seller with a policy and a date. */
export function canCheckDuplicates(probe: DuplicateProbe): boolean {
  return (
    probe.liveSessionId.trim() !== '' ||
    (probe.sellerId.trim() !== '' && probe.policy.trim() !== '' && dayNumber(probe.liveDay) !== null)
  );
}

export function findPossibleDuplicates(
  probe: DuplicateProbe,
  library: readonly LibraryCase[],
  windowDays: number,
): PossibleDuplicate[] {
  if (!canCheckDuplicates(probe)) return [];
  const probeDay = dayNumber(probe.liveDay);
  const found: PossibleDuplicate[] = [];
  for (const known of library) {
    const knownDay = dayNumber(known.liveDay);
    const daysApart = probeDay !== null && knownDay !== null ? Math.abs(probeDay - knownDay) : null;
    let reason: DuplicateReason | null = null;
    if (sameId(probe.liveSessionId, known.liveSessionId)) reason = 'sameSession';
    else if (
      sameId(probe.sellerId, known.sellerId) &&
      probe.policy !== '' &&
      probe.policy === known.policy &&
      daysApart !== null &&
      daysApart <= windowDays
    )
      reason = 'sameSellerAndPolicy';
    if (reason)
      found.push({
        caseId: known.caseId,
        row: known.row,
        reason,
        daysApart,
        policy: known.policy,
        liveDay: known.liveDay,
        status: known.status,
      });
  }
  found.sort(
    (a, b) =>
      (a.reason === 'sameSession' ? 0 : 1) - (b.reason === 'sameSession' ? 0 : 1) ||
      (a.daysApart ?? Number.MAX_SAFE_INTEGER) - (b.daysApart ?? Number.MAX_SAFE_INTEGER) ||
      b.caseId.localeCompare(a.caseId),
  );
  return found.slice(0, MAX_DUPLICATES_SHOWN);
}

/** One line a person reads: why this case may be the same. */
export function describeDuplicate(match: PossibleDuplicate): string {
  if (match.reason === 'sameSession') return `Same LIVE session (${match.policy}, ${match.liveDay})`;
  const when =
    match.daysApart === 0
      ? 'same LIVE date'
      : `LIVE ${match.daysApart} day${match.daysApart === 1 ? '' : 's'} apart`;
  return `Same seller and policy, ${when} (${match.status || 'no status'})`;
}

/** What the person logging the case decided, as the form sends it. */
export type DuplicateChoice =
  | { kind: 'related'; caseIds: readonly string[] }
  | { kind: 'duplicate'; caseIds: readonly string[] }
  | { kind: 'distinct'; caseIds: readonly string[]; reason: string };

export const DISTINCT_REASON_MAX = 500;

/** The case fields a decision sets, and the sentence kept in the Duplicate check column and the audit log. */
export function applyDuplicateChoice(
  choice: DuplicateChoice,
  relatedCases: string,
): { relatedCases: string; duplicateOf: string; duplicateCheck: string } {
  const ids = [...choice.caseIds];
  const list = ids.join(', ');
  const merged = [
    ...new Set([
      ...relatedCases
        .split(/[\s,]+/)
        .map((id) => id.trim())
        .filter((id) => id !== ''),
      ...ids,
    ]),
  ].join(', ');
  switch (choice.kind) {
    case 'related':
      return { relatedCases: merged, duplicateOf: '', duplicateCheck: `Linked as related to ${list}` };
    case 'duplicate':
      return {
        relatedCases: merged,
        duplicateOf: ids[0] ?? '',
        duplicateCheck: `Marked as a duplicate of ${ids[0] ?? ''}`,
      };
    case 'distinct':
      return {
        relatedCases,
        duplicateOf: '',
        duplicateCheck: `Not a duplicate of ${list}: ${choice.reason.trim()}`,
      };
  }
}

const isDate = (v: unknown): v is Date =>
  Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());

/** A library row as the check sees it; the LIVE date is taken as a day in the tracker's time zone. */
export function toLibraryCase(
  row: Readonly<Record<string, unknown>>,
  sheetRow: number,
  timeZone: string,
): LibraryCase {
  const live = row.liveDate;
  const text = (v: unknown) => String(v ?? '').trim();
  return {
    caseId: text(row.caseId),
    sellerId: text(row.sellerId),
    policy: text(row.policy),
    liveDay: isDate(live) ? dayInZone(live, timeZone) : DAY.test(text(live)) ? text(live) : '',
    liveSessionId: text(row.liveSessionId),
    status: text(row.status),
    row: sheetRow,
  };
}
