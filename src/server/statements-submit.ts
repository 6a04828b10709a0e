/**
 * Menu "Submit statements of reasons" (every case not yet sent), the sidebar's submitStatements (the cases
 * chosen as for previewStatements) and the hourly retry. Nothing is ever sent twice: before a batch is
 * posted its cases are marked "Retry pending" (write-ahead), so if the answer is lost (a 429, a 5xx, a
 * fault, the run ending) the next run first asks the Database which of their puids it already holds
 * (GET existing-puid) and posts only the others. A 422 marks exactly the refused statements with the
 * Database's reasons and none of the batch as submitted; a duplicate puid counts as already submitted.
 */
import { recordAudit } from '../adapters/audit-log';
import { activeUserEmail, effectiveUserEmail, flushWrites } from '../adapters/context';
import { withDocumentLock } from '../adapters/document-lock';
import {
  findExisting,
  postBatch,
  readConnection,
  saveConnection,
  type TdbConnection,
} from '../adapters/transparency-database';
import { messageBoxes } from '../adapters/ui';
import { buildStatement } from '../core/dsa/build-statement';
import { API_BATCH_LIMIT } from '../core/dsa/export-statements';
import type { DsaStatement } from '../core/dsa/statement-rules';
import { type BatchOutcome, interpretBatchAnswer } from '../core/dsa/submission-outcome';
import {
  ALL_NOT_SENT,
  isChosen,
  runFromMenu,
  runFromSidebar,
  type StatementChoice,
  type StatementChoiceRequest,
} from './statement-choice';
import { type StatementColumns, writeStatementMarks } from './statement-marks';
import { columnsFor, readStatementCases, SENT_STATUSES, untrustedNote } from './statements-prepare';

export interface SubmitSummary {
  submitted: number;
  refused: number;
  waiting: number;
  notReady: number;
  stopped: string;
  untrusted: string;
  /** The statements the Database refused, by case, with its reasons (the sidebar shows them). */
  refusals: { caseId: string; reasons: string[] }[];
}

const text = (v: unknown) => String(v ?? '').trim();

export function submitStatementsCore(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  connection: TdbConnection,
  options: { newStatements: boolean; choice?: StatementChoice },
): SubmitSummary {
  const { cases, context } = readStatementCases(ss);
  // The choice picks new statements only: one whose answer was lost is always settled first.
  const chosen = isChosen(options.choice ?? ALL_NOT_SENT, cases.timeZone);
  const rows = [...cases.accepted.values()];
  const summary: SubmitSummary = {
    submitted: 0,
    refused: 0,
    waiting: 0,
    notReady: 0,
    stopped: '',
    untrusted: untrustedNote(cases),
    refusals: [],
  };
  const updates = new Map<string, StatementColumns>();
  const toSend: { caseId: string; puid: string; statement: DsaStatement }[] = [];

  // 1. Statements whose earlier answer was lost: ask the Database before sending anything again.
  const pending = rows.filter(
    (r) => text(r.statementStatus) === 'Retry pending' && text(r.statementPuid) !== '',
  );
  if (pending.length > 0) {
    const existing = findExisting(
      connection,
      pending.map((r) => text(r.statementPuid)),
    );
    for (const row of pending) {
      const caseId = text(row.caseId);
      const found = existing.get(text(row.statementPuid));
      if (typeof found === 'string') {
        updates.set(caseId, { statementStatus: 'Submitted', statementUuid: found, statementNotes: '' });
        summary.submitted += 1;
      } else if (found === null) {
        const build = buildStatement(row, context);
        if (build.status === 'ready') toSend.push({ caseId, puid: build.puid, statement: build.statement });
        else updates.set(caseId, columnsFor(build, 'Ready'));
      } else summary.waiting += 1;
    }
  }
  // 2. Statements never sent.
  if (options.newStatements)
    for (const row of rows) {
      // A refused statement waits for a person to fix the case and export it again (which clears Refused).
      const status = text(row.statementStatus);
      if (SENT_STATUSES.has(status) || status === 'Refused' || text(row.caseId) === '') continue;
      if (!chosen(row)) continue;
      const build = buildStatement(row, context);
      if (build.status === 'ready')
        toSend.push({ caseId: build.caseId, puid: build.puid, statement: build.statement });
      else {
        updates.set(build.caseId, columnsFor(build, 'Ready'));
        if (build.status === 'notReady') summary.notReady += 1;
      }
    }

  // Write-ahead: every statement about to be sent is "Retry pending" before the first request goes out.
  for (const s of toSend)
    updates.set(s.caseId, { statementStatus: 'Retry pending', statementPuid: s.puid, statementNotes: '' });
  writeStatementMarks(cases, updates);

  for (let start = 0; start < toSend.length; start += API_BATCH_LIMIT) {
    let batch = toSend.slice(start, start + API_BATCH_LIMIT);
    const marks = new Map<string, StatementColumns>();
    while (batch.length > 0) {
      let outcome: BatchOutcome;
      try {
        const answer = postBatch(
          connection,
          batch.map((s) => s.statement),
        );
        outcome = interpretBatchAnswer(
          batch.map((s) => s.puid),
          answer.status,
          answer.body,
        );
      } catch (error) {
        outcome = { kind: 'retryLater', reason: `no answer from the Database: ${(error as Error).message}` };
      }
      if (outcome.kind === 'alreadySubmitted') {
        const known = new Set(outcome.puids);
        for (const s of batch.filter((x) => known.has(x.puid))) {
          marks.set(s.caseId, {
            statementStatus: 'Submitted',
            statementNotes: 'Already in the Database (sent earlier).',
          });
          summary.submitted += 1;
        }
        batch = batch.filter((s) => !known.has(s.puid));
        continue;
      }
      if (outcome.kind === 'created') {
        for (const s of batch) {
          marks.set(s.caseId, {
            statementStatus: 'Submitted',
            statementUuid: outcome.uuids[s.puid] ?? '',
            statementNotes: '',
          });
          summary.submitted += 1;
        }
      } else if (outcome.kind === 'refused') {
        const refusals = outcome.refusals;
        const culprits = Object.keys(refusals).join(', ');
        for (const s of batch) {
          const reasons = refusals[s.puid];
          if (reasons) {
            summary.refused += 1;
            summary.refusals.push({ caseId: s.caseId, reasons });
          }
          marks.set(
            s.caseId,
            reasons
              ? {
                  statementStatus: 'Refused',
                  statementNotes:
                    `Refused by the Database: ${reasons.join('; ')} Fix the case, then export it again to send it.`.slice(
                      0,
                      2000,
                    ),
                }
              : {
                  statementStatus: 'Ready',
                  statementNotes: `Not sent: the Database refused the whole batch because of ${culprits}.`,
                },
          );
        }
      } else if (outcome.kind === 'retryLater') {
        summary.waiting += batch.length;
        for (const s of batch)
          marks.set(s.caseId, { statementNotes: `Waiting to be sent again: ${outcome.reason}.` });
        summary.stopped = outcome.reason;
      } else {
        for (const s of batch)
          marks.set(s.caseId, { statementStatus: 'Ready', statementNotes: `Not sent: ${outcome.reason}.` });
        summary.stopped = outcome.reason;
      }
      batch = [];
    }
    writeStatementMarks(cases, marks);
    if (summary.stopped !== '') {
      // The later batches were marked Retry pending but never sent: the next run asks, then sends them.
      summary.waiting += Math.max(0, toSend.length - start - API_BATCH_LIMIT);
      break;
    }
  }
  return summary;
}

export function describeSubmission(s: SubmitSummary): string {
  return [
    `${s.submitted} statement(s) submitted`,
    s.refused ? `${s.refused} refused (see Statement notes)` : '',
    s.waiting ? `${s.waiting} waiting to be sent again by the hourly run` : '',
    s.notReady ? `${s.notReady} not ready` : '',
    s.stopped ? `stopped: ${s.stopped}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** The menu item: every case not yet sent. */
export function submitStatementsOfReasons(): string {
  return runFromMenu('submit', submitChosen);
}

/**
 * Sidebar call "submitStatements": the cases chosen as for previewStatements (selected IDs, a period, or
 * all not yet sent), submitted the same way as from the menu.
 */
export function submitStatements(request?: StatementChoiceRequest): {
  message: string;
  summary: SubmitSummary;
} {
  return runFromSidebar('submit', request, submitChosen);
}

function submitChosen(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  choice: StatementChoice,
  source: 'Menu' | 'Sidebar',
): { message: string; summary: SubmitSummary } {
  const connection = readConnection();
  if (!connection)
    throw new Error(
      'Connect to the Transparency Database first: Extensions > Casebook > Connect Transparency Database.',
    );
  return withDocumentLock(() => {
    const summary = submitStatementsCore(ss, connection, { newStatements: true, choice });
    const message = [`${describeSubmission(summary)}.`, summary.untrusted].filter(Boolean).join(' ');
    recordAudit(ss, [
      {
        at: new Date(),
        user: activeUserEmail(),
        action: 'Submit statements of reasons',
        details: message,
        source,
      },
    ]);
    flushWrites();
    return { message, summary };
  });
}

/** Menu "Connect Transparency Database": the endpoint and token go to the user's own properties. */
export function connectTransparencyDatabase(): string {
  const boxes = messageBoxes();
  const endpoint = boxes.prompt(
    'Transparency Database',
    'Address of the Database (its sandbox or production URL, https://...):',
  );
  if (endpoint === null) return 'Not connected.';
  const token = boxes.prompt(
    'Transparency Database',
    'Your API token (kept in your own user properties, never in the sheet):',
  );
  if (token === null) return 'Not connected.';
  saveConnection({ endpoint: endpoint.trim(), token: token.trim() });
  return 'Connected: Submit statements of reasons now sends to that Database.';
}

/**
 * Hourly job: statements whose answer was lost are checked and, if the Database lacks them, sent. It runs
 * under the dispatcher's script lock (a time-driven run has no document lock), as the trigger's owner.
 */
export function runStatementRetryJob(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): {
  finished: boolean;
  changedState: boolean;
} {
  const connection = readConnection();
  if (!connection) return { finished: true, changedState: false };
  const summary = submitStatementsCore(ss, connection, { newStatements: false });
  if (summary.submitted + summary.refused > 0)
    recordAudit(ss, [
      {
        at: new Date(),
        user: effectiveUserEmail(),
        action: 'Retry statements of reasons',
        details: `${describeSubmission(summary)}.`,
        source: 'Automation',
      },
    ]);
  return { finished: true, changedState: false };
}
