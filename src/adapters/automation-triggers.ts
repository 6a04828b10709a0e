/**
 * Casebook's two installable triggers for one tracker and one user: the edit trigger and the hourly
 * dispatcher (an editor add-on may have one of each type per user per document). Installing is
 * idempotent: existing triggers are listed first and kept. Trigger creation sometimes fails with a
 * passing server error, so each is tried a bounded number of times before the failure is reported.
 * The hourly run has no active document, so the tracker's ID is kept in the user's properties under
 * the trigger's ID. Docs: https://developers.google.com/apps-script/guides/triggers/installable ,
 * https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions
 */

export const EDIT_HANDLER = 'onCaseEdit';
export const HOURLY_HANDLER = 'runHourlyJobs';
const MAPPING_PREFIX = 'casebook.tracker.';
const ATTEMPTS = 3;
const BACKOFF_MS = 1_000;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

export interface InstalledTriggers {
  edit: Trigger | null;
  hourly: Trigger | null;
}

export function findTriggers(ss: Spreadsheet): InstalledTriggers {
  const mine = ScriptApp.getUserTriggers(ss);
  return {
    edit: mine.find((t) => t.getHandlerFunction() === EDIT_HANDLER) ?? null,
    hourly: mine.find((t) => t.getHandlerFunction() === HOURLY_HANDLER) ?? null,
  };
}

function withRetries<T>(what: string, attempt: () => T): T {
  let lastError: unknown;
  for (let tries = 1; tries <= ATTEMPTS; tries++) {
    try {
      return attempt();
    } catch (error) {
      lastError = error;
      if (tries < ATTEMPTS) Utilities.sleep(BACKOFF_MS * tries);
    }
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new Error(`Casebook could not ${what} after ${ATTEMPTS} tries (${reason}).`);
}

/** Installs whichever trigger is missing; returns the set now installed. Rolls back what it made on failure. */
export function installTriggers(ss: Spreadsheet): InstalledTriggers {
  const found = findTriggers(ss);
  const made: Trigger[] = [];
  try {
    const edit =
      found.edit ??
      withRetries('turn on the edit automation', () =>
        ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(ss).onEdit().create(),
      );
    if (!found.edit) made.push(edit);
    const hourly =
      found.hourly ??
      withRetries('turn on the hourly checks', () =>
        ScriptApp.newTrigger(HOURLY_HANDLER).timeBased().everyHours(1).create(),
      );
    if (!found.hourly) made.push(hourly);
    PropertiesService.getUserProperties().setProperty(`${MAPPING_PREFIX}${hourly.getUniqueId()}`, ss.getId());
    return { edit, hourly };
  } catch (error) {
    // Half-on automation would surprise people: what this call made goes again.
    for (const trigger of made) ScriptApp.deleteTrigger(trigger);
    throw error;
  }
}

export function removeTriggers(ss: Spreadsheet): number {
  const found = findTriggers(ss);
  const properties = PropertiesService.getUserProperties();
  let removed = 0;
  for (const trigger of [found.edit, found.hourly]) {
    if (!trigger) continue;
    if (trigger === found.hourly) properties.deleteProperty(`${MAPPING_PREFIX}${trigger.getUniqueId()}`);
    ScriptApp.deleteTrigger(trigger);
    removed += 1;
  }
  return removed;
}

/** The tracker an hourly trigger serves, or null when the trigger is not Casebook's (or was removed). */
export function trackerOfTrigger(triggerUid: string): string | null {
  return PropertiesService.getUserProperties().getProperty(`${MAPPING_PREFIX}${triggerUid}`);
}
