/**
 * The installable edit trigger ("Enable automation" installs it): when someone types, pastes, fills down
 * or clears a status on the Cases tab, each touched case is found by its ID inside the document lock and
 * its change is run through the lifecycle. A change the lifecycle refuses is put back to the status
 * Casebook last accepted, with the reason in the cell's note and a toast; an accepted one gets its stamps,
 * SLA columns and audit entries. It runs as the automation owner (FULL), so it may write the protected
 * Audit log; it never sends anything anywhere.
 * Docs: https://developers.google.com/apps-script/guides/triggers/events#edit (no value/oldValue for
 * multi-cell edits, hence the Accepted status column) and
 * https://developers.google.com/apps-script/guides/triggers/installable.
 */
import { type AuditEntry, appendAudit } from '../adapters/audit-log';
import {
  locateCases,
  NOTE_PREFIX,
  readCaseRows,
  withoutCasebookLines,
  writeCaseFields,
} from '../adapters/cases-tab';
import { BUSY_MESSAGE, tryDocumentLock } from '../adapters/document-lock';
import { readTrackerContext } from '../adapters/intake-context';
import { applyLifecycle } from '../core/lifecycle/apply-change';
import type { FieldKey } from '../core/schema/case-schema';
import type { SlaSettings } from '../core/sla/sla-settings';
import { TABS } from '../core/tracker/layout';
import type { CaseRow } from '../core/validation/validate-case';

/** Columns whose edit can change a case's lifecycle or SLA; edits elsewhere are left to onEdit's checks. */
export const TRACKED_FIELDS: readonly FieldKey[] = ['status', 'severity', 'escalatedTo'];

/** A paste larger than this is refused back to its accepted statuses in one go rather than case by case. */
const MAX_ROWS_PER_EDIT = 2_000;

const text = (value: unknown) => String(value ?? '').trim();

interface Refusal {
  caseId: string;
  reason: string;
}

export function onCaseEdit(event?: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = event?.range;
  if (!range) return;
  const sheet = range.getSheet();
  if (sheet.getName() !== TABS.cases) return;
  const first = Math.max(2, range.getRow());
  const last = range.getLastRow();
  if (last < first) return;
  const firstColumn = range.getColumn();
  const lastColumn = range.getLastColumn();

  const ss = event.source;
  const done = tryDocumentLock(() => {
    const table = readCaseRows(sheet, first, Math.min(last, first + MAX_ROWS_PER_EDIT - 1));
    const touched = TRACKED_FIELDS.filter((key) => {
      const column = table.columnOf.get(key) as number;
      return column >= firstColumn && column <= lastColumn;
    });
    if (touched.length === 0) return true;
    const { sla } = readTrackerContext(ss);
    const now = new Date();
    const user = event.user ? String(event.user) : Session.getActiveUser().getEmail();
    const plans = planCaseWrites(table.rows, now, user, sla);
    if (plans.length === 0) return true;

    const rowOf = locateCases(
      table,
      plans.map((plan) => plan.caseId),
    );
    const statusColumn = table.columnOf.get('status') as number;
    const refusals: Refusal[] = [];
    for (const plan of plans) {
      const sheetRow = rowOf.get(plan.caseId);
      // A case deleted meanwhile has nothing left to write to; its audit entry still says what happened.
      if (sheetRow === undefined) continue;
      writeCaseFields(table, sheetRow, plan.fields);
      if (plan.refusal) {
        refusals.push({ caseId: plan.caseId, reason: plan.refusal });
        const cell = sheet.getRange(sheetRow, statusColumn);
        const kept = withoutCasebookLines(cell.getNote());
        const note = `${NOTE_PREFIX}${plan.refusedValue || 'A blank status'} was not accepted: ${plan.refusal}`;
        cell.setNote(kept ? `${kept}\n${note}` : note);
      }
    }
    const auditSheet = ss.getSheetByName(TABS.audit);
    if (auditSheet)
      appendAudit(
        auditSheet,
        plans.flatMap((plan) => plan.audit),
      );
    if (refusals.length > 0) {
      const [one] = refusals;
      ss.toast(
        refusals.length === 1 && one
          ? `${one.caseId}: ${one.reason}. The status was put back.`
          : `${refusals.length} status changes were put back: see the notes on their Status cells.`,
        'Casebook',
        10,
      );
    }
    SpreadsheetApp.flush();
    return true;
  });
  if (done === null) ss.toast(BUSY_MESSAGE, 'Casebook', 10);
}

interface CaseWrite {
  caseId: string;
  fields: CaseRow;
  audit: AuditEntry[];
  refusal?: string;
  refusedValue?: string;
}

/**
 * What to write for each touched case, computed before anything is written. A status that differs from
 * the accepted one is a change; the lifecycle accepts it (stamps, SLA) or it is put back.
 */
function planCaseWrites(
  rows: readonly CaseRow[],
  now: Date,
  user: string,
  sla: SlaSettings | null,
): CaseWrite[] {
  const plans: CaseWrite[] = [];
  for (const row of rows) {
    const caseId = text(row.caseId);
    if (caseId === '') continue;
    const accepted = text(row.acceptedStatus);
    // A case from before automation has no accepted status yet: what it holds now is taken as accepted.
    const before: CaseRow = { ...row, status: accepted === '' ? row.status : accepted };
    const entry = (action: string, details?: string): AuditEntry => ({
      at: now,
      user,
      action,
      caseId,
      field: 'Status',
      oldValue: text(before.status),
      newValue: text(row.status),
      source: 'Sheet edit',
      ...(details ? { details } : {}),
    });
    const outcome = applyLifecycle(before, row, now.getTime(), sla);
    if (!outcome.ok) {
      plans.push({
        caseId,
        fields: { status: before.status },
        audit: [entry('Status refused', outcome.reason)],
        refusal: outcome.reason,
        refusedValue: text(row.status),
      });
      continue;
    }
    const fields: CaseRow = { ...outcome.updates };
    if (accepted === '') fields.acceptedStatus = text(row.status);
    if (Object.keys(fields).length === 0) continue;
    plans.push({
      caseId,
      fields: { ...fields, lastUpdatedAt: now, lastUpdatedBy: user },
      audit: text(before.status) !== text(row.status) ? [entry('Edit')] : [],
    });
  }
  return plans;
}
