/**
 * Mails a weekly summary's link to managers, one plain-text message each, as far as the daily mail quota
 * goes; the rest wait in the dispatcher state (pendingReportMail) and go out on a later hourly run, once.
 * Sent mail is remembered before anything else is written, so a run that fails later never mails twice.
 * Docs: https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()
 */
import type { AuditEntry } from '../adapters/audit-log';
import { recordAudit } from '../adapters/audit-log';
import { type Recipients, remainingMailQuota, sendToListed } from '../adapters/recipients';
import { updateManagersNotified } from '../adapters/reports-tab';
import {
  type DispatcherState,
  MAX_PENDING_REPORT_MAILS,
  type PendingReportMail,
} from '../core/automation/dispatcher-state';
import { notifiedText, type ReportNotice } from '../core/report/report-notice';
import type { AuditSource } from '../core/tracker/layout';

export interface MailOutcome {
  sent: string[];
  /** Left for a later run: over the quota, or refused this time. */
  waiting: string[];
}

/**
 * Mails the link to each of `recipients` that is on the owner-kept list `listed`; anyone else is dropped
 * with a log line, never mailed and never kept waiting.
 */
export function mailReportLink(
  listed: Recipients,
  addresses: readonly string[],
  notice: ReportNotice,
  beforeSend?: (recipient: string, sentSoFar: readonly string[]) => void,
): MailOutcome {
  const outcome: MailOutcome = { sent: [], waiting: [] };
  const recipients = addresses.filter((address) => listed.managers.includes(address.trim().toLowerCase()));
  if (recipients.length < addresses.length)
    console.warn(
      `Casebook: ${addresses.length - recipients.length} weekly summary links were not sent: their addresses are not Managers on the owner's Settings tab.`,
    );
  if (recipients.length === 0) return outcome;
  let quota = remainingMailQuota();
  for (const recipient of recipients) {
    if (quota < 1) {
      outcome.waiting.push(recipient);
      continue;
    }
    // The caller's write-ahead (the hourly run saves who is being mailed): outside the try, so a failure
    // to save sends nothing.
    beforeSend?.(recipient, outcome.sent);
    try {
      sendToListed(listed, { to: recipient, subject: notice.subject, body: notice.body });
      outcome.sent.push(recipient);
      quota -= 1;
    } catch (error) {
      // A refused mail waits for a later run rather than being lost.
      console.warn(
        `Casebook: the weekly summary link to ${recipient} could not be sent and will be retried: ${error instanceof Error ? error.message : String(error)}`,
      );
      outcome.waiting.push(recipient);
    }
  }
  if (outcome.waiting.length > 0)
    console.warn(
      `Casebook: ${outcome.waiting.length} weekly summary links wait for the mail quota; a later hourly run sends them.`,
    );
  return outcome;
}

/** Audit entries for links that went out. */
export function sentEntries(
  sent: readonly string[],
  week: string,
  user: string,
  source: AuditSource,
): AuditEntry[] {
  return sent.map((recipient) => ({
    at: new Date(),
    user,
    action: 'Notice sent',
    details: `Weekly summary ${week} link to ${recipient}`,
    source,
  }));
}

export interface MailedReport {
  week: string;
  docName: string;
  url: string;
  sent: string[];
  waiting: string[];
}

/**
 * Records a generation's mail in the dispatcher state: those just sent no longer wait for the week's
 * earlier link (the new mail carries the same Doc), those the quota could not take wait for a later run.
 * Returns true when the state changed.
 */
export function settlePending(state: DispatcherState, mailed: MailedReport): boolean {
  const pending = state.pendingReportMail ?? [];
  const earlier = pending.find((p) => p.week === mailed.week);
  if (!earlier && mailed.waiting.length === 0) return false;
  const entry: PendingReportMail = earlier ?? {
    week: mailed.week,
    docName: mailed.docName,
    url: mailed.url,
    recipients: [],
    notified: [],
  };
  entry.docName = mailed.docName;
  entry.url = mailed.url;
  entry.recipients = [...new Set([...entry.recipients, ...mailed.waiting])].filter(
    (r) => !mailed.sent.includes(r),
  );
  entry.notified = [...new Set([...entry.notified, ...mailed.sent])];
  const others = pending.filter((p) => p !== entry);
  const kept = entry.recipients.length > 0 ? [...others, entry] : others;
  if (kept.length > 0) state.pendingReportMail = kept.slice(-MAX_PENDING_REPORT_MAILS);
  else delete state.pendingReportMail;
  return true;
}

/**
 * Sends waiting links the quota now allows (the hourly run, which holds the script lock); each sent one is
 * saved at once, then audited and shown on the Reports tab. Returns true when the state changed.
 */
export function deliverPendingReportMail(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: DispatcherState,
  saveState: () => void,
  user: string,
  trackerNotice: (entry: PendingReportMail) => ReportNotice,
  listed: Recipients,
): boolean {
  const pending = state.pendingReportMail ?? [];
  if (pending.length === 0) return false;
  const delivered: { entry: PendingReportMail; sent: string[] }[] = [];
  let dropped = false;
  for (const entry of pending) {
    const before = entry.recipients.length;
    const { sent, waiting } = mailReportLink(listed, entry.recipients, trackerNotice(entry));
    // Addresses no longer on the owner's list stop waiting.
    dropped = dropped || sent.length + waiting.length < before;
    entry.recipients = waiting;
    if (sent.length === 0) continue;
    entry.notified = [...entry.notified, ...sent];
    delivered.push({ entry, sent });
  }
  if (delivered.length === 0 && !dropped) return false;
  const left = pending.filter((entry) => entry.recipients.length > 0);
  if (left.length > 0) state.pendingReportMail = left;
  else delete state.pendingReportMail;
  saveState();
  for (const { entry } of delivered)
    updateManagersNotified(ss, entry.week, notifiedText(entry.notified, entry.recipients));
  recordAudit(
    ss,
    delivered.flatMap(({ entry, sent }) => sentEntries(sent, entry.week, user, 'Automation')),
  );
  return true;
}
