/**
 * The script lock, held by one execution of the add-on per user and script: it keeps two hourly runs, or
 * a run and a menu-made weekly summary, from working at once.
 * Docs: https://developers.google.com/apps-script/reference/lock/lock-service#getScriptLock()
 */

/** The script lock when it could be had within waitMs (release it when done), otherwise null. */
export function tryScriptLock(waitMs: number): GoogleAppsScript.Lock.Lock | null {
  const lock = LockService.getScriptLock();
  return lock.tryLock(waitMs) ? lock : null;
}
