/**
 * The one place the owner's runs get mail recipients from, and the one way they send: the team lead, team
 * members and managers named on the owner-kept Settings tab (see privileged-settings.ts), nothing else.
 * An address typed anywhere an editor can write (a case's Owner column, an unprotected or tampered
 * Settings tab) is never on this list, and a message to an address not on it is refused, not sent.
 * Docs: https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object)
 */
import { REPORT_SETTINGS } from '../core/report/schedule';
import { SLA_SETTINGS } from '../core/sla/sla-settings';
import { emailList, normaliseEmail } from '../core/tracker/privileged-settings';
import type { PrivilegedSettings } from './privileged-settings';

export interface Recipients {
  teamLead: string;
  teamMembers: string[];
  managers: string[];
  /** '' when the list is the owner's; otherwise why nobody receives mail. */
  problem: string;
}

export function recipientsOf(privileged: PrivilegedSettings): Recipients {
  const text = (key: string) => privileged.settings.get(key) ?? '';
  return {
    teamLead: emailList(text(SLA_SETTINGS.teamLead))[0] ?? '',
    teamMembers: emailList(text(SLA_SETTINGS.teamMembers)),
    managers: emailList(text(REPORT_SETTINGS.managers)),
    problem: privileged.problem,
  };
}

export function isListed(recipients: Recipients, address: string): boolean {
  const who = normaliseEmail(address);
  return (
    who !== '' &&
    (who === recipients.teamLead || recipients.teamMembers.includes(who) || recipients.managers.includes(who))
  );
}

export interface OwnerMail {
  to: string;
  subject: string;
  body: string;
}

/** Sends one plain-text message to a listed recipient; throws (nothing sent) for anyone else. */
export function sendToListed(recipients: Recipients, mail: OwnerMail): void {
  if (!isListed(recipients, mail.to))
    throw new Error(
      `Casebook sends mail only to addresses on the owner's Settings tab; ${mail.to} is not one.`,
    );
  MailApp.sendEmail({ to: mail.to, subject: mail.subject, body: mail.body, name: 'Casebook' });
}

/** How many more messages the add-on may send today (MailApp's daily quota). */
export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}
