/**
 * Session and User. Docs: https://developers.google.com/apps-script/reference/base/session
 * getActiveUser().getEmail() "may return a blank string" when the active user is not visible (consumer
 * accounts, other domains, simple triggers); getEffectiveUser is whose authority the script runs with.
 */

import type { Execution } from '../runtime/execution';
import { emulate } from '../runtime/instrument';

type SessionMembers =
  | 'getActiveUser'
  | 'getEffectiveUser'
  | 'getScriptTimeZone'
  | 'getActiveUserLocale'
  | 'getTemporaryActiveUserKey';

class EmulatedUser implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }
}

class EmulatedSession implements Pick<GoogleAppsScript.Base.Session, SessionMembers> {
  constructor(private readonly exec: Execution) {}

  getActiveUser(): GoogleAppsScript.Base.User {
    const email = this.exec.activeUserVisible ? this.exec.user.email : '';
    return emulate(new EmulatedUser(email), 'User', this.exec) as unknown as GoogleAppsScript.Base.User;
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    return emulate(
      new EmulatedUser(this.exec.effectiveUser.email),
      'User',
      this.exec,
    ) as unknown as GoogleAppsScript.Base.User;
  }

  getScriptTimeZone(): string {
    return this.exec.workspace.scriptTimeZone;
  }

  getActiveUserLocale(): string {
    return 'en';
  }

  /** Docs: a key unique to the active user and script, rotating monthly; stable per user here. */
  getTemporaryActiveUserKey(): string {
    return `tmpkey-${Buffer.from(this.exec.user.email).toString('base64url')}`;
  }
}

export function createSession(exec: Execution): GoogleAppsScript.Base.Session {
  return emulate(new EmulatedSession(exec), 'Session', exec) as unknown as GoogleAppsScript.Base.Session;
}
