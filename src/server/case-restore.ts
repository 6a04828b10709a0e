/**
 * A complaint's reversal or a dispute's outcome putting a case back (misjudgement, appeal overturned): the
 * changed fields written to the case's row with its record resealed, and the outcome's own entries with one
 * entry per restored field, as one audit intent, so the case and its entries land both or neither (as a
 * sidebar save). Shared by recordComplaint and recordDispute.
 */
import { auditedWrite, newWriteId } from '../adapters/audit-intent';
import type { AuditEntry } from '../adapters/audit-log';
import type { CasesLayout, findCaseNear } from '../adapters/case-lookup';
import { writeCases } from '../adapters/cases-tab';
import type { Mac } from '../core/audit/seal';
import { sealRecord } from '../core/cases/case-record';
import { type FieldKey, headerOf } from '../core/schema/case-schema';
import type { CaseRow } from '../core/validation/validate-case';

export interface CaseRestore {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  layout: CasesLayout;
  located: NonNullable<ReturnType<typeof findCaseNear>>;
  caseId: string;
  /** The case's fields as its sealed record holds them. */
  accepted: CaseRow;
  changes: CaseRow;
  /** The outcome's own entries (those not yet in the log), written before the restored fields'. */
  entries: AuditEntry[];
  /** The restored fields' entry action and details ("Dispute outcome restored the case", the dispute ID). */
  action: string;
  details: string;
  mac: Mac;
  timeZone: string;
  now: Date;
  user: string;
}

export function writeCaseRestore(r: CaseRestore): void {
  const changed = Object.keys(r.changes) as FieldKey[];
  const update: CaseRow = { ...r.changes, lastUpdatedAt: r.now, lastUpdatedBy: r.user };
  const writeId = newWriteId();
  update.caseRecord = sealRecord(r.mac, r.caseId, { ...r.accepted, ...update }, r.timeZone, writeId);
  auditedWrite(
    r.ss,
    writeId,
    [
      ...r.entries,
      ...changed.map((field) => ({
        at: r.now,
        user: r.user,
        action: r.action,
        caseId: r.caseId,
        field: headerOf(field),
        oldValue: String(r.accepted[field] ?? ''),
        newValue: String(r.changes[field]),
        details: r.details,
        source: 'Sidebar' as const,
      })),
    ],
    () =>
      writeCases(r.layout, [{ caseId: r.caseId, fields: update }], {
        snapshot: r.located.nearby,
        locateByFinder: true,
        rowHints: new Map([[r.caseId, r.located.found.row]]),
      }),
    (written) => written.written.keys(),
  );
}
