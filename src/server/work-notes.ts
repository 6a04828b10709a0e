/**
 * Adding a work note to a case from the case sidebar. The note is an audit entry (core/cases/work-note.ts)
 * recorded with the case's "Last updated" stamp as one audited write, so it is refused where the person
 * cannot edit the tracker (a viewer), and the case and its note land both or neither. Text stays text:
 * the sealed log keeps it literal, the page shows it with textContent.
 */

import { type HistoryEntry, readCaseHistory } from '../adapters/audit-history';
import { auditedWrite, newWriteId } from '../adapters/audit-intent';
import { assertAuditRoom } from '../adapters/audit-log';
import { findCaseNear, NEIGHBOUR_ROWS, readCasesLayout } from '../adapters/case-lookup';
import { writeCases } from '../adapters/cases-tab';
import { activeSpreadsheet, activeUserEmail } from '../adapters/context';
import { withDocumentLock } from '../adapters/document-lock';
import { trackerRecordMac } from '../adapters/seal-key';
import { diffRecord, openRecord, sealRecord } from '../core/cases/case-record';
import { caseVersion } from '../core/cases/version';
import { checkWorkNote, WORK_NOTE_ACTION, WORK_NOTE_FIELD } from '../core/cases/work-note';
import type { CaseRow } from '../core/validation/validate-case';
import { expectObject } from './arguments';
import { HISTORY_LIMIT, readCaseId } from './case-view';

export type WorkNoteResult =
  | { ok: true; history: HistoryEntry[]; olderHistoryCount: number; version: string }
  | { ok: false; error: string };

export function addWorkNote(request: unknown): WorkNoteResult {
  const body = expectObject('request', request);
  const caseId = readCaseId(body.caseId);
  const note = checkWorkNote(body.text);
  if (!note.ok) return { ok: false, error: note.reason };
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  // The time zone alone (dates in the record and the version): a note changes no field the lists check
  // and no SLA, so neither the Lists nor the Settings tab is read.
  const ctx = { timeZone: ss.getSpreadsheetTimeZone() };
  // The header before the lock; inside it, the case alone, found by TextFinder.
  const table = readCasesLayout(ss);
  const user = activeUserEmail();
  const written = withDocumentLock((): { ok: false; error: string } | { ok: true; version: string } => {
    // The store as read here gives the seal key too (one call fewer).
    const known = assertAuditRoom(ss);
    const located = findCaseNear(table, caseId, NEIGHBOUR_ROWS);
    const stored = located?.found.fields;
    if (!stored)
      return { ok: false, error: `Case ${caseId} is no longer in this tracker: the note was not added.` };
    const mac = trackerRecordMac(known);
    const record = openRecord(mac, caseId, stored.caseRecord);
    if (!record.ok) return { ok: false, error: `The note was not added: ${record.message}.` };
    const now = new Date();
    // The record as sealed, restamped: a cell typed since (not yet audited by the edit trigger) is not
    // sealed in with the note, and stays an edit for the trigger or the sweep to audit.
    const sealed = diffRecord(stored, record.fields, ctx.timeZone).sealed;
    const stamped: CaseRow = { ...sealed, lastUpdatedAt: now, lastUpdatedBy: user };
    const writeId = newWriteId();
    const outcome = auditedWrite(
      ss,
      writeId,
      [
        {
          at: now,
          user,
          action: WORK_NOTE_ACTION,
          caseId,
          field: WORK_NOTE_FIELD,
          newValue: note.text,
          details: 'Case sidebar',
          source: 'Sidebar',
        },
      ],
      () =>
        writeCases(
          table,
          [
            {
              caseId,
              fields: {
                lastUpdatedAt: now,
                lastUpdatedBy: user,
                caseRecord: sealRecord(mac, caseId, stamped, ctx.timeZone, writeId),
              },
            },
          ],
          {
            snapshot: located?.nearby,
            locateByFinder: true,
            rowHints: new Map([[caseId, located?.found.row ?? 0]]),
          },
        ),
      (written) => written.written.keys(),
      undefined,
      true,
      known,
    );
    const saved = outcome.written.get(caseId);
    if (!saved)
      return { ok: false, error: `Case ${caseId} is no longer in this tracker: the note was not added.` };
    return { ok: true, version: caseVersion(saved, ctx.timeZone) } as const;
  });
  if (!written.ok) return written;
  // The history after the lock: reading the log needs no lock, and others' saves need not wait for it.
  const history = readCaseHistory(ss, caseId, HISTORY_LIMIT);
  return {
    ok: true,
    history: history.entries,
    olderHistoryCount: history.olderCount,
    version: written.version,
  };
}
