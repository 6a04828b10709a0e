/**
 * Who keeps the privileged settings (mail recipients, the personal-data switch, report folder, SLA targets
 * and calendars, lists) and when a tab holding them can be trusted by code running as the owner: its
 * sheet protection must exist, block (not merely warn), leave no cell unprotected, keep the domain out,
 * and let only the owners and the admins they name edit it. Anything else means an editor may have
 * written the values, so the owner's runs take no decision from them.
 */

import { settingLabel } from '../schema/settings-schema';

export const ADMINS_SETTING = settingLabel('admins');

/** What Sheets says about one tab's sheet protection (null when the tab has none). */
export interface ProtectionFacts {
  warningOnly: boolean;
  unprotectedRanges: number;
  domainEdit: boolean;
  /**
   * null when the runner is kept out: Sheets shows the editors only to those who may edit, so the check is
   * that the runner could not have written the tab. Code running as an owner always sees the list.
   */
  editors: readonly string[] | null;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Emails in a setting's text (comma, semicolon or space separated), lower case, without repeats. */
export function emailList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\s]+/)
        .map(normaliseEmail)
        .filter((item) => item.includes('@')),
    ),
  ];
}

/** Why `tab` cannot be trusted ('' when it can): `trusted` are the owners and the named admins. */
export function protectionProblem(
  tab: string,
  facts: ProtectionFacts | null,
  trusted: readonly string[],
): string {
  if (!facts) return `the ${tab} tab is not protected`;
  if (facts.warningOnly) return `the ${tab} tab's protection only warns`;
  if (facts.unprotectedRanges > 0) return `part of the ${tab} tab is left unprotected`;
  if (facts.domainEdit) return `everyone in the domain may edit the ${tab} tab`;
  if (facts.editors === null) return '';
  const allowed = new Set(trusted.map(normaliseEmail));
  const others = facts.editors.map(normaliseEmail).filter((email) => !allowed.has(email));
  if (others.length > 0)
    return `${others.join(', ')} may edit the ${tab} tab but ${others.length === 1 ? 'is' : 'are'} not the owner or a named admin`;
  return '';
}

/** The sentence the owner's runs log or show when the settings cannot be trusted. */
export function untrustedSettingsSentence(problems: readonly string[]): string {
  return `Settings are not kept by the owner (${problems.join('; ')}): Casebook sends no mail and makes no SLA or report decisions from them until the owner or an admin runs Set up tracker.`;
}
