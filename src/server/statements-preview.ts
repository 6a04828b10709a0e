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
  };
  for (const row of cases.accepted.values())
    if (chosen(row) && SENT_STATUSES.has(String(row.statementStatus ?? '').trim()))
      preview.alreadySent.push(String(row.caseId).trim());
  preview.untrusted = cases.untrusted.filter((id) => !choice.caseIds || choice.caseIds.has(id));
  for (const build of prepareStatements(cases, context, chosen)) {
    if (build.status === 'ready')
      preview.ready.push({ caseId: build.caseId, puid: build.puid, removed: describeRemoved(build.removed) });
    else if (build.status === 'notReady')
      preview.notReady.push({ caseId: build.caseId, reasons: build.reasons });
    else preview.notNeeded.push({ caseId: build.caseId, reasons: build.reasons });
  }
  return preview;
}
