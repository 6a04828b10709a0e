/**
 * The case sidebar's view of an archived case, by ID: read-only, from the year's archive spreadsheet whose
 * ID the tracker's trusted store keeps (the case ID's year names the archive, so nothing is searched).
 * The sidebar asks here when the live tab has no such case (client: pages/case). The person needs only
 * view access to the archive, which Casebook gives the tracker's editors when it makes it.
 */
import {
  type ArchivedHistoryEntry,
  openArchiveBook,
  readArchivedCase,
  readArchivedHistory,
} from '../adapters/archive-book';
import { activeSpreadsheet } from '../adapters/context';
import { archiveYearOf } from '../core/archive/archive-plan';
import { fieldText } from '../core/cases/field-text';
import { CASE_FIELDS, CASE_ID_PATTERN, type FieldKey } from '../core/schema/case-schema';
import { BadArgument, expectObject, expectText } from './arguments';

const HISTORY_LIMIT = 100;

export interface ArchivedCaseView {
  caseId: string;
  archived: true;
  year: number;
  spreadsheetName: string;
  url: string;
  fields: Partial<Record<FieldKey, string>>;
  history: ArchivedHistoryEntry[];
}

export type ArchivedCaseResult = { found: true; view: ArchivedCaseView } | { found: false; message: string };

export function getArchivedCase(request: unknown): ArchivedCaseResult {
  const body = expectObject('request', request);
  const caseId = expectText('caseId', body.caseId, 40).trim().toUpperCase();
  if (!CASE_ID_PATTERN.test(caseId)) throw new BadArgument(`"${caseId}" is not a case ID like CB-2026-00042`);
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  const year = archiveYearOf(caseId) as number;
  let archive: ReturnType<typeof openArchiveBook>;
  try {
    archive = openArchiveBook(year);
  } catch {
    return {
      found: false,
      message: `Case ${caseId} is in the ${year} archive, which you cannot open: ask the tracker's owner to share it with you.`,
    };
  }
  const row = archive ? readArchivedCase(archive.cases, caseId) : null;
  if (!archive || !row) return { found: false, message: `No case ${caseId} in this tracker or its archive.` };
  const timeZone = ss.getSpreadsheetTimeZone();
  const fields: Partial<Record<FieldKey, string>> = {};
  for (const field of CASE_FIELDS)
    if (field.key !== 'caseRecord') fields[field.key] = fieldText(field, row[field.key], timeZone);
  return {
    found: true,
    view: {
      caseId,
      archived: true,
      year,
      spreadsheetName: archive.book.getName(),
      url: archive.book.getUrl(),
      fields,
      history: readArchivedHistory(archive.audit, caseId, HISTORY_LIMIT),
    },
  };
}
