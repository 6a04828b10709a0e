/**
 * MailApp: sending mail as the effective user (an installable trigger sends as its owner), counted against
 * that account's daily recipient quota. Every recipient (to, cc, bcc) counts; at most 50 per message; the
 * quota refreshes 24 hours after the recipients were counted (a rolling window, as Google describes
 * "daily" quotas). Sent mail lands in workspace.mail, where tests and the playground read it.
 * Docs: https://developers.google.com/apps-script/reference/mail/mail-app ,
 * https://developers.google.com/apps-script/guides/services/quotas (email recipients a day: 100 consumer,
 * 1,500 Workspace; recipients per message: 50; "Daily quotas are refreshed at the end of a 24-hour window").
 */
import { NotEmulatedError, ScriptException } from '../runtime/errors';
import type { Execution } from '../runtime/execution';
import { emulate } from '../runtime/instrument';

type MailMembers = 'sendEmail' | 'getRemainingDailyQuota';

const DAY_MS = 86_400_000;
const RECIPIENTS_PER_MESSAGE = 50;
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

interface MessageFields {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  cc?: string;
  bcc?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
}

const addresses = (list: string | undefined) =>
  (list ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');

class EmulatedMailApp implements Pick<GoogleAppsScript.Mail.MailApp, MailMembers> {
  constructor(private readonly exec: Execution) {}

  private sentInWindow(): number {
    const { workspace, effectiveUser } = this.exec;
    const since = workspace.clock.now() - DAY_MS;
    return workspace.mail
      .filter((m) => m.from === effectiveUser.email && m.sentMs > since)
      .reduce((sum, m) => sum + m.recipients, 0);
  }

  getRemainingDailyQuota(): number {
    const limit = this.exec.workspace.mailRecipientsPerDay(this.exec.effectiveUser.email);
    return Math.max(0, limit - this.sentInWindow());
  }

  sendEmail(...args: unknown[]): void {
    const message = this.readMessage(args);
    for (const option of ['attachments', 'inlineImages'])
      if (option in message) throw new NotEmulatedError(`MailApp.sendEmail option ${option}`);
    const recipients = [message.to, message.cc, message.bcc].flatMap(addresses);
    if (recipients.length === 0) throw new ScriptException('Failed to send email: no recipient');
    const bad = recipients.find((r) => !EMAIL.test(r));
    if (bad) throw new ScriptException(`Invalid email: ${bad}`);
    if (recipients.length > RECIPIENTS_PER_MESSAGE)
      throw new ScriptException('Limit Exceeded: Email Recipients Per Message.');
    if (recipients.length > this.getRemainingDailyQuota())
      throw new ScriptException('Service invoked too many times for one day: email.');
    this.exec.workspace.mail.push({
      from: this.exec.effectiveUser.email,
      to: addresses(message.to).join(', '),
      subject: message.subject,
      body: message.body,
      htmlBody: message.htmlBody ?? null,
      sentMs: this.exec.workspace.clock.now(),
      recipients: recipients.length,
    });
  }

  /** sendEmail(to, subject, body[, options]) or sendEmail(message). */
  private readMessage(args: unknown[]): MessageFields {
    if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) {
      const m = args[0] as Partial<MessageFields>;
      if (typeof m.to !== 'string' || typeof m.subject !== 'string')
        throw new ScriptException('Invalid argument: message needs to and subject');
      return { ...m, to: m.to, subject: m.subject, body: typeof m.body === 'string' ? m.body : '' };
    }
    const [to, subject, body, options] = args;
    if (typeof to !== 'string' || typeof subject !== 'string' || typeof body !== 'string')
      throw new ScriptException("The parameters don't match the method signature for MailApp.sendEmail.");
    return { ...((options ?? {}) as Partial<MessageFields>), to, subject, body };
  }
}

export function createMailApp(exec: Execution): GoogleAppsScript.Mail.MailApp {
  return emulate(new EmulatedMailApp(exec), 'MailApp', exec) as unknown as GoogleAppsScript.Mail.MailApp;
}
