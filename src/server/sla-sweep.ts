/**
 * The SLA sweep, one of the hourly dispatcher's jobs: every case's SLA columns brought up to date, the
 * escalation level raised once per breach, and due-soon and breach notices mailed as one digest per
 * recipient. Everything is computed from one read before anything is written; notices already mailed are
 * remembered in the dispatcher state until their rows say so, so a run that fails or stops half way never
 * mails them twice; notices the mail quota cannot take wait for a later run.
 */
import { type AuditEntry, appendAudit } from '../adapters/audit-log';
import { type CasesTable, locateCases, readCases, writeCaseBlock } from '../adapters/cases-tab';
import { readTrackerContext } from '../adapters/intake-context';
import type { DispatcherState } from '../core/automation/dispatcher-state';
import { type Digest, digestsOf, noticeKey, planSlaSweep, tokenFor } from '../core/automation/sla-sweep';
import { TABS } from '../core/tracker/layout';
import type { CaseRow } from '../core/validation/validate-case';
import { rowLink } from './links';

/** Keeps the remembered notice keys well inside the developer metadata limit. */
const MAX_NOTICES_PER_RUN = 400;

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
      MailApp.sendEmail({
        to: digest.recipient,
        subject: digest.subject,
        body: digest.body,
        name: 'Casebook',
      });
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

export function runSlaSweep(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: DispatcherState,
  deadlineMs: number,
  saveState: () => void,
): SweepOutcome {
  const table = readCases(ss);
  const { sla, slaProblems } = readTrackerContext(ss);
  if (!sla) {
    console.warn(`Casebook: SLA checks skipped until the Settings tab is fixed: ${slaProblems.join('; ')}`);
    return { finished: true, changedState: false };
  }
  const nowMs = Date.now();
  const sender = Session.getEffectiveUser().getEmail();
  const delivered = new Set(state.delivered);
  const first = planSlaSweep(table.rows, nowMs, sla, delivered);
  if (first.unnotified.length > 0)
    console.warn(
      `Casebook: ${first.unnotified.length} SLA notices have nobody to go to: set Team lead on the Settings tab.`,
    );
  const audit: AuditEntry[] = [];
  const digests = digestsOf(first.notices.slice(0, MAX_NOTICES_PER_RUN), ss.getName(), rowLinks(ss, table));
  const sent = sendDigests(digests, deadlineMs, audit, sender);
  if (sent.length > 0) {
    state.delivered = [...delivered, ...sent];
    // Saved before the rows: if writing fails now, the next run still knows these went out.
    saveState();
  }
  const plan = sent.length > 0 ? planSlaSweep(table.rows, nowMs, sla, new Set(state.delivered)) : first;
  const now = new Date(nowMs);
  for (const change of plan.changes) {
    for (const item of change.audit)
      audit.push({
        at: now,
        user: sender,
        action: 'SLA',
        caseId: change.caseId,
        ...item,
        source: 'Automation',
      });
  }

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
    index = end + 1;
  }
  const auditSheet = ss.getSheetByName(TABS.audit);
  if (auditSheet) appendAudit(auditSheet, audit);
  if (finished) state.delivered = [];
  return { finished, changedState: sent.length > 0 || plan.changes.length > 0 };
}
