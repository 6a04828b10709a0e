/**
 * The intake form's duplicate check, asked while people type: the rows of the same seller or the same live
 * session are found with a TextFinder each (inside Sheets, case ignored), then only those rows' six key
 * columns (and the few columns between them, read in the same call: cheaper than a call per column) are
 * read and compared in core. Values are normalised as the saved case would be, so "shop-42 " and
 * "SHOP-42" find the same seller. The found cases' complaints and disputes come with them
 * (duplicate-complaints.ts): a reversed complaint means the earlier enforcement was a misjudgement.
 */

import { type CasesLayout, readCasesLayout, readRowsAt, rowsShowing } from '../adapters/case-lookup';
import { activeSpreadsheet } from '../adapters/context';
import { type IntakeContext, readIntakeContext } from '../adapters/intake-context';
import { normaliseField } from '../core/import/convert-row';
import {
  canCheckDuplicates,
  type DuplicateProbe,
  describeDuplicate,
  findPossibleDuplicates,
  type PossibleDuplicate,
  toLibraryCase,
} from '../core/intake/duplicates';
import type { FieldKey } from '../core/schema/case-schema';
import { BadArgument, expectObject } from './arguments';
import { complaintsOfFoundCases, type FoundComplaints } from './duplicate-complaints';
import { rowLink } from './links';

export interface DuplicateView extends PossibleDuplicate {
  description: string;
  url: string;
}

const PROBE_FIELDS = ['sellerId', 'policy', 'liveDate', 'liveSessionId'] as const;
const PROBE_MAX_LENGTH = 200;

/** The probe from the form's values; a value that cannot be read counts as blank (the form flags it). */
export function probeFrom(fields: Readonly<Record<string, string>>, ctx: IntakeContext): DuplicateProbe {
  const read = (key: (typeof PROBE_FIELDS)[number]): string => {
    const raw = fields[key];
    if (raw === undefined || raw.trim() === '') return '';
    const result = normaliseField(key, raw, ctx);
    return result.ok ? String(result.value) : '';
  };
  return {
    sellerId: read('sellerId'),
    policy: read('policy'),
    liveDay: read('liveDate'),
    liveSessionId: read('liveSessionId'),
  };
}

/** What toLibraryCase compares and shows: all a possible duplicate's row is read for. */
const DUPLICATE_KEYS: readonly FieldKey[] = [
  'caseId',
  'sellerId',
  'liveSessionId',
  'liveDate',
  'policy',
  'status',
];

/**
 * The rows that can be duplicates of the probe: the same live session, or the same seller (only asked
 * when a policy and a live date make a same-seller match possible).
 */
function candidateRows(layout: CasesLayout, probe: DuplicateProbe): number[] {
  const sellerCanMatch = probe.policy.trim() !== '' && probe.liveDay.trim() !== '';
  return [
    ...rowsShowing(layout, 'liveSessionId', probe.liveSessionId),
    ...(sellerCanMatch ? rowsShowing(layout, 'sellerId', probe.sellerId) : []),
  ];
}

export function duplicatesIn(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  layout: CasesLayout,
  probe: DuplicateProbe,
  ctx: IntakeContext,
): DuplicateView[] {
  if (!canCheckDuplicates(probe)) return [];
  const rows = candidateRows(layout, probe);
  if (rows.length === 0) return [];
  const library = readRowsAt(layout, rows, DUPLICATE_KEYS).map((found) =>
    toLibraryCase(found.fields, found.row, ctx.timeZone),
  );
  const sheetId = layout.sheet.getSheetId();
  const url = ss.getUrl();
  return findPossibleDuplicates(probe, library, ctx.duplicateWindowDays).map((match) => ({
    ...match,
    description: describeDuplicate(match),
    url: rowLink(url, sheetId, match.row),
  }));
}

export interface DuplicateCheck {
  matches: DuplicateView[];
  windowDays: number;
  /** The found cases' complaints and disputes in short (the register is not asked when none is found). */
  complaints: FoundComplaints;
}

export function findDuplicates(request: unknown): DuplicateCheck {
  const body = expectObject('request', request);
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!(PROBE_FIELDS as readonly string[]).includes(key))
      throw new BadArgument(`"${key}" is not used by the duplicate check`);
    if (typeof value !== 'string') throw new BadArgument(`${key} must be text`);
    if (value.length > PROBE_MAX_LENGTH)
      throw new BadArgument(`${key} is longer than ${PROBE_MAX_LENGTH} characters`);
    fields[key] = value;
  }
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  const ctx = readIntakeContext(ss);
  const probe = probeFrom(fields, ctx);
  const matches = duplicatesIn(ss, readCasesLayout(ss), probe, ctx);
  return {
    matches,
    windowDays: ctx.duplicateWindowDays,
    complaints: complaintsOfFoundCases(
      ss,
      matches.map((m) => m.caseId),
      ctx.timeZone,
      Date.now(),
    ),
  };
}
