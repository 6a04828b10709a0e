/**
 * The SLA sweep, one of the hourly dispatcher's jobs: every case's SLA columns brought up to date, the
 * escalation level raised once per breach, and due-soon and breach notices mailed as one digest per
 * recipient. Statuses changed in the sheet that the edit trigger missed are checked first. Everything is computed from one read before anything is written; notices already mailed are
 * remembered in the dispatcher state until their rows say so, so a run that fails or stops half way never
 * mails them twice; notices the mail quota cannot take wait for a later run.
 */
import { type AuditEntry, recordAudit } from '../adapters/audit-log';
import { type CasesTable, locateCases, readCases, writeCaseBlock } from '../adapters/cases-tab';
import { readTrackerContext } from '../adapters/intake-context';
import { type Recipients, sendToListed } from '../adapters/recipients';
import type { DispatcherState } from '../core/automation/dispatcher-state';
import { type Digest, digestsOf, noticeKey, planSlaSweep, tokenFor } from '../core/automation/sla-sweep';
import type { SlaSettings } from '../core/sla/sla-settings';
import type { CaseRow, TaxonomyLists } from '../core/validation/validate-case';
import { rowLink } from './links';
import { missedStatusEdits, planSheetChanges, writeSheetChanges } from './sheet-changes';

/** Keeps the remembered notice keys well inside the developer metadata limit. */
const MAX_NOTICES_PER_RUN = 400;

/** Missed status edits are rare; this keeps a run that finds many inside its time. */
const MAX_RECONCILED_PER_RUN = 200;

export interface SweepOutcome {
  finished: boolean;
  /** True when notices or rows changed, so the state must be saved. */
  changedState: boolean;
}

function rowLinks(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, table: CasesTable): Map<string, string> {
  const url = ss.getUrl();
  const sheetId = table.sheet.getSheetId();
  return new Map(
    table.rows.map((row, i) => [
      String(row.caseId ?? '').trim(),
      rowLink(url, sheetId, table.rowNumbers[i] as number),
    ]),
  );
}

/** Sends what the quota allows; returns the keys of the notices that went out. */
function sendDigests(
  digests: readonly Digest[],
  deadlineMs: number,
  audit: AuditEntry[],
  sender: string,
  listed: Recipients,
): string[] {
  if (digests.length === 0) return [];
  let quota = MailApp.getRemainingDailyQuota();
  const sent: string[] = [];
  for (const digest of digests) {
    if (quota < 1) {
      console.warn(
        `Casebook: the daily mail quota is used up; ${digests.length - sent.length} SLA digests wait for a later run.`,
      );
      break;
    }
    if (Date.now() > deadlineMs) break;
    try {
      // Only addresses on the owner's Settings tab: a case's Owner cell is never a recipient by itself.
      sendToListed(listed, { to: digest.recipient, subject: digest.subject, body: digest.body });
    } catch (error) {
      // A refused mail is deferred, not lost: its notices stay unmarked and are planned again.
      console.warn(
        `Casebook: an SLA digest could not be sent and will be retried: ${error instanceof Error ? error.message : String(error)}`,
      );
      continue;
    }
    quota -= 1;
    for (const notice of digest.notices) {
      sent.push(noticeKey(notice.caseId, notice.cycle, tokenFor(notice.kind)));
      audit.push({
        at: new Date(),
        user: sender,
        action: 'Notice sent',
        caseId: notice.caseId,
        details: `${notice.kind === 'breach' ? 'Breach' : 'Due soon'} notice to ${notice.recipient}`,
        source: 'Automation',
      });
    }
  }
  return sent;
}

/**
 * Statuses typed while the edit trigger could not check them are checked now, with the same rules; the
 * rows read are updated in memory so the sweep plans from what the sheet now says. Written row by row:
 * there are few, and at most MAX_RECONCILED_PER_RUN per run.
 */
function reconcileMissedEdits(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: CasesTable,
  now: Date,
  sender: string,
  sla: SlaSettings,
  lists: TaxonomyLists,
): void {
  const missed = missedStatusEdits(table.rows).slice(0, MAX_RECONCILED_PER_RUN);
  if (missed.length === 0) return;
  const plans = planSheetChanges(missed, {
    now,
    user: sender,
    sla,
    source: 'Automation',
    otherEdits: [],
    details: 'Status changed in the sheet while automation could not check it',
  });
  writeSheetChanges(table, plans, lists);
  const planOf = new Map(plans.map((plan) => [plan.caseId, plan]));
  for (const row of missed) Object.assign(row, planOf.get(String(row.caseId ?? '').trim())?.fields ?? {});
  // Audited at once, so a failure later in the sweep cannot lose what was already written.
  recordAudit(
    ss,
    plans.flatMap((plan) => plan.audit),
  );
}

export function runSlaSweep(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: DispatcherState,
  deadlineMs: number,
  saveState: () => void,
): SweepOutcome {
  const table = readCases(ss);
  const { sla, slaProblems, ctx: tracker, recipients } = readTrackerContext(ss);
  if (!sla) {
    console.warn(`Casebook: SLA checks skipped until the Settings tab is fixed: ${slaProblems.join('; ')}`);
    return { finished: true, changedState: false };
  }
  const nowMs = Date.now();
  const sender = Session.getEffectiveUser().getEmail();
  reconcileMissedEdits(ss, table, new Date(nowMs), sender, sla, tracker.lists);
  const audit: AuditEntry[] = [];
  const delivered = new Set(state.delivered);
  const first = planSlaSweep(table.rows, nowMs, sla, delivered);
  if (first.unnotified.length > 0)
    console.warn(
      `Casebook: ${first.unnotified.length} SLA notices have nobody to go to: set Team lead on the Settings tab.`,
    );
  const digests = digestsOf(
    first.notices.slice(0, MAX_NOTICES_PER_RUN),
    ss.getName(),
    rowLinks(ss, table),
    sla.calendar.timeZone,
  );
  const sent = sendDigests(digests, deadlineMs, audit, sender, recipients);
  if (sent.length > 0) {
    state.delivered = [...delivered, ...sent];
    // Saved before the rows: if writing fails now, the next run still knows these went out.
    saveState();
  }
  const plan = sent.length > 0 ? planSlaSweep(table.rows, nowMs, sla, new Set(state.delivered)) : first;
  const now = new Date(nowMs);
  // Only changes whose block was written are audited: a run stopped at its deadline plans the rest again.
  const auditWritten = (change: (typeof plan.changes)[number]) => {
    for (const item of change.audit)
      audit.push({
        at: now,
        user: sender,
        action: 'SLA',
        caseId: change.caseId,
        ...item,
        source: 'Automation',
      });
  };

  const currentOf = new Map(table.rows.map((row) => [String(row.caseId ?? '').trim(), row]));
  const rowOf = locateCases(
    table,
    plan.changes.map((c) => c.caseId),
  );
  const placed = plan.changes
    .map((change) => ({ change, row: rowOf.get(change.caseId) }))
    .filter((p): p is { change: (typeof plan.changes)[number]; row: number } => p.row !== undefined)
    .sort((a, b) => a.row - b.row);
  let finished = true;
  let index = 0;
  while (index < placed.length) {
    if (Date.now() > deadlineMs) {
      finished = false;
      break;
    }
    let end = index;
    while (
      end + 1 < placed.length &&
      (placed[end + 1] as { row: number }).row === (placed[end] as { row: number }).row + 1
    )
      end += 1;
    const block = placed.slice(index, end + 1);
    writeCaseBlock(
      table,
      (block[0] as { row: number }).row,
      block.map(({ change }) => ({
        fields: change.fields,
        current: currentOf.get(change.caseId) ?? ({} as CaseRow),
      })),
    );
    for (const { change } of block) auditWritten(change);
    index = end + 1;
  }
  recordAudit(ss, audit);
  if (finished) state.delivered = [];
  return { finished, changedState: sent.length > 0 || plan.changes.length > 0 };
}
