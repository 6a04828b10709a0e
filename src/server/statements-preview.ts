/**
 * Sidebar call "previewStatements": which of the chosen cases have a statement of reasons ready to export
 * or submit, and why the others do not, without writing anything. The choice is the selected cases (by
 * ID), the cases created in a period (a week), or, when neither is given, every case not yet sent. Built
 * from each case's sealed record like the export itself; what personal data would be removed is said per
 * case. JSON-safe. Cases whose record does not verify are listed apart (for a period: all of them, as
 * their dates cannot be trusted).
 */
import { activeSpreadsheet } from '../adapters/context';
import { describeRemoved } from '../core/dsa/scrub-personal-data';
import { rowLink } from './links';
import { isChosen, readStatementChoice, type StatementChoiceRequest } from './statement-choice';
import { prepareStatements, readStatementCases, SENT_STATUSES } from './statements-prepare';

export interface StatementPreview {
  ready: { caseId: string; puid: string; removed: string }[];
  notReady: { caseId: string; reasons: string[] }[];
  notNeeded: { caseId: string; reasons: string[] }[];
  /** Chosen cases already submitted or on their way (never built or sent again). */
  alreadySent: string[];
  /** Chosen cases whose Casebook record does not verify: left out until the owner checks them. */
  untrusted: string[];
  /** Chosen cases the Database refused before: export them again (once fixed) before they can be submitted. */
  refusedBefore: string[];
  /** A link selecting each listed case's row, by case ID (the sidebar links every case it names). */
  rowLinks: Record<string, string>;
}

export function previewStatements(request?: StatementChoiceRequest): StatementPreview {
  const choice = readStatementChoice(request);
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  const { cases, context } = readStatementCases(ss);
  const chosen = isChosen(choice, cases.timeZone);
  const preview: StatementPreview = {
    ready: [],
    notReady: [],
    notNeeded: [],
    alreadySent: [],
    untrusted: [],
    refusedBefore: [],
    rowLinks: {},
  };
  for (const row of cases.accepted.values())
    if (chosen(row) && SENT_STATUSES.has(String(row.statementStatus ?? '').trim()))
      preview.alreadySent.push(String(row.caseId).trim());
  preview.untrusted = cases.untrusted.filter((id) => !choice.caseIds || choice.caseIds.has(id));
  for (const row of cases.accepted.values())
    if (chosen(row) && String(row.statementStatus ?? '').trim() === 'Refused')
      preview.refusedBefore.push(String(row.caseId).trim());
  for (const build of prepareStatements(cases, context, chosen)) {
    if (build.status === 'ready')
      preview.ready.push({ caseId: build.caseId, puid: build.puid, removed: describeRemoved(build.removed) });
    else if (build.status === 'notReady')
      preview.notReady.push({ caseId: build.caseId, reasons: build.reasons });
    else preview.notNeeded.push({ caseId: build.caseId, reasons: build.reasons });
  }
  const listed = new Set([
    ...preview.ready.map((r) => r.caseId),
    ...preview.notReady.map((r) => r.caseId),
    ...preview.notNeeded.map((r) => r.caseId),
    ...preview.alreadySent,
    ...preview.untrusted,
  ]);
  if (listed.size > 0) {
    const url = ss.getUrl();
    const sheetId = cases.table.sheet.getSheetId();
    cases.table.rows.forEach((row, i) => {
      const caseId = String(row.caseId ?? '').trim();
      const rowNumber = cases.table.rowNumbers[i];
      if (listed.has(caseId) && rowNumber !== undefined && !(caseId in preview.rowLinks))
        preview.rowLinks[caseId] = rowLink(url, sheetId, rowNumber);
    });
  }
  return preview;
}
