/**
 * The intake form's duplicate check, asked while people type: one read of the library, compared in core.
 * Values are normalised as the saved case would be, so "shop-42 " and "SHOP-42" find the same seller.
 */

import type { CasesTable } from '../adapters/cases-tab';
import { readCases } from '../adapters/cases-tab';
import { activeSpreadsheet } from '../adapters/context';
import { type IntakeContext, readIntakeContext } from '../adapters/intake-context';
import { normaliseField } from '../core/import/convert-row';
import {
  type DuplicateProbe,
  describeDuplicate,
  findPossibleDuplicates,
  type PossibleDuplicate,
  toLibraryCase,
} from '../core/intake/duplicates';
import { BadArgument, expectObject } from './arguments';
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

export function duplicatesIn(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: CasesTable,
  probe: DuplicateProbe,
  ctx: IntakeContext,
): DuplicateView[] {
  const library = table.rows.map((row, i) => toLibraryCase(row, table.rowNumbers[i] as number, ctx.timeZone));
  const sheetId = table.sheet.getSheetId();
  const url = ss.getUrl();
  return findPossibleDuplicates(probe, library, ctx.duplicateWindowDays).map((match) => ({
    ...match,
    description: describeDuplicate(match),
    url: rowLink(url, sheetId, match.row),
  }));
}

export function findDuplicates(request: unknown): { matches: DuplicateView[]; windowDays: number } {
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
  return { matches: duplicatesIn(ss, readCases(ss), probe, ctx), windowDays: ctx.duplicateWindowDays };
}
